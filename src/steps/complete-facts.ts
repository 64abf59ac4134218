/** What readelf does not print, read from the file's bytes: Go build info, static NSS symbols. */
import { readRange } from '../adapters/files.js';
import { parseGoBuildInfo } from '../domain/elf/buildinfo.js';
import type { ElfFacts, ReadelfFacts, SectionInfo } from '../domain/elf/elf-facts.js';
import {
  definedSymbolNames,
  staticNssFromGoTables,
  staticNssFunctions,
} from '../domain/elf/static-symbols.js';

const BUILDINFO_MAX = 1024 * 1024;
const SYMTAB_MAX = 64 * 1024 * 1024;

/** Adds what readelf does not print: Go build info and a static binary's NSS symbols. */
export async function completeFacts(path: string, parsed: ReadelfFacts): Promise<ElfFacts> {
  const facts: ElfFacts = { ...parsed, goBuild: null, goBuildError: null, staticSymbols: [] };
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
  if (parsed.interpreter === null && !sharedLibrary)
    facts.staticSymbols = await staticNss(path, parsed, section);
  return facts;
}

type SectionLookup = (name: string) => SectionInfo | undefined;

/** NSS functions a static glibc binary calls: from .symtab, else (stripped) from Go's tables. */
async function staticNss(
  path: string,
  parsed: ReadelfFacts,
  section: SectionLookup,
): Promise<string[]> {
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
    return staticNssFunctions(defined);
  }
  const pclntab = section('.gopclntab');
  const rodata = section('.rodata');
  if (pclntab === undefined || rodata === undefined) return [];
  return staticNssFromGoTables(await read(pclntab), await read(rodata));
}
