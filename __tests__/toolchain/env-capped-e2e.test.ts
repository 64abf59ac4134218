/**
 * Floors below every release of the host (Debian: bullseye, 2.31), met by bullseye with its glibc
 * capped at the floor. For linux/amd64 and linux/arm64 at 2.17, 2.24 and 2.28 with gcc (clang at 2.17),
 * the cgo fixture and a C++17 cgo fixture build with the printed env, need no GLIBC above the floor
 * and pass verify; at 2.17 they run on glibc 2.17 itself (`verify --smoke`). The other targets
 * build the cgo fixture at 2.28 (riscv64: 2.27, its first glibc) with gcc.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { BinaryReport } from '../../src/domain/report/run-report.js';
import { compareDotted } from '../../src/domain/version.js';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { kernelRuns386Sync } from '../setup/ia32.js';
import {
  buildCgoApp,
  envJson,
  runEnv,
  TOOL_CACHE,
  UNREACHABLE_MIRROR,
} from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-capped-'));
const lock = join(work, 'lock.yml');

/** `verify` (JSON) at the floor, with the smoke run when a sysroot is given. */
function verifyAt(
  target: string,
  floor: string,
  binaries: string[],
  smoke?: { sysroot: string; args?: string },
): { status: number | null } & ReturnType<typeof verifyReportOf> {
  const args = ['verify', '--format', 'json', '--target', target, '--glibc', floor];
  if (smoke !== undefined)
    args.push(`--smoke=${smoke.args ?? ''}`, '--sysroot', smoke.sysroot, '--lock', lock);
  const r = runCli([...args, ...binaries], { ...process.env, RUNNER_TOOL_CACHE: TOOL_CACHE });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return { status: r.status, ...verifyReportOf(r) };
}

function expectWithin(binaries: readonly BinaryReport[], floor: string): void {
  for (const b of binaries) {
    expect(b.findings, b.path).toEqual([]);
    const versions = b.facts?.versions as Record<string, string>;
    expect(compareDotted(versions.GLIBC ?? '99', floor), b.path).toBeLessThanOrEqual(0);
    // libstdc++ and libgcc_s are linked statically at a capped floor.
    expect(b.facts?.needed, b.path).not.toContain('libstdc++.so.6');
    expect(b.facts?.needed, b.path).not.toContain('libgcc_s.so.1');
  }
}

function lockEntry(key: string): Record<string, unknown> {
  const l = parse(readFileSync(lock, 'utf8')) as { toolchains: Record<string, unknown>[] };
  const entry = l.toolchains.find((t) => t.key === key);
  if (entry === undefined) throw new Error(`no lock entry ${key}`);
  return entry;
}

// gcc at every capped floor on both architectures; clang at 2.17, the floor with the most shims
// (its wrappers and sysroot do not change with the floor; clang on uncapped releases is in
// env-e2e, on the npm toolchains in env-npm-e2e). All twelve pairs cost CI four more minutes.
const CASES = ['2.17', '2.24', '2.28'].flatMap((floor) =>
  ['amd64', 'arm64'].flatMap((goarch) =>
    (floor === '2.17' ? ['gcc', 'clang'] : ['gcc']).map((compiler) => ({
      floor,
      goarch,
      compiler,
    })),
  ),
);

describe.each(CASES)('floor $floor, linux/$goarch, $compiler', ({ floor, goarch, compiler }) => {
  const target = `linux/${goarch}`;
  const args = ['--target', target, '--glibc', floor, '--compiler', compiler, '--lock', lock];

  it('builds the cgo and C++17 fixtures, within the floor, and says how', () => {
    const r = runEnv([...args, '--format', 'json']);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `is met by debian/bullseye (glibc 2.31) with its glibc capped at ${floor}`,
    );
    expect(r.stderr).toContain('libstdc++ and libgcc are linked statically');
    const { env, toolchain } = JSON.parse(r.stdout) as ReturnType<typeof envJson> & {
      toolchain: { cap: string | null };
    };
    expect(toolchain).toMatchObject({ release: 'debian/bullseye', cap: floor });
    const entry = lockEntry(toolchain.key);
    expect(entry.cap).toMatchObject({ glibc: floor });
    const shims = (entry.cap as { shims: string[] }).shims;
    expect(shims).toEqual(
      floor === '2.17'
        ? ['__cxa_thread_atexit_impl', 'fcntl64']
        : floor === '2.24'
          ? ['fcntl64']
          : [],
    );
    const binaries = ['cgoapp', 'cxx17app'].map((program) => {
      const out = join(work, `${program}-${floor}-${goarch}-${compiler}`);
      buildCgoApp(env, out, program);
      return out;
    });
    const smoke = floor === '2.17' || floor === '2.28' ? { sysroot: toolchain.sysroot } : undefined;
    const v = verifyAt(target, floor, binaries, smoke);
    expectWithin(v.binaries, floor);
    expect(v.status).toBe(0);
    if (floor === '2.17') {
      // glibc 2.17 itself: the npm toolchain's loader and libraries.
      for (const s of v.smoke) expect(s).toMatchObject({ glibc: '2.17', passed: true });
      expect(v.smoke[0]?.note).toBeUndefined();
    }
    if (floor === '2.28')
      for (const s of v.smoke)
        expect(s).toMatchObject({
          glibc: '2.31',
          passed: true,
          note: "floor 2.28 has no glibc of its own here: run on debian/bullseye's glibc 2.31, which the sysroot caps at 2.28 (a start, not proof of 2.28)",
        });
    expect(v.smoke).toHaveLength(smoke === undefined ? 0 : 2);
    // The first case installs cold (142 s once on a machine at load 14): a time limit, not a goal.
  }, 600_000);

  it('is a cache hit the second time, with the mirror unreachable', () => {
    const again = envJson([
      ...args,
      '--frozen',
      '--mirror',
      UNREACHABLE_MIRROR,
      '--no-host-mirrors',
    ]);
    expect(again.toolchain.cacheHit).toBe(true);
  });
});

describe('the C++17 fixture on glibc 2.17', () => {
  it.each(['amd64', 'arm64'])(
    'prints what C++17, an exception and thread_local gave, on %s',
    (goarch) => {
      const root =
        spawnSync(
          'sh',
          ['-c', `ls -d ${TOOL_CACHE}/cgo-abi-guard-glibc-2.17-*/*/x64/root/*/sysroot`],
          {
            encoding: 'utf8',
          },
        )
          .stdout.split('\n')
          .find((p) => p.includes(goarch === 'amd64' ? 'x86_64' : 'aarch64')) ?? '';
      const binary = join(work, `cxx17app-2.17-${goarch}-gcc`);
      const run =
        goarch === 'amd64'
          ? spawnSync(
              join(root, 'lib', 'ld-linux-x86-64.so.2'),
              ['--library-path', `${root}/lib:${root}/usr/lib`, binary],
              { encoding: 'utf8' },
            )
          : spawnSync('qemu-aarch64', ['-L', root, binary], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(
        'double=2.500000 int=42 optional=13 caught thread_local destructors=1\n',
      );
    },
  );
});

describe('the same capped tree on any install', () => {
  it('gcc (host gcc) and clang at 2.17 for amd64 install the same sysroot bytes', () => {
    const gcc = lockEntry('linux/amd64 glibc-2.17 gcc host-amd64');
    const clang = lockEntry('linux/amd64 glibc-2.17 clang host-amd64');
    expect(typeof gcc.tree).toBe('string');
    expect(clang.tree).toBe(gcc.tree);
  });

  it('a fresh install from the lock gives the recorded tree', () => {
    const args = [
      '--target',
      'linux/arm64',
      '--glibc',
      '2.24',
      '--compiler',
      'gcc',
      '--lock',
      lock,
    ];
    const first = envJson(args);
    rmSync(first.toolchain.dir, { recursive: true, force: true });
    const again = envJson([...args, '--frozen']);
    expect(again.toolchain.cacheHit).toBe(false);
    expect(again.toolchain.dir).toBe(first.toolchain.dir);
  });
});

const OTHERS = [
  { target: 'linux/arm/v7', floor: '2.28' },
  { target: 'linux/386', floor: '2.28' },
  { target: 'linux/ppc64le', floor: '2.28' },
  { target: 'linux/s390x', floor: '2.28' },
  { target: 'linux/riscv64', floor: '2.27' },
];

describe.each(OTHERS)('$target at $floor with gcc', ({ target, floor }) => {
  it('builds the cgo fixture within the floor, passes verify, and the smoke run says what it ran on', () => {
    const { env, toolchain } = envJson(['--target', target, '--glibc', floor, '--lock', lock]);
    const binary = join(work, `cgoapp-${floor}-${target.replace(/\//g, '-')}`);
    buildCgoApp(env, binary);
    const v = verifyAt(target, floor, [binary], { sysroot: toolchain.sysroot });
    expectWithin(v.binaries, floor);
    expect(v.status).toBe(0);
    // An x86-64 host whose kernel runs i386 programs runs 386 itself (the loader); one whose
    // kernel does not (this Firecracker guest) runs it under the pinned qemu-i386 (qemu 10: 7.2
    // crashes Go's 386 runtime).
    expect(v.smoke[0]?.via).toEqual(
      target === 'linux/386' && kernelRuns386Sync() ? 'loader' : expect.stringMatching(/^qemu-/),
    );
    expect(v.smoke[0]?.stdout?.join('\n')).toContain('sqrt(2)');
    expect(v.smoke).toEqual([
      expect.objectContaining({
        glibc: '2.31',
        passed: true,
        note: expect.stringMatching(
          new RegExp(`^floor ${floor} has no glibc of its own here`),
        ) as string,
      }),
    ]);
  });
});

describe('a floor no toolchain meets', () => {
  it('is one line naming the lowest floor', () => {
    const r = runEnv(['--target', 'linux/riscv64', '--glibc', '2.26', '--lock', lock]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr.trim()).toBe(
      "cgo-abi-guard env: no toolchain meets glibc 2.26 for linux/riscv64: the lowest floor there is 2.27 (its glibc's first version)",
    );
  });
});
