/**
 * The Go lines that call a cgo function, read from `.gopclntab` and the code, on real binaries
 * built here (amd64 with the host gcc, arm64 with aarch64-linux-gnu-gcc when it is installed),
 * each with and without `-ldflags=-s -w` and `-trimpath`. The oracles: the known lines of the
 * source, `go tool addr2line` for every call site and a sample of pcs, `go tool nm` for the
 * function names and `runtime.text`. And hostile bytes: truncated, garbage or mutated tables give
 * null or a table that never throws.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleTextStart, parsePclntab, type Pclntab } from '../../src/domain/elf/gopclntab.js';
import type { SectionInfo } from '../../src/domain/elf/elf-facts.js';
import { parseReadelf } from '../../src/domain/elf/readelf.js';
import { goCallSites } from '../../src/domain/explain/go-calls.js';
import { GO_BUILD_CACHE } from '../setup/paths.js';

const MAIN_GO = `package main

/*
#include <sys/random.h>
*/
import "C"

import (
	"fmt"
	"unsafe"
)

func fill(b []byte) int {
	n := C.getrandom(unsafe.Pointer(&b[0]), C.size_t(len(b)), 0)
	return int(n)
}

func main() {
	b := make([]byte, 16)
	fmt.Println(fill(b), other())
}
`;

const OTHER_GO = `package main

// #include <sys/random.h>
import "C"

import "unsafe"

//go:noinline
func other() int {
	b := make([]byte, 8)
	return int(C.getrandom(unsafe.Pointer(&b[0]), 8, 0))
}
`;

/** The 1-based line of the C.getrandom call in a source. */
const callLine = (source: string): number =>
  source.split('\n').findIndex((l) => l.includes('C.getrandom(')) + 1;

const CALLEE = 'main._Cfunc_getrandom';

const onPath = (name: string): boolean =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && existsSync(join(dir, name)));

interface Variant {
  name: string;
  goarch: 'amd64' | 'arm64';
  cc: string;
  stripped: boolean;
  trimpath: boolean;
  /** -buildmode=pie: the module data's pointers are relative relocations. */
  pie: boolean;
}

const VARIANTS: Variant[] = (['amd64', 'arm64'] as const)
  .filter((goarch) => goarch === 'amd64' || onPath('aarch64-linux-gnu-gcc'))
  .flatMap((goarch) =>
    [
      ...[false, true].flatMap((stripped) =>
        [false, true].map((trimpath) => ({ stripped, trimpath, pie: false })),
      ),
      { stripped: false, trimpath: false, pie: true },
    ].map((v) => ({
      ...v,
      name: [goarch, v.stripped && 'stripped', v.trimpath && 'trimpath', v.pie && 'pie']
        .filter((part) => part !== false)
        .join('-'),
      goarch,
      cc: goarch === 'amd64' ? 'gcc' : 'aarch64-linux-gnu-gcc',
    })),
  );

interface Built {
  path: string;
  pclntab: Uint8Array;
  /** `runtime.text` found through the module data. */
  textStart: number;
  table: Pclntab;
  /** The ELF `.text` section's address, which `go tool addr2line` takes when stripped. */
  textSection: number;
  text: { address: number; bytes: Uint8Array }[];
}

/** Where the module data may be: `.go.module` (Go 1.26), `.noptrdata` (older), `.data*`. */
const MODULE_DATA = /^\.go\.module$|^\.noptrdata$|^\.data(?:\.rel\.ro)?$/;

function load(path: string): Built {
  const facts = parseReadelf(
    execFileSync('readelf', ['-hlSdnW', path], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  const file = readFileSync(path);
  const all = facts.layout.sections.filter((s) => s.type === 'PROGBITS');
  const bytes = (s: SectionInfo): Uint8Array =>
    new Uint8Array(file.buffer, file.byteOffset + s.offset, s.size);
  const pcln = all.find((s) => s.name === '.gopclntab');
  const text = all.find((s) => s.name === '.text');
  if (pcln === undefined || text === undefined) throw new Error(`${path}: no .gopclntab/.text`);
  const pclntab = bytes(pcln);
  const textStart = moduleTextStart({
    pclntab,
    pclntabAddress: pcln.address,
    data: all
      .filter((s) => MODULE_DATA.test(s.name))
      .map((s) => ({ address: s.address, bytes: bytes(s) })),
    littleEndian: true,
  });
  if (textStart === null) throw new Error(`${path}: no module data`);
  const table = parsePclntab(pclntab, true, textStart);
  if (table === null) throw new Error(`${path}: .gopclntab not read`);
  return {
    path,
    pclntab,
    textStart,
    table,
    textSection: text.address,
    text: [{ address: text.address, bytes: bytes(text) }],
  };
}

const run = (command: string, args: string[], input?: string): string =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, input });

/** A Go tool's binary (`go tool -n`): run directly, it starts in a tenth of `go tool`'s time. */
const tools = new Map<string, string>();
const tool = (name: string, args: string[], input?: string): string => {
  let path = tools.get(name);
  if (path === undefined) tools.set(name, (path = run('go', ['tool', '-n', name]).trim()));
  return run(path, args, input);
};

/** `go tool addr2line`: function and file:line of each pc. */
function addr2line(
  path: string,
  pcs: readonly number[],
): { func: string; file: string; line: number }[] {
  const out = tool('addr2line', [path], pcs.map((pc) => `0x${pc.toString(16)}\n`).join(''));
  const lines = out.trimEnd().split('\n');
  return pcs.map((_, i) => {
    const where = lines[2 * i + 1] ?? '';
    const colon = where.lastIndexOf(':');
    return {
      func: lines[2 * i] ?? '',
      file: where.slice(0, colon),
      line: Number(where.slice(colon + 1)),
    };
  });
}

/** Text symbols by `go tool nm`: address → names. */
function nmText(path: string): { address: number; name: string }[] {
  return tool('nm', ['-n', path])
    .split('\n')
    .map((l) => /^\s*([0-9a-f]+) [Tt] (.+)$/.exec(l))
    .flatMap((m) =>
      m?.[1] === undefined || m[2] === undefined
        ? []
        : [{ address: Number.parseInt(m[1], 16), name: m[2] }],
    );
}

let dir = '';
const built = new Map<string, Built>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-go-lines-'));
  const src = join(dir, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'go.mod'), 'module example.com/app\n\ngo 1.21\n');
  writeFileSync(join(src, 'main.go'), MAIN_GO);
  writeFileSync(join(src, 'other.go'), OTHER_GO);
  const run = promisify(execFile);
  await Promise.all(
    VARIANTS.map(async (v) => {
      const out = join(dir, v.name);
      const args = ['build', '-o', out];
      if (v.trimpath) args.push('-trimpath');
      if (v.stripped) args.push('-ldflags=-s -w');
      if (v.pie) args.push('-buildmode=pie');
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
        },
      });
      built.set(v.name, load(out));
    }),
  );
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe.each(VARIANTS)('$name', (v) => {
  const the = (): Built => {
    const b = built.get(v.name);
    if (b === undefined) throw new Error(`${v.name} was not built`);
    return b;
  };
  const srcFile = (name: string): string =>
    v.trimpath ? `example.com/app/${name}` : join(dir, 'src', name);
  /** The pc `go tool addr2line` reads as pc: stripped, it takes `.text` for runtime.text. */
  const theirs = (pc: number): number =>
    v.stripped ? pc - (the().textStart - the().textSection) : pc;

  it('finds runtime.text in the module data, which the header leaves 0', () => {
    const b = the();
    const twin = v.stripped ? join(dir, v.name.replace('-stripped', '')) : b.path;
    const runtimeText = nmText(twin).find((s) => s.name === 'runtime.text')?.address;
    expect(b.textStart).toBe(runtimeText);
    // cgo's host link puts the C start files first: .text is not runtime.text.
    expect(b.textStart).toBeGreaterThan(b.textSection);
    expect([0, b.textStart]).toContain(parsePclntab(b.pclntab, true)?.textStart);
  });

  const sitesOf = (b: Built) =>
    goCallSites({
      arch: v.goarch === 'amd64' ? 'x86-64' : 'arm64',
      text: b.text,
      pclntab: b.table,
      callees: new Set([CALLEE]),
    });

  it('finds each call of the cgo wrapper at the known lines, as addr2line reads them', () => {
    const b = the();
    // One function by that name: the ABI0 wrapper itself, no ABI wrapper in front of it.
    expect(b.table.funcs.filter((f) => f.name.includes('_Cfunc_getrandom'))).toEqual([
      expect.objectContaining({ name: CALLEE }),
    ]);
    const sites = sitesOf(b);
    const lines = new Set(sites.map((s) => `${s.file}:${s.line}`));
    expect([...lines].sort()).toEqual(
      [
        `${srcFile('main.go')}:${callLine(MAIN_GO)}`,
        `${srcFile('other.go')}:${callLine(OTHER_GO)}`,
      ].sort(),
    );
    for (const s of sites) {
      expect(s.callee).toBe(CALLEE);
      expect(['main.fill', 'main.main', 'main.other']).toContain(s.caller);
    }
    expect(sites.map((s) => s.caller)).toContain('main.other');
    const oracle = addr2line(
      b.path,
      sites.map((s) => theirs(s.pc)),
    );
    expect(oracle).toEqual(sites.map((s) => ({ func: s.caller, file: s.file, line: s.line })));
  });

  it('reads the lines of a sample of pcs as addr2line does', () => {
    const { table, path } = the();
    const pcs = table.funcs
      .filter((f, i) => i % 37 === 0 || f.name.startsWith('main.'))
      .flatMap((f) => [f.entry, f.entry + Math.floor((f.end - f.entry) / 2), f.end - 1])
      .filter((pc) => table.funcAt(pc) !== null);
    expect(pcs.length).toBeGreaterThan(100);
    // Between functions (padding) both say nothing: addr2line as `:-1`.
    const oracle = addr2line(path, pcs.map(theirs)).map((o) =>
      o.line === -1 ? { ...o, file: undefined, line: undefined } : o,
    );
    const mine = pcs.map((pc) => {
      const at = table.lineAt(pc);
      return { func: table.funcAt(pc)?.name, file: at?.file, line: at?.line };
    });
    expect(mine).toEqual(oracle);
  });

  it.runIf(!v.stripped)('finds the calls go tool objdump disassembles, and no others', () => {
    const b = the();
    // Only package main calls its own cgo wrappers.
    const calls = tool('objdump', ['-s', '^main\\.', b.path])
      .split('\n')
      .flatMap((l) => {
        const m = /\s0x([0-9a-f]+)\s+[0-9a-f]+\s+CALL main\._Cfunc_getrandom\.abi0\(SB\)/.exec(l);
        return m?.[1] === undefined ? [] : [Number.parseInt(m[1], 16)];
      });
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(sitesOf(b).map((s) => s.pc)).toEqual(calls.sort((x, y) => x - y));
  });

  it.runIf(!v.stripped)('names every Go function as go tool nm does', () => {
    const { table, path } = the();
    const first = table.funcs[0]?.entry ?? 0;
    const end = table.funcs[table.funcs.length - 1]?.end ?? 0;
    // runtime.text marks the start; the first function starts there too.
    const symbols = nmText(path).filter(
      (s) => s.address >= first && s.address < end && s.name !== 'runtime.text',
    );
    expect(symbols.length).toBeGreaterThan(1000);
    const mine = symbols.map((s) => {
      const f = table.funcAt(s.address);
      return { address: s.address, entry: f?.entry, name: f?.name };
    });
    // .symtab marks ABI0 functions `.abi0`; the linker writes its `·` as `.` there (for
    // ASCII-only tools), not in .gopclntab.
    const named = (name: string): string => name.replace(/\.abi0$/, '');
    expect(mine.map((m) => ({ ...m, name: m.name?.replaceAll('·', '.') }))).toEqual(
      symbols.map((s) => ({ ...s, entry: s.address, name: named(s.name) })),
    );
  });
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
  /** Every function looked up and its first and last pc read; how many positions were read. */
  const exercise = (table: Pclntab | null): number => {
    if (table === null) return 0;
    let read = 0;
    for (const f of table.funcs) {
      table.funcAt(f.entry);
      for (const pc of [f.entry, f.end - 1]) if (table.lineAt(pc) !== null) read++;
    }
    return read;
  };
  const real = (): Uint8Array => {
    const first = VARIANTS[0];
    const b = first === undefined ? undefined : built.get(first.name);
    if (b === undefined) throw new Error('nothing built');
    return b.pclntab;
  };

  it('gives null for other magics, garbage and truncated tables', () => {
    const bytes = real();
    expect(parsePclntab(new Uint8Array(0), true)).toBeNull();
    expect(parsePclntab(bytes, false)).toBeNull();
    const go116 = bytes.slice(0, 4096);
    go116[0] = 0xfa;
    expect(parsePclntab(go116, true)).toBeNull();
    const next = random(7);
    const garbage = Uint8Array.from({ length: 1 << 16 }, () => next(256));
    garbage.set([0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8]);
    expect(() => exercise(parsePclntab(garbage, true))).not.toThrow();
    // A real header over garbage: every offset in range, nothing behind them.
    const behind = Uint8Array.from({ length: bytes.byteLength }, () => next(256));
    behind.set(bytes.subarray(0, 72));
    expect(() => exercise(parsePclntab(behind, true))).not.toThrow();
    for (const length of [8, 40, 71, 72, 73, 100, 1000, bytes.byteLength >> 4]) {
      const t = parsePclntab(bytes.subarray(0, length), true);
      expect(t, `${length} bytes`).toBeNull();
    }
    for (const length of [bytes.byteLength >> 1, bytes.byteLength - 1])
      expect(() => exercise(parsePclntab(bytes.subarray(0, length), true))).not.toThrow();
  });

  it('never throws on a mutated table', () => {
    const bytes = real();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const nfunc = Number(view.getBigUint64(8, true));
    const index = Number(view.getBigUint64(8 + 7 * 8, true));
    // The header, the function index, the records and tables after it, anywhere.
    const regions: [number, number][] = [
      [0, 72],
      [index, index + 8 * (nfunc + 1)],
      [index + 8 * (nfunc + 1), bytes.byteLength],
      [0, bytes.byteLength],
    ];
    expect(exercise(parsePclntab(bytes, true, 0x400000))).toBeGreaterThan(nfunc);
    const next = random(42);
    let parsed = 0;
    let read = 0;
    for (let round = 0; round < 80; round++) {
      const copy = bytes.slice();
      const [from, to] = regions[round % regions.length] ?? [0, 1];
      for (let k = 0; k <= round % 3; k++) copy[from + next(to - from)] = next(256);
      let thrown: unknown = null;
      try {
        const table = parsePclntab(copy, true, 0x400000);
        if (table !== null) parsed++;
        read += exercise(table);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `round ${round}`).toBeNull();
    }
    // Many mutations leave a table to read (and exercise), some break it.
    expect(parsed).toBeGreaterThan(20);
    expect(read).toBeGreaterThan(20 * nfunc);
  });
});
