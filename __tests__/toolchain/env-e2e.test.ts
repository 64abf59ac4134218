/**
 * The acceptance cases: for floors 2.31 and 2.36, targets amd64 and arm64, compilers gcc and
 * clang, a cgo program using libm, pthreads, net and os/user builds with the printed env, needs no
 * GLIBC above the floor, and runs against that release's own glibc (amd64 through its loader,
 * arm64 under qemu-aarch64). Real packages from the host's Debian mirror.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDotted } from '../../src/domain/version.js';
import { verifyJson } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import { buildCgoApp, envJson, runAgainst, UNREACHABLE_MIRROR } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-env-'));
const lock = join(work, 'lock.yml');

const CASES = ['2.31', '2.36'].flatMap((floor) =>
  ['amd64', 'arm64'].flatMap((goarch) =>
    ['gcc', 'clang'].map((compiler) => ({ floor, goarch, compiler })),
  ),
);

describe.each(CASES)('floor $floor, linux/$goarch, $compiler', ({ floor, goarch, compiler }) => {
  const args = ['--target', `linux/${goarch}`, '--glibc', floor, '--compiler', compiler];

  it('builds with the printed env, stays under the floor, and runs on that glibc', () => {
    const { env, toolchain } = envJson([...args, '--lock', lock]);
    expect(env).toMatchObject({ CGO_ENABLED: '1', GOOS: 'linux', GOARCH: goarch });
    expect(env[`CC_${goarch}`]).toBe(env.CC);
    expect(env.CC).toMatch(/^\//);
    expect(env.PKG_CONFIG_SYSROOT_DIR).toBe(toolchain.sysroot);
    const binary = join(work, `app-${floor}-${goarch}-${compiler}`);
    buildCgoApp(env, binary);
    const verdict = verifyJson(['--target', `linux/${goarch}`, '--glibc', floor, binary]);
    expect(verdict.binaries[0]?.findings).toEqual([]);
    expect(verdict.status).toBe(0);
    const versions = verdict.binaries[0]?.facts?.versions as Record<string, string>;
    expect(compareDotted(versions.GLIBC ?? '99', floor)).toBeLessThanOrEqual(0);
    const run = runAgainst(goarch, toolchain.sysroot, binary);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('sqrt(2)=1.414214');
    expect(run.status).toBe(0);
  });

  it('is a cache hit the second time, with the mirror unreachable', () => {
    const again = envJson([
      ...args,
      '--lock',
      lock,
      '--frozen',
      '--mirror',
      UNREACHABLE_MIRROR,
      '--no-host-mirrors',
    ]);
    expect(again.toolchain.cacheHit).toBe(true);
  });
});

describe.each(
  ['amd64', 'arm64'].flatMap((goarch) =>
    ['gcc', 'clang'].map((compiler) => ({ goarch, compiler })),
  ),
)(
  'floor 2.31, linux/$goarch, $compiler: a C program linking libstdc++ itself',
  ({ goarch, compiler }) => {
    // go build links a package without C++ files with CC: the cc wrapper must give the floor's
    // libstdc++, as c++ does (the host gcc's own needs GLIBC_2.34: "undefined reference to
    // pthread_setspecific@GLIBC_2.34").
    it("links the floor's libstdc++ through CC, stays under the floor, and runs on that glibc", () => {
      const { env, toolchain } = envJson([
        ...['--target', `linux/${goarch}`, '--glibc', '2.31', '--compiler', compiler],
        ...['--lock', lock],
      ]);
      const binary = join(work, `cstdcxx-${goarch}-${compiler}`);
      buildCgoApp(env, binary, 'cstdcxx');
      const verdict = verifyJson(['--target', `linux/${goarch}`, '--glibc', '2.31', binary]);
      expect(verdict.binaries[0]?.findings).toEqual([]);
      expect(verdict.status).toBe(0);
      const run = runAgainst(goarch, toolchain.sysroot, binary);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('std::vector<int, std::allocator<int> >::push_back(int const&)\n');
    });
  },
);

describe('the same program built with the host gcc', () => {
  it('needs GLIBC_2.34 and fails to run against glibc 2.31', () => {
    const { toolchain } = envJson([
      ...['--target', 'linux/amd64', '--glibc', '2.31', '--lock', lock],
      ...['--frozen', '--mirror', UNREACHABLE_MIRROR, '--no-host-mirrors'],
    ]);
    const host = fixture('amd64-gcc');
    const verdict = verifyJson(['--glibc', '2.31', host]);
    expect(verdict.status).toBe(1);
    expect(verdict.binaries[0]?.facts?.versions).toMatchObject({ GLIBC: '2.34' });
    const run = runAgainst('amd64', toolchain.sysroot, host);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/version `GLIBC_2\.34' not found/);
  });
});
