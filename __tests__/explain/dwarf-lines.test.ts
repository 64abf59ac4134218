/**
 * The C source lines of cgo binaries, read from `.debug_line`, on real binaries built here: a
 * preamble function and a `.c` file's function, each calling getrandom, built for amd64 with gcc
 * and clang, for arm64 with aarch64-linux-gnu-gcc, with -trimpath, and with older DWARF (Go's
 * GOEXPERIMENT=nodwarf5 writes version 2, gcc -gdwarf-4 version 4, clang -gdwarf-3 version 3;
 * the others write 5). The oracles: the known lines of the sources at the calls objdump finds,
 * and llvm-addr2line for a sample of addresses across `.text` (GNU addr2line 2.40 does not read
 * Go 1.26's DWARF 5 `.debug_info`: it answers `??:?` or `go.go:?`; with nodwarf5 it does, and is
 * asked too). And hostile bytes: truncated or mutated tables never throw. The sections are read
 * by a minimal ELF64 section-header reader here, inflating the zlib-compressed ones.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDebugLine, type LineTable } from '../../src/domain/elf/dwarf-lines.js';
import { GO_BUILD_CACHE } from '../setup/paths.js';

const MAIN_GO = `package main

/*
#include <sys/random.h>

static int myrand(void) {
	unsigned char b[8];
	return (int)getrandom(b, sizeof b, 0);
}

int helper(void);
*/
import "C"

import "fmt"

func main() {
	fmt.Println(C.myrand(), C.helper())
}
`;

const HELPER_C = `#include <sys/random.h>

int helper(void) {
	unsigned char b[8];
	return (int)getrandom(b, sizeof b, 0);
}
`;

/** The 1-based line of the getrandom call in a source. */
const callLine = (source: string): number =>
  source.split('\n').findIndex((l) => l.includes('getrandom(b')) + 1;

interface Variant {
  name: string;
  goarch: 'amd64' | 'arm64';
  cc: string;
  trimpath?: boolean;
  stripped?: boolean;
  env?: Record<string, string>;
  /** The line-table versions its units are in. */
  versions: number[];
  /** The C compiler writes DWARF ≤4: helper.c is in directory 0, which .debug_info names. */
  relativeC?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'amd64-gcc', goarch: 'amd64', cc: 'gcc', versions: [5] },
  { name: 'amd64-clang-trimpath', goarch: 'amd64', cc: 'clang', trimpath: true, versions: [5] },
  { name: 'arm64-gcc', goarch: 'arm64', cc: 'aarch64-linux-gnu-gcc', versions: [5] },
  {
    name: 'amd64-gcc-dwarf4',
    goarch: 'amd64',
    cc: 'gcc',
    env: { GOEXPERIMENT: 'nodwarf5', CGO_CFLAGS: '-g -O2 -gdwarf-4' },
    versions: [2, 4],
    relativeC: true,
  },
  {
    name: 'amd64-clang-dwarf3',
    goarch: 'amd64',
    cc: 'clang',
    env: { CGO_CFLAGS: '-g -O2 -gdwarf-3' },
    versions: [3, 5],
    relativeC: true,
  },
];
const STRIPPED: Variant = {
  name: 'amd64-stripped',
  goarch: 'amd64',
  cc: 'gcc',
  stripped: true,
  versions: [],
};

interface Section {
  address: number;
  /** Decompressed when SHF_COMPRESSED (Go's link asks the host linker to compress DWARF). */
  bytes: Uint8Array;
}

/** The sections of a little-endian ELF64 file, by name. */
function readSections(path: string): Map<string, Section> {
  const file = readFileSync(path);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file[4] !== 2 || file[5] !== 1) throw new Error(`${path}: not ELF64 little-endian`);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  const [shoff, entsize] = [u64(0x28), view.getUint16(0x3a, true)];
  const [count, names] = [view.getUint16(0x3c, true), view.getUint16(0x3e, true)];
  const header = (i: number) => {
    const at = shoff + i * entsize;
    const [type, flags] = [view.getUint32(at + 4, true), u64(at + 8)];
    return {
      name: view.getUint32(at, true),
      type,
      flags,
      address: u64(at + 16),
      at: u64(at + 24),
      size: u64(at + 32),
    };
  };
  const strtab = header(names);
  const out = new Map<string, Section>();
  for (let i = 1; i < count; i++) {
    const h = header(i);
    const from = strtab.at + h.name;
    const name = file.subarray(from, file.indexOf(0, from)).toString('latin1');
    let bytes: Buffer = h.type === 8 ? Buffer.alloc(0) : file.subarray(h.at, h.at + h.size);
    if (h.flags & 0x800) {
      // Elf64_Chdr: ch_type (1: zlib), reserved, ch_size, ch_addralign.
      expect(view.getUint32(h.at, true), `${name} compression`).toBe(1);
      bytes = inflateSync(bytes.subarray(24));
      expect(bytes.byteLength).toBe(u64(h.at + 8));
    }
    // A plain Uint8Array: a Buffer's slice() is a view, not the copy the mutations need.
    out.set(name, {
      address: h.address,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
  }
  return out;
}

/** The versions of every unit of a `.debug_line`, by its unit headers alone. */
function unitVersions(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Set<number>();
  for (let at = 0; at + 6 <= bytes.byteLength;) {
    const length = view.getUint32(at, true);
    expect(length).toBeLessThan(0xfffffff0);
    out.add(view.getUint16(at + 4, true));
    at += 4 + length;
  }
  return out;
}

function parse(s: Map<string, Section>): LineTable | null {
  const empty = new Uint8Array(0);
  return parseDebugLine({
    debugLine: s.get('.debug_line')?.bytes ?? empty,
    debugLineStr: s.get('.debug_line_str')?.bytes ?? empty,
    debugStr: s.get('.debug_str')?.bytes ?? empty,
    littleEndian: true,
    addressSize: 8,
  });
}

interface Built {
  path: string;
  sections: Map<string, Section>;
  table: LineTable | null;
  /** The addresses of the calls of getrandom's PLT stub, by objdump. */
  calls: number[];
  text: Section;
}

const run = promisify(execFile);

async function load(path: string, goarch: Variant['goarch']): Promise<Built> {
  const objdump = goarch === 'amd64' ? 'objdump' : 'aarch64-linux-gnu-objdump';
  const { stdout: listing } = await run(
    objdump,
    ['-d', '-w', '--no-show-raw-insn', '-j', '.text', path],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const sections = readSections(path);
  const calls = [
    ...listing.matchAll(/^\s*([0-9a-f]+):\s+(?:call|bl)\s+[0-9a-f]+ <getrandom@plt>$/gm),
  ].map((m) => Number.parseInt(m[1] ?? '', 16));
  const text = sections.get('.text');
  if (text === undefined) throw new Error(`${path}: no .text`);
  return { path, sections, table: parse(sections), calls, text };
}

/** file:line of each address by an addr2line; `??` for a file it cannot name. */
function addr2line(tool: string, path: string, addresses: readonly number[]) {
  const out = execFileSync(tool, ['-e', path], {
    input: addresses.map((a) => `0x${a.toString(16)}\n`).join(''),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return out
    .trimEnd()
    .split('\n')
    .map((l) => {
      const where = l.replace(/ \(discriminator \d+\)$/, '');
      const colon = where.lastIndexOf(':');
      return { file: where.slice(0, colon), line: where.slice(colon + 1) };
    });
}

let dir = '';
const built = new Map<string, Built>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-dwarf-lines-'));
  const src = join(dir, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'go.mod'), 'module example.com/app\n\ngo 1.21\n');
  writeFileSync(join(src, 'main.go'), MAIN_GO);
  writeFileSync(join(src, 'helper.c'), HELPER_C);

  await Promise.all(
    [...VARIANTS, STRIPPED].map(async (v) => {
      const out = join(dir, v.name);
      const args = ['build', '-o', out];
      if (v.trimpath === true) args.push('-trimpath');
      if (v.stripped === true) args.push('-ldflags=-s -w');
      await run('go', [...args, '.'], {
        cwd: src,
        env: {
          ...process.env,
          GOFLAGS: '-buildvcs=false',
          GOTOOLCHAIN: 'local',
          GOCACHE: GO_BUILD_CACHE,
          CGO_ENABLED: '1',
          GOOS: 'linux',
          GOARCH: v.goarch,
          CC: v.cc,
          ...v.env,
        },
      });
      built.set(v.name, await load(out, v.goarch));
    }),
  );
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const the = (name: string): Built => {
  const b = built.get(name);
  if (b === undefined) throw new Error(`${name} was not built`);
  return b;
};

/** 200 addresses spread across .text, and the calls. */
const sample = (b: Built): number[] => {
  const step = Math.floor(b.text.bytes.byteLength / 200);
  return [...Array.from({ length: 200 }, (_, i) => b.text.address + 7 + i * step), ...b.calls];
};

/** `./` segments dropped: Go's directory 0 is `.`, and llvm-addr2line joins it to `.` again. */
const norm = (path: string): string => path.replace(/(^|\/)(?:\.\/)+/g, '$1');

describe.each(VARIANTS)('$name', (v) => {
  it(`is in line-table versions ${v.versions.join(', ')}`, () => {
    const lines = the(v.name).sections.get('.debug_line');
    expect([...unitVersions(lines?.bytes ?? new Uint8Array(0))].sort()).toEqual(v.versions);
  });

  it('puts the preamble call at its .go line and the .c call at its line', () => {
    const b = the(v.name);
    const src = join(dir, 'src');
    // cgo's #line directives name the .go file as the go command found it; -trimpath maps the
    // package directory to /_/<import path>. DWARF ≤4 keeps the comp dir in .debug_info only.
    const main = v.trimpath === true ? '/_/example.com/app/main.go' : join(src, 'main.go');
    const helper =
      v.trimpath === true
        ? '/_/example.com/app/helper.c'
        : v.relativeC === true
          ? 'helper.c'
          : join(src, 'helper.c');
    expect(b.calls).toHaveLength(2);
    expect(
      b.calls.map((a) => b.table?.lineAt(a)).sort((x, y) => (x?.line ?? 0) - (y?.line ?? 0)),
    ).toEqual([
      { file: helper, line: callLine(HELPER_C) },
      { file: main, line: callLine(MAIN_GO) },
    ]);
  });

  const oracles = ['llvm-addr2line', ...(v.env?.GOEXPERIMENT === 'nodwarf5' ? ['addr2line'] : [])];
  it.each(oracles)('reads a sample of addresses as %s does', (tool) => {
    const b = the(v.name);
    const addresses = sample(b);
    const theirs = addr2line(tool, b.path, addresses);
    expect(theirs).toHaveLength(addresses.length);
    let named = 0;
    const wrong = addresses.flatMap((address, i) => {
      const m = b.table?.lineAt(address) ?? null;
      const t = theirs[i] ?? { file: '??', line: '?' };
      const says = `${address.toString(16)}: ${m === null ? 'null' : `${m.file}:${m.line}`}, ${tool} ${t.file}:${t.line}`;
      // `??:0` (llvm) or `file:?` (GNU): no row covers the address (padding between functions).
      if (t.file === '??' || t.line === '?') return m === null ? [] : [says];
      named++;
      if (m === null || String(m.line) !== t.line) return [says];
      // A relative name (DWARF ≤4: directory 0) is the oracle's without .debug_info's comp dir.
      const [mine, oracle] = [norm(m.file), norm(t.file)];
      return mine === oracle || (!mine.startsWith('/') && oracle.endsWith(`/${mine}`))
        ? []
        : [says];
    });
    expect(wrong).toEqual([]);
    expect(named).toBeGreaterThan(tool === 'addr2line' ? 100 : 150);
  });
});

it('finds no .debug_line in a -s -w build: no table', () => {
  const b = the(STRIPPED.name);
  expect([...b.sections.keys()].filter((n) => n.startsWith('.debug'))).toEqual([]);
  expect(b.table).toBeNull();
  expect(b.calls).toHaveLength(2);
});

describe('hostile bytes', () => {
  /** A small deterministic generator (xorshift32). */
  const random = (seed: number) => {
    let x = seed || 1;
    return (n: number): number => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) % n;
    };
  };
  const parseLines = (debugLine: Uint8Array, of: Built): LineTable | null =>
    parseDebugLine({
      debugLine,
      debugLineStr: of.sections.get('.debug_line_str')?.bytes ?? new Uint8Array(0),
      debugStr: of.sections.get('.debug_str')?.bytes ?? new Uint8Array(0),
      littleEndian: true,
      addressSize: 8,
    });
  const lines = (b: Built): Uint8Array => b.sections.get('.debug_line')?.bytes ?? new Uint8Array(0);
  /** Each sample address looked up: `file:line` or null. */
  const answers = (table: LineTable | null, addresses: readonly number[]): (string | null)[] =>
    addresses.map((a) => {
      const at = table?.lineAt(a) ?? null;
      return at === null ? null : `${at.file}:${at.line}`;
    });

  it('gives null when no unit can be read', () => {
    const b = the('amd64-gcc');
    const bytes = lines(b);
    expect(parseLines(new Uint8Array(0), b)).toBeNull();
    expect(parseLines(bytes.subarray(0, 3), b)).toBeNull();
    // The first unit alone, in a version there is no such thing as, or a reserved length.
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    for (const [at, value] of [
      [4, 1],
      [4, 6],
      [0, 0xf0],
    ] as const) {
      const one = bytes.slice(0, 4 + length);
      one[at] = value;
      if (at === 0) one.set([0xf0, 0xff, 0xff, 0xff]);
      expect(parseLines(one, b), `byte ${at} = ${value}`).toBeNull();
    }
    expect(parseLines(bytes.slice(0, 4 + length), b)).not.toBeNull();
    const next = random(7);
    const garbage = Uint8Array.from({ length: 1 << 16 }, () => next(256));
    expect(() => answers(parseLines(garbage, b), sample(b))).not.toThrow();
  });

  it('reads a truncated table as far as it goes: each answer the whole table’s, or none', () => {
    const b = the('amd64-gcc');
    const bytes = lines(b);
    const addresses = sample(b);
    const whole = answers(b.table, addresses);
    const n = bytes.byteLength;
    for (const length of [4, 10, 40, 100, 1000, n >> 3, n >> 2, n >> 1, n - 100, n - 1]) {
      const got = answers(parseLines(bytes.subarray(0, length), b), addresses);
      expect(
        got.filter((g, i) => g !== null && g !== whole[i]),
        `${length} bytes`,
      ).toEqual([]);
    }
    // Half the section holds the units of half the code or so.
    const half = answers(parseLines(bytes.subarray(0, n >> 1), b), addresses);
    expect(half.filter((g) => g !== null).length).toBeGreaterThan(20);
    // A first unit claiming more than remains: read to the end, the last unit read.
    const claims = bytes.slice();
    claims.set([0x00, 0x00, 0x00, 0x7f], 0);
    expect(() => answers(parseLines(claims, b), addresses)).not.toThrow();
  });

  it('never throws on a mutated table', () => {
    const b = the('amd64-clang-trimpath');
    const bytes = lines(b);
    const addresses = sample(b);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const first = 4 + view.getUint32(0, true);
    // The first unit's header, the first unit, anywhere.
    const regions: [number, number][] = [
      [0, 64],
      [0, first],
      [0, bytes.byteLength],
    ];
    const next = random(42);
    let parsed = 0;
    let named = 0;
    for (let round = 0; round < 80; round++) {
      const copy = bytes.slice();
      const [from, to] = regions[round % regions.length] ?? [0, 1];
      for (let k = 0; k <= round % 3; k++) copy[from + next(to - from)] = next(256);
      let thrown: unknown = null;
      try {
        const table = parseLines(copy, b);
        if (table !== null) parsed++;
        named += answers(table, addresses).filter((a) => a !== null).length;
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `round ${round}`).toBeNull();
    }
    // Most mutations leave most of the table to read.
    expect(parsed).toBeGreaterThan(60);
    expect(named).toBeGreaterThan(60 * 100);
  });

  it('reads 64-bit DWARF as it reads the same units in 32-bit DWARF', () => {
    // DWARF ≤4 units have no offset-sized forms: only unit_length and header_length widen.
    const b = the('amd64-gcc-dwarf4');
    const bytes = lines(b);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const parts: Uint8Array[] = [];
    for (let at = 0; at < bytes.byteLength;) {
      const length = view.getUint32(at, true);
      const unit = new Uint8Array(12 + 2 + 8 + (length - 2 - 4));
      const out = new DataView(unit.buffer);
      out.setUint32(0, 0xffffffff, true);
      out.setBigUint64(4, BigInt(length + 4), true);
      unit.set(bytes.subarray(at + 4, at + 6), 12); // version
      out.setBigUint64(14, BigInt(view.getUint32(at + 6, true)), true); // header_length
      unit.set(bytes.subarray(at + 10, at + 4 + length), 22);
      parts.push(unit);
      at += 4 + length;
    }
    const wide = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((at, p) => (wide.set(p, at), at + p.byteLength), 0);
    const addresses = sample(b);
    const same = answers(parseLines(wide, b), addresses);
    expect(same).toEqual(answers(b.table, addresses));
    expect(same.filter((a) => a !== null).length).toBeGreaterThan(150);
  });
});
