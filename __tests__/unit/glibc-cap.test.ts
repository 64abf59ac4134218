/**
 * Capping a glibc library's symbol versions (glibc-cap.ts) on ELF images built here, in both
 * classes and byte orders: which defaults are hidden, which older versions become the default,
 * and what is left alone. The real libraries are capped in __tests__/toolchain/capping.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, capGlibc } from '../../src/domain/toolchain/glibc-cap.js';

interface Sym {
  name: string;
  /** Index into VERSIONS; with `hidden`, a non-default (`@`) version. */
  version: number;
  hidden?: boolean;
  undefined?: boolean;
}

/** Version definitions: index 1 is the library itself. */
const VERSIONS = [
  '',
  'libc.so.6',
  'GLIBC_2.2.5',
  'GLIBC_2.29',
  'GLIBC_2.28',
  'GLIBC_2.14',
  'GLIBC_PRIVATE',
];

const SYMBOLS: Sym[] = [
  { name: 'pow', version: 2, hidden: true },
  { name: 'pow', version: 3 },
  { name: 'fcntl64', version: 4 },
  { name: 'memcpy', version: 2, hidden: true },
  { name: 'memcpy', version: 5 },
  { name: '_dl_private', version: 6 },
  { name: 'needed_elsewhere', version: 3, undefined: true },
];

/** A shared object with .dynsym, .dynstr, .gnu.version and .gnu.version_d, nothing else. */
function library(is64: boolean, le: boolean): Uint8Array {
  const strings: string[] = [''];
  const str = (s: string): number => {
    const at = strings.join('\0').length + 1;
    strings.push(s);
    return at;
  };
  const symNames = SYMBOLS.map((s) => str(s.name));
  const verNames = VERSIONS.map((v) => (v === '' ? 0 : str(v)));
  const dynstr = new TextEncoder().encode(`${strings.join('\0')}\0`);
  const symSize = is64 ? 24 : 16;
  const dynsym = new Uint8Array(symSize * (SYMBOLS.length + 1));
  const versym = new Uint8Array(2 * (SYMBOLS.length + 1));
  const verdef = new Uint8Array(28 * (VERSIONS.length - 1));
  const dv = (b: Uint8Array): DataView => new DataView(b.buffer);
  SYMBOLS.forEach((s, i) => {
    const at = (i + 1) * symSize;
    dv(dynsym).setUint32(at, symNames[i] ?? 0, le);
    dv(dynsym).setUint16(at + (is64 ? 6 : 14), s.undefined === true ? 0 : 12, le);
    dv(versym).setUint16((i + 1) * 2, s.version | (s.hidden === true ? 0x8000 : 0), le);
  });
  for (let i = 1; i < VERSIONS.length; i++) {
    const at = (i - 1) * 28;
    const d = dv(verdef);
    d.setUint16(at, 1, le);
    d.setUint16(at + 2, i === 1 ? 1 : 0, le);
    d.setUint16(at + 4, i, le);
    d.setUint16(at + 6, 1, le);
    d.setUint32(at + 12, 20, le);
    d.setUint32(at + 16, i === VERSIONS.length - 1 ? 0 : 28, le);
    d.setUint32(at + 20, verNames[i] ?? 0, le);
  }
  const ehSize = is64 ? 64 : 52;
  const shSize = is64 ? 64 : 40;
  const bodies = [dynsym, dynstr, versym, verdef];
  const offsets: number[] = [];
  let at = ehSize;
  for (const b of bodies) {
    offsets.push(at);
    at += b.length + ((8 - (b.length % 8)) % 8);
  }
  const shoff = at;
  const out = new Uint8Array(shoff + shSize * (bodies.length + 1));
  const o = dv(out);
  out.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, le ? 1 : 2, 1]);
  o.setUint16(16, 3, le);
  if (is64) {
    o.setBigUint64(0x28, BigInt(shoff), le);
    o.setUint16(0x3a, shSize, le);
    o.setUint16(0x3c, bodies.length + 1, le);
  } else {
    o.setUint32(0x20, shoff, le);
    o.setUint16(0x2e, shSize, le);
    o.setUint16(0x30, bodies.length + 1, le);
  }
  // [1] .dynsym (link → [2] .dynstr), [3] .gnu.version, [4] .gnu.version_d
  const types = [11, 3, 0x6fffffff, 0x6ffffffd];
  const links = [2, 0, 1, 2];
  const entsizes = [symSize, 0, 2, 0];
  bodies.forEach((b, i) => {
    out.set(b, offsets[i] ?? 0);
    const h = shoff + (i + 1) * shSize;
    o.setUint32(h + 4, types[i] ?? 0, le);
    if (is64) {
      o.setBigUint64(h + 0x18, BigInt(offsets[i] ?? 0), le);
      o.setBigUint64(h + 0x20, BigInt(b.length), le);
      o.setUint32(h + 0x28, links[i] ?? 0, le);
      o.setBigUint64(h + 0x38, BigInt(entsizes[i] ?? 0), le);
    } else {
      o.setUint32(h + 0x10, offsets[i] ?? 0, le);
      o.setUint32(h + 0x14, b.length, le);
      o.setUint32(h + 0x18, links[i] ?? 0, le);
      o.setUint32(h + 0x24, entsizes[i] ?? 0, le);
    }
  });
  return out;
}

/** The `.gnu.version` entries of the image, one per symbol (without the null symbol). */
function versyms(b: Uint8Array, is64: boolean, le: boolean): number[] {
  const v = new DataView(b.buffer, b.byteOffset);
  const shoff = is64 ? Number(v.getBigUint64(0x28, le)) : v.getUint32(0x20, le);
  const h = shoff + 3 * (is64 ? 64 : 40);
  const offset = is64 ? Number(v.getBigUint64(h + 0x18, le)) : v.getUint32(h + 0x10, le);
  return SYMBOLS.map((_, i) => v.getUint16(offset + (i + 1) * 2, le));
}

describe.each([
  { is64: true, le: true, what: '64-bit little-endian' },
  { is64: false, le: true, what: '32-bit little-endian' },
  { is64: true, le: false, what: '64-bit big-endian' },
])('capping a $what library', ({ is64, le }) => {
  const lib = library(is64, le);

  it('at 2.17 hides the newer defaults and makes the newest older version the default', () => {
    const r = capGlibc(lib, '2.17');
    if ('error' in r) throw new Error(r.error);
    expect(r.hidden).toEqual(['fcntl64@@GLIBC_2.28', 'pow@@GLIBC_2.29']);
    expect(r.restored).toEqual(['pow@GLIBC_2.2.5']);
    const after = versyms(applyEdits(lib, r.edits), is64, le);
    // pow@GLIBC_2.2.5 now the default, pow@@GLIBC_2.29 hidden, fcntl64 hidden with nothing older;
    // memcpy@@GLIBC_2.14 (at or below the floor), GLIBC_PRIVATE and an undefined symbol untouched.
    expect(after).toEqual([2, 3 | 0x8000, 4 | 0x8000, 2 | 0x8000, 5, 6, 3]);
  });

  it('at 2.28 hides only what came later, and at 2.29 nothing', () => {
    const r = capGlibc(lib, '2.28');
    if ('error' in r) throw new Error(r.error);
    expect(r.hidden).toEqual(['pow@@GLIBC_2.29']);
    expect(capGlibc(lib, '2.29')).toEqual({ edits: [], hidden: [], restored: [] });
  });

  it('changes nothing but the two bytes of each edited entry', () => {
    const r = capGlibc(lib, '2.17');
    if ('error' in r) throw new Error(r.error);
    const after = applyEdits(lib, r.edits);
    const changed = [...after].flatMap((byte, i) => (byte === lib[i] ? [] : [i]));
    const allowed = new Set(r.edits.flatMap((e) => [e.offset, e.offset + 1]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((i) => allowed.has(i))).toBe(true);
    expect(lib).toEqual(library(is64, le));
  });
});

describe('what capping refuses', () => {
  it('a file with no dynamic symbols', () => {
    const elf = new Uint8Array(64);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    expect(capGlibc(elf, '2.17')).toEqual({
      error: 'no .dynsym, .gnu.version or .dynstr: not a versioned shared library',
    });
  });
});
