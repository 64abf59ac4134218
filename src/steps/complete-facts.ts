/**
 * What readelf does not print, read from the file's bytes: Go build info, and in a static binary
 * its C library and the NSS functions it calls.
 */
import { readRange } from '../adapters/files.js';
import { parseGoBuildInfo } from '../domain/elf/buildinfo.js';
import type { ElfFacts, ReadelfFacts, SectionInfo } from '../domain/elf/elf-facts.js';
import {
  cgoNssWrappers,
  definedSymbolNames,
  hasGlibcTunables,
  staticLibcOfSymbols,
  staticNssFunctions,
} from '../domain/elf/static-symbols.js';

const BUILDINFO_MAX = 1024 * 1024;
const SYMTAB_MAX = 64 * 1024 * 1024;

/** Adds what readelf does not print: Go build info, a static binary's C library and NSS symbols. */
export async function completeFacts(path: string, parsed: ReadelfFacts): Promise<ElfFacts> {
  const facts: ElfFacts = {
    ...parsed,
    goBuild: null,
    goBuildError: null,
    staticSymbols: [],
    staticLibc: null,
  };
  const section = (name: string) =>
    parsed.layout.sections.find((s) => s.name === name && s.type !== 'NOBITS');
  const buildinfo = section('.go.buildinfo');
  if (buildinfo !== undefined) {
    const result = parseGoBuildInfo(
      await readRange(path, buildinfo.offset, Math.min(buildinfo.size, BUILDINFO_MAX)),
    );
    if ('info' in result) facts.goBuild = result.info;
    else facts.goBuildError = result.error;
  }
  const sharedLibrary = parsed.type === 'DYN' && !parsed.pie;
  if (parsed.interpreter === null && !sharedLibrary) {
    const found = await staticLibc(path, parsed, section);
    facts.staticLibc = found.libc;
    facts.staticSymbols = found.nss;
  }
  return facts;
}

type SectionLookup = (name: string) => SectionInfo | undefined;

/**
 * The C library in a static binary and the NSS functions it calls: from .symtab; stripped, from
 * glibc's marks (its start files' ABI note, GLIBC_TUNABLES) and Go's tables of cgo wrappers.
 */
async function staticLibc(
  path: string,
  parsed: ReadelfFacts,
  section: SectionLookup,
): Promise<{ libc: 'glibc' | 'musl' | null; nss: string[] }> {
  const read = async (s: SectionInfo): Promise<Uint8Array> =>
    readRange(path, s.offset, Math.min(s.size, SYMTAB_MAX));
  const symtab = section('.symtab');
  const strtab = section('.strtab');
  if (symtab !== undefined && strtab !== undefined) {
    const defined = definedSymbolNames({
      symtab: await read(symtab),
      strtab: await read(strtab),
      is64: parsed.class === 'ELF64',
      littleEndian: parsed.endian === 'little',
    });
    const libc = staticLibcOfSymbols(defined) ?? (parsed.abiTag === null ? null : 'glibc');
    return { libc, nss: staticNssFunctions(defined) };
  }
  const rodata = section('.rodata');
  const glibc =
    parsed.abiTag !== null || (rodata !== undefined && hasGlibcTunables(await read(rodata)));
  if (!glibc) return { libc: null, nss: [] };
  const pclntab = section('.gopclntab');
  return { libc: 'glibc', nss: pclntab === undefined ? [] : cgoNssWrappers(await read(pclntab)) };
}
