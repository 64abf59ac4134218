/**
 * Version needs from readelf's dumps (`-x .gnu.version_r -p .dynstr`) instead of `-V`, whose
 * per-symbol version table costs most of readelf's time on large libraries. The entries are
 * followed by vn_next/vna_next, as glibc's loader follows them (not by the counts).
 */
import type { VerneedEntry, VersionNeed } from './elf-facts.js';

export interface DumpCollector {
  /** Bytes of `.gnu.version_r` in file order; null when readelf dumped none. */
  bytes: number[] | null;
  /** `.dynstr` strings by their start offset. */
  strings: Map<number, string>;
}

export function emptyDumps(): DumpCollector {
  return { bytes: null, strings: new Map() };
}

const HEX_LINE = /^\s+0x[0-9a-f]+ (.{1,35})/;
const STRING_LINE = /^\s+\[\s*([0-9a-f]+)\]\s\s(.*)$/;

/** `  0x00000538 01000200 35000000 10000000 00000000 ....5...........` */
export function readHexLine(line: string, dumps: DumpCollector): void {
  const m = HEX_LINE.exec(line);
  if (m?.[1] === undefined) return;
  const hex = m[1].replace(/ /g, '');
  dumps.bytes ??= [];
  for (let i = 0; i + 1 < hex.length; i += 2) dumps.bytes.push(parseInt(hex.slice(i, i + 2), 16));
}

/** `  [    35]  libc.so.6` */
export function readStringLine(line: string, dumps: DumpCollector): void {
  const m = STRING_LINE.exec(line);
  if (m?.[1] === undefined || m[2] === undefined) return;
  dumps.strings.set(parseInt(m[1], 16), m[2]);
}

/** A string at any offset: linkers share tails, so a name may start inside a listed string. */
function stringAt(strings: ReadonlyMap<number, string>, sorted: number[], offset: number): string {
  const exact = strings.get(offset);
  if (exact !== undefined) return exact;
  let lo = 0;
  let hi = sorted.length - 1;
  let start = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid] ?? 0;
    if (at <= offset) {
      start = at;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const text = strings.get(start);
  return text !== undefined && offset - start < text.length ? text.slice(offset - start) : '';
}

const MAX_ENTRIES = 4096;
const VER_FLG_WEAK = 0x2;

export function decodeVerneed(
  dumps: DumpCollector,
  littleEndian: boolean,
): { needs: VersionNeed[]; entries: VerneedEntry[] } | { error: string } {
  const bytes = dumps.bytes ?? [];
  const u16 = (at: number): number =>
    littleEndian
      ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)
      : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  const u32 = (at: number): number =>
    littleEndian ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0;
  const fits = (at: number): boolean => at >= 0 && at + 16 <= bytes.length;
  const sorted = [...dumps.strings.keys()].sort((a, b) => a - b);
  const name = (offset: number): string => stringAt(dumps.strings, sorted, offset);
  const needs: VersionNeed[] = [];
  const entries: VerneedEntry[] = [];
  let at = 0;
  let steps = 0;
  while (bytes.length > 0) {
    if (!fits(at) || ++steps > MAX_ENTRIES)
      return { error: 'the version needs chain (vn_next) leaves .gnu.version_r' };
    const file = name(u32(at + 4));
    const entry: VerneedEntry = { file, count: u16(at + 2), listed: 0 };
    entries.push(entry);
    let aux = at + u32(at + 8);
    for (;;) {
      if (!fits(aux) || ++steps > MAX_ENTRIES)
        return { error: `the version needs chain of ${file} (vna_next) leaves .gnu.version_r` };
      needs.push({ file, name: name(u32(aux + 8)), weak: (u16(aux + 4) & VER_FLG_WEAK) !== 0 });
      entry.listed++;
      const next = u32(aux + 12);
      if (next === 0) break;
      aux += next;
    }
    const next = u32(at + 12);
    if (next === 0) break;
    at += next;
  }
  return { needs, entries };
}
