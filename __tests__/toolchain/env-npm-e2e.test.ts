/**
 * The napi-rs crosstool-ng toolchains on the npm registry, by name (`--release crosstool-ng`;
 * through the npm client as configured here): for floors 2.17 and 2.28, amd64 and arm64, gcc and
 * clang, the cgo fixture builds with the printed env, verifies clean, and runs on glibc 2.17
 * itself (`verify --smoke`: the sysroot's loader for amd64, a pinned qemu-user-static for arm64).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CXX_FLOORS } from '../../src/domain/rules/cxx-floors.js';
import type { BinaryReport } from '../../src/domain/report/run-report.js';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import { compareDotted, maxDotted } from '../../src/domain/version.js';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import {
  buildCgoApp,
  envJson,
  runEnv,
  TOOL_CACHE,
  UNREACHABLE_MIRROR,
} from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-npm-'));
const lock = join(work, 'lock.yml');
/** npm reads its registry from npm_config_* too: an address nothing listens on. */
const NO_REGISTRY = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' };

/** `verify --smoke` (JSON) against a sysroot, qemu from the shared tool cache and this lock. */
function verifySmoke(
  goarch: string,
  floor: string,
  sysroot: string,
  binary: string,
): { status: number | null; binaries: BinaryReport[]; smoke: SmokeResult[]; stderr: string } {
  const args = ['verify', '--format', 'json', '--target', `linux/${goarch}`, '--glibc', floor];
  const r = runCli([...args, '--smoke=', '--sysroot', sysroot, '--lock', lock, binary], {
    ...process.env,
    RUNNER_TOOL_CACHE: TOOL_CACHE,
  });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return { status: r.status, ...verifyReportOf(r), stderr: r.stderr };
}

const CASES = ['2.17', '2.28'].flatMap((floor) =>
  ['amd64', 'arm64'].flatMap((goarch) =>
    ['gcc', 'clang'].map((compiler) => ({ floor, goarch, compiler })),
  ),
);

describe.each(CASES)('floor $floor, linux/$goarch, $compiler', ({ floor, goarch, compiler }) => {
  const args = [
    '--target',
    `linux/${goarch}`,
    '--glibc',
    floor,
    '--compiler',
    compiler,
    '--release',
    'crosstool-ng',
  ];

  it('builds with the printed env, verifies clean, and runs on glibc 2.17', () => {
    const r = runEnv([...args, '--lock', lock, '--format', 'json']);
    expect(r.stderr).toContain('its libstdc++ is C++11 (GLIBCXX 3.4.19, CXXABI 1.3.7)');
    const { env, toolchain } = envJson([...args, '--lock', lock]);
    expect(toolchain.release).toBe('napi-rs/crosstool-ng');
    expect(env.PKG_CONFIG_SYSROOT_DIR).toBe(toolchain.sysroot);
    expect(existsSync(join(toolchain.sysroot, 'lib', 'libc-2.17.so'))).toBe(true);
    const binary = join(work, `app-${floor}-${goarch}-${compiler}`);
    buildCgoApp(env, binary);
    const v = verifySmoke(goarch, floor, toolchain.sysroot, binary);
    // crosstool-ng's aarch64 gcc 4.8 leaves its include directories unmapped in DWARF's line
    // tables (-fdebug-prefix-map is given; its x86-64 gcc maps them): a reproducibility warning.
    expect(v.binaries[0]?.findings).toEqual(
      goarch === 'arm64' && compiler === 'gcc'
        ? [
            expect.objectContaining({
              rule: 'build-paths',
              severity: 'warning',
              message: expect.stringMatching(
                /^its DWARF line tables carry paths of the runner \(\S+\/root\/aarch64-unknown-linux-gnu\/sysroot\/usr\/include/,
              ) as string,
            }),
          ]
        : [],
    );
    const versions = v.binaries[0]?.facts?.versions as Record<string, string>;
    expect(compareDotted(versions.GLIBC ?? '99', '2.17')).toBeLessThanOrEqual(0);
    expect(v.smoke).toHaveLength(1);
    const [run] = v.smoke;
    expect(run).toMatchObject({
      path: binary,
      glibc: '2.17',
      via: goarch === 'amd64' ? 'loader' : 'qemu-aarch64',
      passed: true,
      exit: 0,
      timedOut: false,
      stderr: [],
    });
    // The command that ran it, and the first lines the program printed.
    expect(run?.command).toMatch(
      goarch === 'amd64'
        ? /\/ld-linux-x86-64\.so\.2 --library-path \S+ \S+$/
        : /qemu-aarch64\S* -L \S+ \S+$/,
    );
    expect(run?.command?.endsWith(binary)).toBe(true);
    expect(run?.stdout?.[0]).toBe('sqrt(2)=1.414214');
    expect(v.status).toBe(0);
  });

  it('is a cache hit the second time, with the npm registry and the mirror unreachable', () => {
    const again = envJson([...args, '--lock', lock, '--frozen', '--mirror', UNREACHABLE_MIRROR], {
      ...NO_REGISTRY,
    });
    expect(again.toolchain.cacheHit).toBe(true);
  });
});

describe('one npm toolchain meets floors 2.17 and 2.28', () => {
  it.each(['gcc', 'clang'])('and is installed once for both, with %s', (compiler) => {
    const at = (floor: string) =>
      envJson([
        '--target',
        'linux/arm64',
        '--release',
        'crosstool-ng',
        '--glibc',
        floor,
        '--compiler',
        compiler,
        '--lock',
        lock,
      ]);
    const [low, high] = [at('2.17'), at('2.28')];
    expect(high.toolchain.key).not.toBe(low.toolchain.key);
    expect(high.toolchain.dir).toBe(low.toolchain.dir);
    expect(high.toolchain.cacheHit).toBe(true);
    expect(high.env.CC).toBe(low.env.CC);
  });
});

describe('the same program built with the host gcc (GLIBC_2.34)', () => {
  it.each(['amd64', 'arm64'])('fails verify and the smoke run at 2.17 on %s', (goarch) => {
    const { toolchain } = envJson(
      [
        '--target',
        `linux/${goarch}`,
        '--glibc',
        '2.17',
        '--release',
        'crosstool-ng',
        '--lock',
        lock,
        '--frozen',
      ],
      NO_REGISTRY,
    );
    const host = fixture(`${goarch}-gcc`);
    const v = verifySmoke(goarch, '2.17', toolchain.sysroot, host);
    expect(v.status).toBe(1);
    expect(v.binaries[0]?.facts?.versions).toMatchObject({ GLIBC: '2.34' });
    expect(v.smoke[0]?.passed).toBe(false);
    expect(v.smoke[0]?.exit).not.toBe(0);
    expect(v.smoke[0]?.stderr.join('\n')).toMatch(/version `GLIBC_2\.34' not found/);
    expect(v.stderr).toMatch(
      /^cgo-abi-guard verify: smoke: error: .* when run on glibc 2\.17 \(.*\): .*version `GLIBC_2\.3[24]' not found/m,
    );
  });
});

describe('the C++ ceilings at 2.17', () => {
  it.each(['amd64', 'arm64'])("match the %s sysroot's own libstdc++", (goarch) => {
    const { toolchain } = envJson(
      [
        '--target',
        `linux/${goarch}`,
        '--glibc',
        '2.17',
        '--release',
        'crosstool-ng',
        '--lock',
        lock,
        '--frozen',
      ],
      NO_REGISTRY,
    );
    const r = spawnSync('readelf', ['-V', '-W', join(toolchain.sysroot, 'lib', 'libstdc++.so.6')], {
      encoding: 'utf8',
    });
    const defined = r.stdout.split('Version needs section')[0] ?? '';
    const newest = (prefix: string): string | null =>
      maxDotted(
        [...defined.matchAll(new RegExp(`Name: ${prefix}_(\\d+(?:\\.\\d+)+)`, 'g'))].flatMap(
          (m) => m[1] ?? [],
        ),
      );
    const row = CXX_FLOORS.find((f) => f.glibc === '2.17');
    expect({ GLIBCXX: newest('GLIBCXX'), CXXABI: newest('CXXABI') }).toEqual({
      GLIBCXX: row?.GLIBCXX,
      CXXABI: row?.CXXABI,
    });
  });
});

describe('downloads through the npm client, fail closed', () => {
  const fresh = (): string => mkdtempSync(join(work, 'tool-cache-'));

  it('uses the configured registry: unreachable, a cold install fails in one line', () => {
    const r = runEnv(
      [
        '--target',
        'linux/amd64',
        '--glibc',
        '2.17',
        '--release',
        'crosstool-ng',
        '--lock',
        join(work, 'cold.yml'),
      ],
      { RUNNER_TOOL_CACHE: fresh(), ...NO_REGISTRY },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^cgo-abi-guard env: npm pack @napi-rs\/cross-toolchain-x64-target-x86_64@1\.0\.0 failed: /m,
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a tarball whose integrity is not the locked one, and installs nothing', () => {
    const cache = fresh();
    const other = join(work, 'tampered.yml');
    // The amd64 package's integrity on the arm64 package: a real digest, of other bytes.
    writeFileSync(
      other,
      [
        'version: 1',
        'toolchains:',
        '  - key: linux/arm64 glibc-2.17 gcc host-amd64 release-crosstool-ng',
        '    release: napi-rs/crosstool-ng',
        '    source: npm',
        '    npm:',
        '      name: "@napi-rs/cross-toolchain-x64-target-aarch64"',
        '      version: 1.0.3',
        '      integrity: sha512-lecoghCfoTAX9MLFcIx9/nL9M8xdkZ9n8Pki8qjKUNzjiq1zbECdEbzIZAMMHRtrXxifK9dAyYuh8gSxNbr2og==',
        '',
      ].join('\n'),
    );
    const r = runEnv(
      ['--target', 'linux/arm64', '--glibc', '2.17', '--release', 'crosstool-ng', '--lock', other],
      {
        RUNNER_TOOL_CACHE: cache,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /@napi-rs\/cross-toolchain-x64-target-aarch64@1\.0\.3: the downloaded tarball's integrity sha512-EMFcy\S+ is not the locked sha512-lecogh\S+; refusing it/,
    );
    const tools = readdirSync(cache).filter((d) => !d.startsWith('.'));
    expect(tools.flatMap((t) => readdirSync(join(cache, t)))).toEqual([]);
  });
});
