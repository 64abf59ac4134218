import type { BuildPath } from './build-paths.js';
import type { GoBuildInfo } from './buildinfo.js';
import type { Hardening, HardeningMarks } from './hardening.js';

export interface VersionNeed {
  /** The library the version is needed from (`libc.so.6`). */
  file: string;
  /** `GLIBC_2.34`, `GLIBC_PRIVATE`, … */
  name: string;
  weak: boolean;
}

export interface SymbolVersion {
  symbol: string;
  version: string;
  /** A weak reference (readelf's Bind column); absent: not weak, or not read. */
  weak?: boolean;
}

export interface SectionInfo {
  name: string;
  type: string;
  address: number;
  offset: number;
  size: number;
}

export interface SegmentInfo {
  type: string;
  offset: number;
  fileSize: number;
}

/** Where the file's own tables say its parts are, to tell a truncated file from a whole one. */
export interface ElfLayout {
  sectionHeaderOffset: number;
  sectionHeaderSize: number;
  sectionHeaderCount: number;
  programHeaderOffset: number;
  programHeaderSize: number;
  programHeaderCount: number;
  sections: SectionInfo[];
  segments: SegmentInfo[];
  /** DT_VERNEEDNUM of the dynamic segment: how many files the loader checks versions of. */
  dynamicVerneedCount: number | null;
  /** DT_VERNEED: the address the loader reads the version needs at. */
  dynamicVerneedAddress: number | null;
  /** The version-need entries readelf's section view shows, with the `Cnt` each declares. */
  verneedEntries: VerneedEntry[];
  /** Where the version needs were read: `-V`, the section dumps, or nowhere (none shown). */
  verneedFrom: 'version-info' | 'dump' | null;
  /** Why the dumped version needs could not be decoded. */
  verneedProblem: string | null;
}

export interface VerneedEntry {
  file: string;
  /** vn_cnt as printed (`Cnt: 2`). */
  count: number;
  /** How many `Name:` lines readelf printed for it. */
  listed: number;
}

export interface ElfFacts {
  class: string;
  endian: 'little' | 'big' | 'unknown';
  machine: string;
  osabi: string;
  /** EXEC, DYN, REL, CORE — the first word of readelf's Type line. */
  type: string;
  flags: string;
  /** ARM EABI float ABI from the header flags; null when not ARM or not stated. */
  floatAbi: 'hard' | 'soft' | null;
  interpreter: string | null;
  hasDynamicSection: boolean;
  needed: string[];
  rpath: string[];
  runpath: string[];
  /** DT_FLAGS_1 has PIE. */
  pie: boolean;
  versionNeeds: VersionNeed[];
  /** Highest numeric version needed per prefix, without the prefix: `{ GLIBC: '2.34' }`. */
  versions: Record<string, string>;
  /** Undefined dynamic symbols and the version each is bound to ('' unversioned): who needs what. */
  symbolVersions: SymbolVersion[];
  /** NT_GNU_ABI_TAG minimum kernel, e.g. `3.2.0`; null when the note is absent. */
  abiTag: string | null;
  /** `x86 ISA needed` levels, e.g. `['x86-64-baseline', 'x86-64-v3']`; empty when absent. */
  isaNeeded: string[];
  /** A Go section (.go.buildinfo, .gopclntab, .go.module, .note.go.buildid) is present. */
  goBinary: boolean;
  goBuild: GoBuildInfo | null;
  /** Why Go build info could not be read from a binary that has a .go.buildinfo section. */
  goBuildError: string | null;
  /** Defined symbols of interest found in a static binary's .symtab (NSS functions). */
  staticSymbols: string[];
  /**
   * The C library linked into a static executable: from its .symtab, else glibc's own marks (the
   * `NT_GNU_ABI_TAG` note of glibc's start files, the GLIBC_TUNABLES string); null when none is
   * seen (no C library, or a stripped musl one) and for dynamic files.
   */
  staticLibc: 'glibc' | 'musl' | null;
  /** Directories of the build machine in build info, DWARF line tables and file symbols. */
  buildPaths: BuildPath[];
  /** What readelf warned about that no rule reads (shown, changes no verdict). */
  warnings: string[];
  layout: ElfLayout;
  /** PIE, RELRO, BIND_NOW, NX stack, stack protector, FORTIFY, CET/BTI/PAC (hardening.ts). */
  hardening: Hardening;
}

/**
 * What readelf's text gives; the Go build info, static symbols and the symbol names hardening
 * is judged from come from the file's bytes, so hardening is made of these marks later.
 */
export type ReadelfFacts = Omit<
  ElfFacts,
  'goBuild' | 'goBuildError' | 'staticSymbols' | 'staticLibc' | 'buildPaths' | 'hardening'
> & { marks: HardeningMarks };
