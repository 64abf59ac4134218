/**
 * What readelf does not print, read from the file's bytes: Go build info, in a static binary its
 * C library and the NSS functions it calls, the symbol names hardening is judged from, and the
 * build machine's paths the binary carries.
 */
import { readRange } from '../adapters/files.js';
import { buildPaths } from '../domain/elf/build-paths.js';
import { parseGoBuildInfo } from '../domain/elf/buildinfo.js';
import { debugLineFiles } from '../domain/elf/dwarf-lines.js';
import type { ElfFacts, ReadelfFacts, SectionInfo } from '../domain/elf/elf-facts.js';
import { hardeningOf, type SymbolNames } from '../domain/elf/hardening.js';
import {
  cgoNssWrappers,
  hasGlibcTunables,
  staticLibcOfSymbols,
  staticNssFunctions,
  symbolNames,
} from '../domain/elf/static-symbols.js';
import { fileSymbolNames } from '../domain/elf/symbol-table.js';
import { uncompressed } from './debug-sections.js';

const BUILDINFO_MAX = 1024 * 1024;
const SYMTAB_MAX = 64 * 1024 * 1024;

/** Adds what readelf does not print: Go build info, a static binary's C library and NSS symbols. */
export async function completeFacts(path: string, parsed: ReadelfFacts): Promise<ElfFacts> {
  const { marks, ...rest } = parsed;
  const section = (name: string) =>
    parsed.layout.sections.find((s) => s.name === name && s.type !== 'NOBITS');
  // Each section is read once, whichever facts need it (.symtab: hardening, libc, build paths).
  const read = new Map<string, Promise<Uint8Array | null>>();
  const bytes: SectionBytes = (name) => {
    let got = read.get(name);
    if (got === undefined) {
      const s = section(name);
      got = s === undefined ? Promise.resolve(null) : readSection(path, s);
      read.set(name, got);
    }
    return got;
  };
  const sharedLibrary = parsed.type === 'DYN' && !parsed.pie;
  const isStatic = parsed.interpreter === null && !sharedLibrary;
  const symbols = await symbolsOf(parsed, bytes, isStatic ? '.symtab' : '.dynsym');
  const facts: ElfFacts = {
    ...rest,
    goBuild: null,
    goBuildError: null,
    staticSymbols: [],
    staticLibc: null,
    buildPaths: [],
    hardening: hardeningOf({
      machine: parsed.machine,
      type: parsed.type,
      interpreter: parsed.interpreter,
      pieFlag: parsed.pie,
      marks,
      symbols,
    }),
  };
  const buildinfo = section('.go.buildinfo');
  if (buildinfo !== undefined) {
    const result = parseGoBuildInfo(
      await readRange(path, buildinfo.offset, Math.min(buildinfo.size, BUILDINFO_MAX)),
    );
    if ('info' in result) facts.goBuild = result.info;
    else facts.goBuildError = result.error;
  }
  if (isStatic) {
    const found = await staticLibc(parsed, bytes, symbols);
    facts.staticLibc = found.libc;
    facts.staticSymbols = found.nss;
  }
  facts.buildPaths = buildPaths({
    settings: facts.goBuild?.settings ?? {},
    ...(await namesOfBuild(parsed, bytes)),
  });
  return facts;
}

/** The file names of DWARF's line tables and `.symtab`'s file symbols (none when stripped). */
async function namesOfBuild(
  parsed: ReadelfFacts,
  bytes: SectionBytes,
): Promise<{ dwarfFiles: string[]; fileSymbols: string[] }> {
  const debug = async (name: string): Promise<Uint8Array> => {
    const b = await bytes(name);
    return b === null ? new Uint8Array(0) : uncompressed(b, parsed);
  };
  const debugLine = await debug('.debug_line');
  const dwarfFiles =
    debugLine.length === 0
      ? []
      : debugLineFiles({
          debugLine,
          debugLineStr: await debug('.debug_line_str'),
          debugStr: await debug('.debug_str'),
          littleEndian: parsed.endian === 'little',
          addressSize: parsed.class === 'ELF64' ? 8 : 4,
        });
  const [symtab, strtab] = [await bytes('.symtab'), await bytes('.strtab')];
  const fileSymbols =
    symtab === null || strtab === null
      ? []
      : fileSymbolNames({
          symtab,
          strtab,
          is64: parsed.class === 'ELF64',
          littleEndian: parsed.endian === 'little',
        });
  return { dwarfFiles, fileSymbols };
}

/** A section's bytes (up to SYMTAB_MAX), read once; null: the file has no such section. */
type SectionBytes = (name: string) => Promise<Uint8Array | null>;
type Names = SymbolNames & { defined: ReadonlySet<string> };

const readSection = (path: string, s: SectionInfo): Promise<Uint8Array> =>
  readRange(path, s.offset, Math.min(s.size, SYMTAB_MAX));

/** A symbol table's names (`.dynsym` with `.dynstr`, `.symtab` with `.strtab`); null: absent. */
async function symbolsOf(
  parsed: ReadelfFacts,
  bytes: SectionBytes,
  from: '.dynsym' | '.symtab',
): Promise<Names | null> {
  const table = await bytes(from);
  const strings = await bytes(from === '.dynsym' ? '.dynstr' : '.strtab');
  if (table === null || strings === null) return null;
  const names = symbolNames({
    symtab: table,
    strtab: strings,
    is64: parsed.class === 'ELF64',
    littleEndian: parsed.endian === 'little',
  });
  return {
    from,
    all: new Set([...names.defined, ...names.undefined]),
    undefined: names.undefined,
    defined: names.defined,
  };
}

/**
 * The C library in a static binary and the NSS functions it calls: from .symtab; stripped, from
 * glibc's marks (its start files' ABI note, GLIBC_TUNABLES) and Go's tables of cgo wrappers.
 */
async function staticLibc(
  parsed: ReadelfFacts,
  bytes: SectionBytes,
  symtab: Names | null,
): Promise<{ libc: 'glibc' | 'musl' | null; nss: string[] }> {
  if (symtab !== null) {
    const libc = staticLibcOfSymbols(symtab.defined) ?? (parsed.abiTag === null ? null : 'glibc');
    return { libc, nss: staticNssFunctions(symtab.defined) };
  }
  const rodata = parsed.abiTag !== null ? null : await bytes('.rodata');
  const glibc = parsed.abiTag !== null || (rodata !== null && hasGlibcTunables(rodata));
  if (!glibc) return { libc: null, nss: [] };
  const pclntab = await bytes('.gopclntab');
  return { libc: 'glibc', nss: pclntab === null ? [] : cgoNssWrappers(pclntab) };
}
