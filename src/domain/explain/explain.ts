/**
 * Who needs each symbol behind a version finding: the calls decoded from the code (x86-64,
 * arm64) and named through `.symtab`, else what Go's function names say (`.gopclntab`), each
 * with what to change. Bytes come through a ByteSource: only what is needed is read.
 */
import type { ElfFacts, SectionInfo, SymbolVersion } from '../elf/elf-facts.js';
import type { ByteSource } from '../elf/segments.js';
import { readRelocations, readSymbols, slotSymbols } from '../elf/symbol-table.js';
import { findCallSites, type CallSites, type CodeArch, type CodeBytes } from './call-sites.js';
import { fixFor } from './fixes.js';
import {
  cCodeRanges,
  functionAt,
  functionMap,
  objectPackage,
  type FunctionMap,
} from './functions.js';
import { goNames, originsByName, type GoNames } from './known-callers.js';
import { describe, originOf, type GoContext, type Origin, type OriginKind } from './origins.js';
import type { SymbolHistory } from './symbol-history.js';

export interface SymbolExplanation {
  symbol: string;
  /** The version the binary needs it at (`GLIBC_2.34`). */
  version: string;
  /** Who pulled it in: `runtime/cgo (_cgo_try_pthread_create)`, `crt1.o (C start files)`. */
  from: string;
  /** What to group by (`runtime/cgo`, `net (cgo resolver)`). */
  source: string;
  kind: OriginKind;
  /** The Go package, when one is known. */
  package?: string;
  /** The calling function or cgo call (`_cgo_try_pthread_create`, `C.threaded_sqrt`), if named. */
  detail?: string;
  fix?: string;
}

export interface Explanation {
  entries: SymbolExplanation[];
  /** The call sites behind each entry (`symbol\0from` → addresses), for a source line. */
  sites?: Map<string, number[]>;
  /** Why callers could not be named (stripped, an architecture whose code is not read). */
  note: string | null;
}

export interface ExplainInput {
  facts: Pick<ElfFacts, 'class' | 'endian' | 'machine' | 'goBuild' | 'layout'>;
  read: ByteSource;
  wanted: readonly SymbolVersion[];
  floor: string | null;
  history: SymbolHistory | null;
}

/** Tables larger than this are not read (a symbol table of a few MB is already large). */
const TABLE_MAX = 128 * 1024 * 1024;

export function codeArchOf(facts: Pick<ElfFacts, 'class' | 'machine'>): CodeArch | null {
  if (facts.class !== 'ELF64') return null;
  if (facts.machine === 'Advanced Micro Devices X86-64') return 'x86-64';
  if (facts.machine === 'AArch64') return 'arm64';
  return null;
}

export function explainSymbols(input: ExplainInput): Explanation {
  const { facts, read } = input;
  const sections = facts.layout.sections.filter((s) => s.type !== 'NOBITS' && s.size > 0);
  const section = (name: string): SectionInfo | undefined => sections.find((s) => s.name === name);
  const bytesOf = (s: SectionInfo): Uint8Array => read(s.offset, Math.min(s.size, TABLE_MAX));
  const is64 = facts.class === 'ELF64';
  const le = facts.endian === 'little';
  const symtab = section('.symtab');
  const strtab = section('.strtab');
  const symbols =
    symtab === undefined || strtab === undefined
      ? null
      : readSymbols({ symtab: bytesOf(symtab), strtab: bytesOf(strtab), is64, littleEndian: le });
  const pclntab = section('.gopclntab');
  // Go's function names (megabytes in a large binary) are read only when the code says nothing.
  let decoded: GoNames | null | undefined;
  const names = (): GoNames | null =>
    (decoded ??=
      pclntab !== undefined
        ? goNames(new TextDecoder('latin1').decode(bytesOf(pclntab)))
        : symbols === null
          ? null
          : goNames(symbols.map((s) => s.name).join('\0')));
  const build = facts.goBuild;
  const go = {
    mainPath: build === null || build.path === '' ? null : build.path,
    module: build === null || build.module === '' ? null : build.module,
  };
  const arch = codeArchOf(facts);
  let map: FunctionMap | null = null;
  let sites: CallSites = new Map();
  if (symbols !== null && arch !== null) {
    map = functionMap(symbols);
    sites = callSitesOf(arch, map, sections, read, input.wanted, is64, le);
  }
  const packages = new Map<number, string | null>();
  const context: GoContext = {
    ...go,
    packageOf: (f) => {
      const hash = /^_cgo_([0-9a-f]{12})_C2?func_/.exec(f.name)?.[1];
      const named = hash === undefined ? undefined : map?.cgoPackages.get(hash);
      if (named !== undefined) return named;
      if (map === null || f.object < 0) return null;
      if (!packages.has(f.object)) packages.set(f.object, objectPackage(map, f.object));
      return packages.get(f.object) ?? null;
    },
  };
  const entries: SymbolExplanation[] = [];
  const addresses = new Map<string, number[]>();
  for (const { symbol, version } of input.wanted) {
    const found = new Map<string, Origin>();
    for (const site of sites.get(symbol) ?? []) {
      const f = map === null ? null : functionAt(map, site.address);
      if (f === null) continue;
      const o = originOf(f, context);
      found.set(describe(o), o);
      const key = `${symbol}\0${describe(o)}`;
      addresses.set(key, [...(addresses.get(key) ?? []), site.address]);
    }
    let origins = [...found.values()];
    if (origins.length === 0) origins = originsByName(symbol, names(), go);
    if (origins.length === 0) origins = [unknown(symbols !== null && arch !== null)];
    for (const o of sortOrigins(origins)) {
      const fix = fixFor(o, symbol, version, input);
      const detail = o.cgoCall ?? o.function;
      entries.push({
        symbol,
        version,
        from: describe(o),
        source: o.source,
        kind: o.kind,
        ...(o.package === undefined ? {} : { package: o.package }),
        ...(detail === undefined ? {} : { detail }),
        ...(fix === undefined ? {} : { fix }),
      });
    }
  }
  const named = pclntab !== undefined || symbols !== null;
  return { entries, note: noteFor(symbols !== null, arch, facts.machine, named), sites: addresses };
}

function unknown(read: boolean): Origin {
  return {
    kind: 'unknown',
    source: read ? 'no direct call in the C code (a function pointer?)' : 'an unnamed caller',
  };
}

export const KIND_ORDER: readonly OriginKind[] = [
  'start-files',
  'runtime-cgo',
  'go-std',
  'your-code',
  'dependency',
  'c-code',
  'unknown',
];

function sortOrigins(origins: readonly Origin[]): Origin[] {
  return [...origins].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      describe(a).localeCompare(describe(b)),
  );
}

function noteFor(
  hasSymtab: boolean,
  arch: CodeArch | null,
  machine: string,
  goNamesRead: boolean,
): string | null {
  const packages = goNamesRead
    ? "; the Go packages are named from Go's function table (.gopclntab)"
    : '';
  if (!hasSymtab)
    return `callers cannot be named: the binary is stripped (no .symtab names the functions that call them)${packages}`;
  if (arch === null)
    return `callers are named only in x86-64 and arm64 code, and this is ${machine}${packages}`;
  return null;
}

function callSitesOf(
  arch: CodeArch,
  map: FunctionMap,
  sections: readonly SectionInfo[],
  read: ByteSource,
  wanted: readonly SymbolVersion[],
  is64: boolean,
  le: boolean,
): CallSites {
  const dynsym = sections.find((s) => s.name === '.dynsym');
  const dynstr = sections.find((s) => s.name === '.dynstr');
  if (dynsym === undefined || dynstr === undefined) return new Map();
  const dyn = readSymbols({
    symtab: read(dynsym.offset, dynsym.size),
    strtab: read(dynstr.offset, dynstr.size),
    is64,
    littleEndian: le,
  });
  const relocations = sections
    .filter((s) => /^\.rela?\.(?:plt|dyn)$/.test(s.name))
    .flatMap((s) =>
      readRelocations(
        read(s.offset, Math.min(s.size, TABLE_MAX)),
        is64,
        le,
        s.name.startsWith('.rela'),
      ),
    );
  const text = sections.filter((s) => s.address > 0 && /^\.text|^\.init$|^\.fini$/.test(s.name));
  const inSections = (start: number, end: number): CodeBytes[] =>
    text.flatMap((s) => {
      const from = Math.max(start, s.address);
      const to = Math.min(end, s.address + s.size);
      return from < to
        ? [{ address: from, bytes: read(s.offset + (from - s.address), to - from) }]
        : [];
    });
  const plt = sections
    .filter((s) => /^\.plt(?:\.sec|\.got)?$|^\.iplt$/.test(s.name))
    .map((s) => ({ address: s.address, bytes: read(s.offset, s.size) }));
  const code = cCodeRanges(map).flatMap((r) => inSections(r.start, r.end));
  return findCallSites({
    arch,
    plt,
    code,
    slots: slotSymbols(relocations, dyn),
    wanted: new Set(wanted.map((w) => w.symbol)),
  });
}
