/**
 * 1000+ random mutants of 30 real binaries (7 architectures, ELF32 and ELF64, both byte orders)
 * through the CLI: it never crashes or hangs, exits 0, 1 or 2, and never passes a mutant whose
 * dynamic segment still makes the loader check a GLIBC version above the floor. Two oracles say
 * what the loader checks: an independent reader of the dynamic segment (loader_needs.py), and,
 * for amd64 and arm64, bullseye's own ld.so (glibc 2.31) listing the mutant.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../setup/cli.js';
import { allBinaries } from '../../src/domain/report/run-report.js';
import { fixture } from '../setup/fixtures.js';
import { FIXTURE_DIR, ROOT } from '../setup/paths.js';
import { generator, Mutator } from './mutate.js';
import { compareDotted } from '../../src/domain/version.js';

const FLOOR = '2.31';
const PER_BASE = 34;
const SEED = Number(process.env.CGO_ABI_GUARD_MUTATION_SEED ?? 20261204);
const BULLSEYE = join(FIXTURE_DIR, '..', '.cgo-abi-guard-fixture-cache', 'bullseye-sysroot');

const FIXTURES = [
  'amd64-gcc',
  'arm64-gcc',
  'armhf-gcc',
  'armel-gcc',
  '386-gcc',
  'amd64-musl',
  'amd64-clang-bullseye',
  'arm64-clang-bullseye',
  'amd64-nocgo',
  'amd64-v3',
  'amd64-isa-v3',
  'amd64-runpath-abs',
  'amd64-rpath-abs',
  'amd64-runpath-origin',
  'amd64-extra-needed',
  'amd64-static-net',
  'amd64-cshared',
  'amd64-cxx',
  'amd64-pie',
  'ppc64le-nocgo',
];
const SYSTEM_FILES = [
  '/usr/s390x-linux-gnu/lib/libm.so.6',
  '/usr/powerpc64le-linux-gnu/lib/libm.so.6',
  '/usr/riscv64-linux-gnu/lib/libm.so.6',
  '/usr/i686-linux-gnu/lib/libm.so.6',
  '/usr/aarch64-linux-gnu/lib/libm.so.6',
  '/usr/arm-linux-gnueabihf/lib/libm.so.6',
  '/usr/arm-linux-gnueabi/lib/libresolv.so.2',
  '/usr/lib/x86_64-linux-gnu/libz.so.1',
  '/usr/bin/true',
  '/usr/bin/readelf',
];

interface Made {
  path: string;
  base: string;
  what: string;
  machine: 'amd64' | 'arm64' | 'other';
}

const aboveFloor = (name: string): boolean => {
  if (name === 'GLIBC_PRIVATE') return true;
  const m = /^GLIBC_(\d+(?:\.\d+)*)$/.exec(name);
  return m?.[1] !== undefined && compareDotted(m[1], FLOOR) > 0;
};

function machineOf(b: Buffer): Made['machine'] {
  const machine = b[5] === 1 ? b.readUInt16LE(18) : b.readUInt16BE(18);
  return machine === 62 ? 'amd64' : machine === 183 ? 'arm64' : 'other';
}

/** What bullseye's ld.so says is missing when it lists the file: the versions above 2.31. */
function loaderMissing(m: Made): string[] | null {
  if (m.machine === 'other') return null;
  const lib = join(
    BULLSEYE,
    m.machine === 'amd64' ? 'usr/x86_64-linux-gnu/lib' : 'usr/aarch64-linux-gnu/lib',
  );
  const ld = join(lib, m.machine === 'amd64' ? 'ld-linux-x86-64.so.2' : 'ld-linux-aarch64.so.1');
  const [cmd, ...args] =
    m.machine === 'amd64'
      ? [ld, '--library-path', lib, '--list', m.path]
      : [
          'qemu-aarch64',
          '-L',
          join(BULLSEYE, 'usr/aarch64-linux-gnu'),
          ld,
          '--library-path',
          lib,
          '--list',
          m.path,
        ];
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  return [...`${r.stdout}\n${r.stderr}`.matchAll(/version `(GLIBC_[^']+)' not found/g)].map(
    (x) => x[1] ?? '',
  );
}

describe('mutants of real binaries', () => {
  it(`never crash, hang or pass above glibc ${FLOOR} (seed ${SEED})`, () => {
    const bases = [
      ...FIXTURES.map((name) => fixture(name)),
      ...SYSTEM_FILES.filter((f) => existsSync(f)).map((f) => realpathSync(f)),
    ];
    expect(bases.length).toBeGreaterThanOrEqual(28);
    const mutator = new Mutator(generator(SEED));
    const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-mutants-'));
    const counts = { mutants: 0, pass: 0, fail: 0, error: 0, oracle: 0, loader: 0 };
    const wrong: string[] = [];
    try {
      // Rounds of one mutant per base, judged a round at a time so the disk holds one round.
      for (let round = 0; round < PER_BASE; round++) {
        const roundDir = join(dir, String(round));
        mkdirSync(roundDir);
        const made: Made[] = bases.map((base, i) => {
          const original = readFileSync(base);
          const mutant = mutator.mutate(original);
          const path = join(roundDir, `m${i}`);
          writeFileSync(path, mutant.bytes);
          return { path, base, what: mutant.what, machine: machineOf(original) };
        });
        counts.mutants += made.length;
        const r = runCli([
          'verify',
          '--format',
          'json',
          '--glibc',
          FLOOR,
          ...made.map((m) => m.path),
        ]);
        const label = `round ${round}: ${made.map((m) => `${m.path} (${m.base}: ${m.what})`).join('; ')}`;
        expect([0, 1, 2], label).toContain(r.status);
        expect(r.stderr, label).not.toMatch(STACK_TRACE);
        // Parsed and validated against the schema by runCli: a mutant's odd facts too.
        const report = r.report;
        if (report === null) throw new Error(`${label}: no report on stdout`);
        const passed = new Set<string>();
        for (const b of allBinaries(report)) {
          counts[b.verdict]++;
          if (b.verdict === 'pass') passed.add(b.path);
        }
        const passing = made.filter((m) => passed.has(m.path));
        if (passing.length === 0) continue;
        const oracle = spawnSync(
          '/usr/bin/python3',
          [join(ROOT, '__tests__', 'mutation', 'loader_needs.py'), ...passing.map((m) => m.path)],
          { encoding: 'utf8', timeout: 60_000 },
        );
        const needs = new Map(
          oracle.stdout
            .trim()
            .split('\n')
            .map((line) => {
              const o = JSON.parse(line) as { path: string; needs?: string[] };
              return [o.path, o.needs ?? null] as const;
            }),
        );
        for (const m of passing) {
          const names = needs.get(m.path) ?? null;
          if (names !== null) {
            counts.oracle++;
            const above = names.filter(aboveFloor);
            if (above.length > 0)
              wrong.push(
                `${m.base}: ${m.what}: passed, but its dynamic segment needs ${above.join(', ')}`,
              );
          }
          const missing = loaderMissing(m);
          if (missing !== null) {
            counts.loader++;
            const above = missing.filter(aboveFloor);
            if (above.length > 0)
              wrong.push(
                `${m.base}: ${m.what}: passed, but bullseye's ld.so misses ${above.join(', ')}`,
              );
          }
        }
        rmSync(roundDir, { recursive: true, force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`mutation: ${JSON.stringify(counts)}`);
    expect(wrong).toEqual([]);
    expect(counts.mutants).toBeGreaterThanOrEqual(1000);
    // Not vacuous: mutants of each verdict, and passing ones the oracles looked at.
    expect(counts.pass).toBeGreaterThan(0);
    expect(counts.fail).toBeGreaterThan(0);
    expect(counts.error).toBeGreaterThan(0);
    expect(counts.oracle).toBeGreaterThan(0);
    expect(counts.loader).toBeGreaterThan(0);
  }, 900_000);
});
