/**
 * The loader's view on small ELF images built in the test: one PT_LOAD holding a dynamic array,
 * a string table and version needs, in both classes and byte orders.
 */
import { describe, expect, it } from 'vitest';
import { readLoaderView } from '../../src/domain/elf/loader-view.js';
import { viewsDisagree } from '../../src/domain/elf/compare-views.js';
import type { ReadelfFacts } from '../../src/domain/elf/elf-facts.js';

interface Image {
  is64: boolean;
  le: boolean;
  /** Dynamic entries; STRTAB/VERNEED values are offsets in the image, made addresses here. */
  dynamic: [number, number][];
  strings: string[];
  /** [file, [name, flags][]][] */
  needs: [string, [string, number][]][];
  verneedVersion?: number;
}

const BASE = 0x400000;
const DT = {
  NEEDED: 1,
  STRTAB: 5,
  STRSZ: 10,
  RUNPATH: 29,
  FLAGS_1: 0x6ffffffb,
  VERNEED: 0x6ffffffe,
};

/** Lays out: header, 2 program headers, dynamic array, strings, version needs; one PT_LOAD. */
function build(img: Image): { bytes: Uint8Array; strtab: number; verneed: number } {
  const b = Buffer.alloc(4096);
  const w = img.is64 ? 8 : 4;
  const u16 = (v: number, at: number): number =>
    img.le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at);
  const u32 = (v: number, at: number): number =>
    img.le ? b.writeUInt32LE(v >>> 0, at) : b.writeUInt32BE(v >>> 0, at);
  const word = (v: number, at: number): number =>
    img.is64
      ? img.le
        ? b.writeBigUInt64LE(BigInt(v), at)
        : b.writeBigUInt64BE(BigInt(v), at)
      : u32(v, at);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = img.is64 ? 2 : 1;
  b[5] = img.le ? 1 : 2;
  b[6] = 1;
  u16(3, 16);
  const phoff = img.is64 ? 64 : 52;
  const phent = img.is64 ? 56 : 32;
  word(phoff, img.is64 ? 0x20 : 0x1c);
  u16(phent, img.is64 ? 0x36 : 0x2a);
  u16(2, img.is64 ? 0x38 : 0x2c);
  const dynAt = 256;
  const strAt = 1024;
  const verAt = 2048;
  // strings
  const offsets = new Map<string, number>();
  let s = 1;
  for (const str of [...img.strings, ...img.needs.flatMap(([f, v]) => [f, ...v.map(([n]) => n)])]) {
    if (offsets.has(str)) continue;
    offsets.set(str, s);
    b.write(`${str}\0`, strAt + s, 'latin1');
    s += str.length + 1;
  }
  const phdr = (i: number, type: number, offset: number, size: number): void => {
    const h = phoff + i * phent;
    u32(type, h);
    if (img.is64) {
      word(offset, h + 8);
      word(BASE + offset, h + 0x10);
      word(size, h + 0x20);
      word(size, h + 0x28);
    } else {
      u32(offset, h + 4);
      u32(BASE + offset, h + 8);
      u32(size, h + 0x10);
      u32(size, h + 0x14);
    }
  };
  phdr(0, 1, 0, 4096);
  phdr(1, 2, dynAt, 512);
  img.dynamic.forEach(([tag, value], i) => {
    const v = tag === DT.STRTAB || tag === DT.VERNEED ? BASE + value : value;
    word(tag, dynAt + i * 2 * w);
    word(
      tag === DT.NEEDED || tag === DT.RUNPATH
        ? (offsets.get(img.strings[value] ?? '') ?? value)
        : v,
      dynAt + i * 2 * w + w,
    );
  });
  let at = verAt;
  img.needs.forEach(([file, versions], i) => {
    u16(img.verneedVersion ?? 1, at);
    u16(versions.length, at + 2);
    u32(offsets.get(file) ?? 0, at + 4);
    u32(16, at + 8);
    u32(i === img.needs.length - 1 ? 0 : 16 + versions.length * 16, at + 12);
    versions.forEach(([name, flags], k) => {
      const a = at + 16 + k * 16;
      u16(flags, a + 4);
      u32(offsets.get(name) ?? 0, a + 8);
      u32(k === versions.length - 1 ? 0 : 16, a + 12);
    });
    at += 16 + versions.length * 16;
  });
  return { bytes: new Uint8Array(b), strtab: strAt, verneed: verAt };
}

const source = (bytes: Uint8Array) => (offset: number, length: number) =>
  bytes.subarray(offset, offset + length);

function image(is64: boolean, le: boolean, over: Partial<Image> = {}): Uint8Array {
  const strings = ['libz.so.1', 'libc.so.6', '$ORIGIN/../lib'];
  return build({
    is64,
    le,
    strings,
    needs: [
      [
        'libc.so.6',
        [
          ['GLIBC_2.2.5', 0],
          ['GLIBC_2.34', 2],
        ],
      ],
    ],
    dynamic: [
      [DT.NEEDED, 0],
      [DT.NEEDED, 1],
      [DT.RUNPATH, 2],
      [DT.STRTAB, 1024],
      [DT.STRSZ, 512],
      [DT.FLAGS_1, 0x08000001],
      [DT.VERNEED, 2048],
      [0, 0],
    ],
    ...over,
  }).bytes;
}

describe.each([
  [true, true],
  [true, false],
  [false, true],
  [false, false],
])('the loader view of an ELF%s image (little-endian %s)', (is64, le) => {
  it('reads NEEDED, RUNPATH, PIE and the version needs with their weak flag', () => {
    const bytes = image(is64, le);
    const r = readLoaderView(source(bytes), bytes.length);
    expect(r).toEqual({
      view: {
        interpreter: null,
        dynamic: true,
        needed: ['libz.so.1', 'libc.so.6'],
        rpath: [],
        runpath: ['$ORIGIN/../lib'],
        pie: true,
        versionNeeds: [
          { file: 'libc.so.6', name: 'GLIBC_2.2.5', weak: false },
          { file: 'libc.so.6', name: 'GLIBC_2.34', weak: true },
        ],
        verneedEntries: [{ file: 'libc.so.6', count: 2, listed: 2 }],
      },
    });
  });
});

describe('what the loader view refuses', () => {
  const problem = (bytes: Uint8Array): string => {
    const r = readLoaderView(source(bytes), bytes.length);
    return 'problem' in r ? r.problem : 'no problem';
  };
  const dyn = (entries: [number, number][]): Uint8Array =>
    image(true, true, { dynamic: [...entries, [0, 0]] });

  it('a string table in no segment', () => {
    expect(
      problem(
        dyn([
          [DT.NEEDED, 0],
          [DT.STRTAB, 8192],
          [DT.STRSZ, 512],
        ]),
      ),
    ).toMatch(/the string table .* at 0x402000 maps into no segment/);
  });
  it('a name outside DT_STRSZ', () => {
    expect(
      problem(
        dyn([
          [DT.NEEDED, 0],
          [DT.STRTAB, 1024],
          [DT.STRSZ, 1],
        ]),
      ),
    ).toMatch(/a DT_NEEDED name at string offset 1 lies outside the 1-byte string table/);
  });
  it('two different string tables', () => {
    expect(
      problem(
        dyn([
          [DT.STRTAB, 1024],
          [DT.STRTAB, 1040],
          [DT.STRSZ, 512],
        ]),
      ),
    ).toMatch(/two DT_STRTAB entries/);
  });
  it('NEEDED without a string table', () => {
    expect(problem(dyn([[DT.NEEDED, 0]]))).toMatch(
      /has no string table to resolve in \(no DT_STRTAB\)/,
    );
  });
  it('a version need of a version the loader refuses', () => {
    expect(problem(image(true, true, { verneedVersion: 2 }))).toMatch(
      /vn_version 2; the loader refuses it/,
    );
  });
  it('a dynamic array without DT_NULL in its segment', () => {
    const bytes = image(true, true);
    const view = new DataView(bytes.buffer);
    for (let at = 256; at < 4096; at += 8) view.setBigUint64(at, 7n, true); // DT_HASH everywhere
    expect(problem(bytes)).toMatch(
      /the dynamic segment \(PT_DYNAMIC\) at 0x401000 maps into no segment/,
    );
  });
  it('program headers of another size', () => {
    const bytes = image(true, true);
    bytes[0x36] = 64;
    expect(problem(bytes)).toMatch(
      /e_phentsize is 64; the kernel loads only program headers of 56 bytes/,
    );
  });
});

describe('readelf against the loader', () => {
  const bytes = image(true, true);
  const r = readLoaderView(source(bytes), bytes.length);
  const view = 'view' in r ? r.view : null;
  const readelf = {
    interpreter: null,
    hasDynamicSection: true,
    needed: ['libz.so.1', 'libc.so.6'],
    rpath: [],
    runpath: ['$ORIGIN/../lib'],
    pie: true,
    versionNeeds: [
      { file: 'libc.so.6', name: 'GLIBC_2.34', weak: true },
      { file: 'libc.so.6', name: 'GLIBC_2.2.5', weak: false },
    ],
  } as unknown as ReadelfFacts;

  it('agree whatever the order of the version needs', () => {
    expect(view).not.toBeNull();
    if (view !== null) expect(viewsDisagree(readelf, view)).toBeNull();
  });
  it('disagree on a hidden NEEDED, naming both', () => {
    if (view === null) throw new Error('no view');
    expect(viewsDisagree({ ...readelf, needed: ['libc.so.6'] }, view)).toBe(
      'cannot be judged: readelf and the loader disagree on NEEDED: readelf shows libc.so.6, the dynamic segment (as the loader reads it) has libz.so.1, libc.so.6; the section headers do not describe the file',
    );
  });
  it('disagree on a version need readelf shows under another name', () => {
    if (view === null) throw new Error('no view');
    const lying = {
      ...readelf,
      versionNeeds: [{ file: 'libc.so.6', name: 'GLIBC_2.2.5', weak: false }],
    };
    expect(viewsDisagree(lying, view)).toMatch(
      /disagree on the version needs: readelf shows libc\.so\.6 GLIBC_2\.2\.5, the dynamic segment .* has libc\.so\.6 GLIBC_2\.2\.5, libc\.so\.6 GLIBC_2\.34 \(weak\)/,
    );
  });
});
