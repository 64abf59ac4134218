/**
 * A glibc library of a newer release, capped at an older floor (the technique of Chromium's
 * reversion_glibc.py): every defined symbol whose default (`@@`) GLIBC_ version is above the
 * floor is hidden (bit 15 of its 2-byte `.gnu.version` entry), and the newest older version of
 * the same symbol at or below the floor, if there is one, becomes the default. The linker then
 * binds each reference to a version the floor has, or fails at link time. Pure: bytes → edits.
 */
import { compareDotted } from '../version.js';

export interface CapEdit {
  /** File offset of a 2-byte `.gnu.version` entry, and its new value. */
  offset: number;
  value: number;
}

export interface CapResult {
  edits: CapEdit[];
  /** `fcntl64@@GLIBC_2.28`: defaults hidden; `pow@GLIBC_2.2.5`: older versions made default. */
  hidden: string[];
  restored: string[];
}

const SHT_DYNSYM = 11;
const SHT_GNU_VERDEF = 0x6ffffffd;
const SHT_GNU_VERSYM = 0x6fffffff;
const HIDDEN = 0x8000;

interface Reader {
  u16: (at: number) => number;
  u32: (at: number) => number;
  word: (at: number) => number;
  is64: boolean;
  le: boolean;
}

function reader(b: Uint8Array): Reader {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[5] === 1;
  const is64 = b[4] === 2;
  const u32 = (at: number): number => view.getUint32(at, le);
  return {
    u16: (at) => view.getUint16(at, le),
    u32,
    word: is64 ? (at) => Number(view.getBigUint64(at, le)) : u32,
    is64,
    le,
  };
}

interface Section {
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

function sections(b: Uint8Array, r: Reader): Section[] {
  const shoff = r.word(r.is64 ? 0x28 : 0x20);
  const entsize = r.u16(r.is64 ? 0x3a : 0x2e);
  const count = r.u16(r.is64 ? 0x3c : 0x30);
  if (shoff === 0 || shoff + entsize * count > b.length) return [];
  return Array.from({ length: count }, (_, i) => {
    const h = shoff + i * entsize;
    return r.is64
      ? {
          type: r.u32(h + 4),
          offset: r.word(h + 0x18),
          size: r.word(h + 0x20),
          link: r.u32(h + 0x28),
          entsize: r.word(h + 0x38),
        }
      : {
          type: r.u32(h + 4),
          offset: r.u32(h + 0x10),
          size: r.u32(h + 0x14),
          link: r.u32(h + 0x18),
          entsize: r.u32(h + 0x24),
        };
  });
}

function cString(b: Uint8Array, at: number): string {
  let end = at;
  while (end < b.length && b[end] !== 0) end++;
  return String.fromCharCode(...b.subarray(at, end));
}

/** Version index → name, from the version definitions (`.gnu.version_d`). */
function versionNames(
  b: Uint8Array,
  r: Reader,
  verdef: Section,
  strtab: Section,
): Map<number, string> {
  const names = new Map<number, string>();
  let at = verdef.offset;
  for (let n = 0; n < 4096; n++) {
    const index = r.u16(at + 4);
    const aux = at + r.u32(at + 12);
    names.set(index, cString(b, strtab.offset + r.u32(aux)));
    const next = r.u32(at + 16);
    if (next === 0) break;
    at += next;
  }
  return names;
}

export function capGlibc(b: Uint8Array, floor: string): CapResult | { error: string } {
  const r = reader(b);
  const all = sections(b, r);
  const dynsym = all.find((s) => s.type === SHT_DYNSYM);
  const versym = all.find((s) => s.type === SHT_GNU_VERSYM);
  const verdef = all.find((s) => s.type === SHT_GNU_VERDEF);
  const strtab = dynsym === undefined ? undefined : all[dynsym.link];
  if (dynsym === undefined || versym === undefined || strtab === undefined)
    return { error: 'no .dynsym, .gnu.version or .dynstr: not a versioned shared library' };
  if (verdef === undefined) return { edits: [], hidden: [], restored: [] };
  const names = versionNames(b, r, verdef, strtab);
  const entsize = dynsym.entsize || (r.is64 ? 24 : 16);
  const count = Math.floor(dynsym.size / entsize);
  const defaults = new Map<string, { index: number; version: string }>();
  const newestAllowed = new Map<string, { index: number; version: string }>();
  for (let i = 1; i < count; i++) {
    const sym = dynsym.offset + i * entsize;
    const shndx = r.u16(sym + (r.is64 ? 6 : 14));
    if (shndx === 0) continue; // undefined: not this library's to offer
    const v = r.u16(versym.offset + i * 2);
    const m = /^GLIBC_(\d+(?:\.\d+)*)$/.exec(names.get(v & 0x7fff) ?? '');
    if (m?.[1] === undefined) continue;
    const name = cString(b, strtab.offset + r.u32(sym));
    const entry = { index: i, version: m[1] };
    if ((v & HIDDEN) === 0) defaults.set(name, entry);
    if (compareDotted(m[1], floor) <= 0) {
      const best = newestAllowed.get(name);
      if (best === undefined || compareDotted(m[1], best.version) > 0)
        newestAllowed.set(name, entry);
    }
  }
  const result: CapResult = { edits: [], hidden: [], restored: [] };
  const set = (index: number, value: number): void => {
    result.edits.push({ offset: versym.offset + index * 2, value });
  };
  for (const [name, def] of [...defaults].sort(([a], [b2]) => a.localeCompare(b2))) {
    if (compareDotted(def.version, floor) <= 0) continue;
    const v = r.u16(versym.offset + def.index * 2);
    set(def.index, v | HIDDEN);
    result.hidden.push(`${name}@@GLIBC_${def.version}`);
    const older = newestAllowed.get(name);
    if (older === undefined) continue;
    set(older.index, r.u16(versym.offset + older.index * 2) & ~HIDDEN);
    result.restored.push(`${name}@GLIBC_${older.version}`);
  }
  return result;
}

/** The edits applied to a copy of the bytes, in the file's byte order. */
export function applyEdits(b: Uint8Array, edits: readonly CapEdit[]): Uint8Array {
  const out = new Uint8Array(b);
  const view = new DataView(out.buffer);
  const le = b[5] === 1;
  for (const e of edits) view.setUint16(e.offset, e.value, le);
  return out;
}
