/**
 * What glibc's dynamic loader reads, from the file's bytes: PT_INTERP, and through PT_DYNAMIC
 * the NEEDED names, RPATH/RUNPATH, FLAGS_1 and the version needs (DT_VERNEED, followed by
 * vn_next/vna_next as the loader follows them), with names from DT_STRTAB inside DT_STRSZ. Every
 * address goes through the PT_LOAD segments; section headers are never read, so they cannot lie.
 */
import type { VerneedEntry, VersionNeed } from './elf-facts.js';
import {
  cString,
  fileOffset,
  LoaderProblem,
  openImage,
  PT_DYNAMIC,
  PT_INTERP,
  type ByteSource,
  type ElfImage,
} from './segments.js';

export interface LoaderView {
  interpreter: string | null;
  /** The file has a PT_DYNAMIC segment. */
  dynamic: boolean;
  needed: string[];
  rpath: string[];
  runpath: string[];
  /** DT_FLAGS_1 has DF_1_PIE. */
  pie: boolean;
  versionNeeds: VersionNeed[];
  verneedEntries: VerneedEntry[];
}

export type LoaderRead = { view: LoaderView } | { problem: string };

const DT = {
  NULL: 0,
  NEEDED: 1,
  STRTAB: 5,
  STRSZ: 10,
  RPATH: 15,
  RUNPATH: 29,
  FLAGS_1: 0x6ffffffb,
  VERNEED: 0x6ffffffe,
} as const;
/** Tags the loader keeps one value of: two different values make the file ambiguous. */
const SINGLE = new Set<number>([DT.STRTAB, DT.STRSZ, DT.RPATH, DT.RUNPATH, DT.FLAGS_1, DT.VERNEED]);
const TAG_NAMES = new Map<number, string>([
  [DT.STRTAB, 'DT_STRTAB'],
  [DT.STRSZ, 'DT_STRSZ'],
  [DT.RPATH, 'DT_RPATH'],
  [DT.RUNPATH, 'DT_RUNPATH'],
  [DT.FLAGS_1, 'DT_FLAGS_1'],
  [DT.VERNEED, 'DT_VERNEED'],
]);
const DF_1_PIE = 0x08000000;
const VER_FLG_WEAK = 0x2;
const MAX_DYNAMIC = 65536;
const MAX_VERNEED = 4096;
const MAX_NAME = 65536;
const MAX_INTERP = 4096;

export function readLoaderView(source: ByteSource, size: number): LoaderRead {
  try {
    return { view: loaderView(openImage(source, size)) };
  } catch (error) {
    if (error instanceof LoaderProblem) return { problem: error.message };
    throw error;
  }
}

function loaderView(image: ElfImage): LoaderView {
  const view: LoaderView = {
    interpreter: interpreter(image),
    dynamic: false,
    needed: [],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [],
    verneedEntries: [],
  };
  const dynamics = image.segments.filter((s) => s.type === PT_DYNAMIC);
  if (dynamics.length > 1)
    throw new LoaderProblem(`${dynamics.length} PT_DYNAMIC segments (the loader takes the last)`);
  const [dynamic] = dynamics;
  if (dynamic === undefined) return view;
  view.dynamic = true;
  const { single, needed } = dynamicEntries(image, dynamic.vaddr);
  const strings = stringTable(image, single, needed.length > 0 || single.size > 0);
  view.needed = needed.map((at) => strings(at, 'a DT_NEEDED name'));
  const rpath = single.get(DT.RPATH);
  if (rpath !== undefined) view.rpath = strings(rpath, 'DT_RPATH').split(':');
  const runpath = single.get(DT.RUNPATH);
  if (runpath !== undefined) view.runpath = strings(runpath, 'DT_RUNPATH').split(':');
  view.pie = ((single.get(DT.FLAGS_1) ?? 0) & DF_1_PIE) !== 0;
  const verneed = single.get(DT.VERNEED);
  if (verneed !== undefined) versionNeeds(image, verneed, strings, view);
  return view;
}

/** PT_INTERP as the kernel reads it: at p_offset, p_filesz bytes ending in NUL. */
function interpreter(image: ElfImage): string | null {
  const interps = image.segments.filter((s) => s.type === PT_INTERP);
  if (interps.length > 1) throw new LoaderProblem(`${interps.length} PT_INTERP segments`);
  const [interp] = interps;
  if (interp === undefined) return null;
  if (interp.fileSize < 2 || interp.fileSize > MAX_INTERP)
    throw new LoaderProblem(`PT_INTERP has ${interp.fileSize} bytes; the kernel refuses it`);
  const b = image.bytes(interp.offset, interp.fileSize);
  if (b[b.length - 1] !== 0) throw new LoaderProblem('PT_INTERP does not end in NUL');
  return cString(image, interp.offset, interp.fileSize, 'PT_INTERP');
}

/** The dynamic array up to DT_NULL: the one-value tags, and every DT_NEEDED in order. */
function dynamicEntries(
  image: ElfImage,
  vaddr: number,
): { single: Map<number, number>; needed: number[] } {
  const size = image.is64 ? 16 : 8;
  const half = size / 2;
  const single = new Map<number, number>();
  const needed: number[] = [];
  for (let i = 0; ; i++) {
    if (i >= MAX_DYNAMIC) throw new LoaderProblem(`no DT_NULL in ${MAX_DYNAMIC} dynamic entries`);
    const at = fileOffset(image, vaddr + i * size, size, 'the dynamic segment (PT_DYNAMIC)');
    const tag = image.word(at);
    const value = image.word(at + half);
    if (tag === DT.NULL) break;
    if (tag === DT.NEEDED) needed.push(value);
    else if (SINGLE.has(tag)) {
      const before = single.get(tag);
      if (before !== undefined && before !== value)
        throw new LoaderProblem(
          `the dynamic segment has two ${TAG_NAMES.get(tag) ?? String(tag)} entries (0x${before.toString(16)}, 0x${value.toString(16)})`,
        );
      single.set(tag, value);
    }
  }
  return { single, needed };
}

type Strings = (offset: number, what: string) => string;

/** Names inside DT_STRSZ bytes at DT_STRTAB, mapped through the segments. */
function stringTable(image: ElfImage, single: Map<number, number>, used: boolean): Strings {
  const address = single.get(DT.STRTAB);
  const size = single.get(DT.STRSZ);
  if (address === undefined || size === undefined) {
    if (!used) return () => '';
    const missing = address === undefined ? 'DT_STRTAB' : 'DT_STRSZ';
    return (_offset, what) => {
      throw new LoaderProblem(`${what} has no string table to resolve in (no ${missing})`);
    };
  }
  const start = fileOffset(image, address, size, 'the string table (DT_STRTAB, DT_STRSZ bytes)');
  return (offset, what) => {
    if (offset >= size)
      throw new LoaderProblem(
        `${what} at string offset ${offset} lies outside the ${size}-byte string table (DT_STRSZ)`,
      );
    return cString(image, start + offset, Math.min(size - offset, MAX_NAME), what);
  };
}

/** The version needs chain as _dl_check_map_versions walks it (vn_cnt and DT_VERNEEDNUM unused). */
function versionNeeds(image: ElfImage, vaddr: number, strings: Strings, view: LoaderView): void {
  let entry = vaddr;
  let steps = 0;
  for (;;) {
    const at = fileOffset(image, entry, 16, 'a version need entry (DT_VERNEED)');
    const version = image.u16(at);
    if (version !== 1)
      throw new LoaderProblem(
        `a version need entry has vn_version ${version}; the loader refuses it`,
      );
    const file = strings(image.u32(at + 4), 'a version need file name (vn_file)');
    const record: VerneedEntry = { file, count: image.u16(at + 2), listed: 0 };
    view.verneedEntries.push(record);
    let aux = entry + image.u32(at + 8);
    for (;;) {
      if (++steps > MAX_VERNEED)
        throw new LoaderProblem(`the version needs chain has more than ${MAX_VERNEED} entries`);
      const a = fileOffset(image, aux, 16, `a version need of ${file} (vna_next)`);
      const name = strings(image.u32(a + 8), `a version name needed from ${file} (vna_name)`);
      view.versionNeeds.push({ file, name, weak: (image.u16(a + 4) & VER_FLG_WEAK) !== 0 });
      record.listed++;
      const next = image.u32(a + 12);
      if (next === 0) break;
      aux += next;
    }
    const next = image.u32(at + 12);
    if (next === 0) break;
    entry += next;
  }
}
