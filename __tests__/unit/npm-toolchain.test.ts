/**
 * The npm (crosstool-ng, glibc 2.17) toolchains, named by `release: crosstool-ng`: the plan, the
 * lock entry, the env and the smoke command.
 */
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { cgoEnv } from '../../src/domain/go/cgo-env.js';
import { CXX_FLOORS } from '../../src/domain/rules/cxx-floors.js';
import {
  emptyLock,
  contentIdentity,
  parseLockfile,
  renderLockfile,
  withToolchain,
} from '../../src/domain/toolchain/lockfile.js';
import {
  smokeArgs,
  runsNatively,
  smokeCommand,
  smokeMessage,
  smokeTable,
} from '../../src/domain/toolchain/smoke.js';
import { capOf, type CrosstoolPlan } from '../../src/domain/toolchain/kinds.js';
import { planToolchain, type HostInfo } from '../../src/domain/toolchain/toolchain-plan.js';
import { npmLockEntry, npmNotice } from '../../src/domain/toolchain/npm-toolchains.js';
import { npmWrapperScripts } from '../../src/domain/toolchain/npm-wrappers.js';
import { layoutOf } from '../../src/steps/kinds/registry.js';

const AMD64_HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const ARM64_HOST: HostInfo = {
  family: 'ubuntu',
  debianArch: 'arm64',
  goarch: 'arm64',
  multiarch: 'aarch64-linux-gnu',
  glibc: '2.39',
};

function plan(
  host: HostInfo,
  goarch: 'amd64' | 'arm64',
  floor: string,
  compiler: 'gcc' | 'clang',
): CrosstoolPlan {
  const p = planToolchain(
    host,
    { goarch, variant: goarch === 'amd64' ? 'v1' : null },
    floor,
    compiler,
    [],
    'crosstool-ng',
  );
  if ('error' in p) throw new Error(p.error);
  if (p.kind !== 'crosstool-ng') throw new Error(`planned ${p.kind}`);
  return p;
}

describe('the npm toolchains, by name', () => {
  it.each(['2.17', '2.28', '2.30'])('floor %s takes the napi-rs glibc 2.17 toolchain', (floor) => {
    const arm = plan(AMD64_HOST, 'arm64', floor, 'gcc');
    expect(arm.npm.pin).toMatchObject({
      name: '@napi-rs/cross-toolchain-x64-target-aarch64',
      version: '1.0.3',
    });
    expect(arm.release).toEqual({ family: 'napi-rs', codename: 'crosstool-ng', glibc: '2.17' });
    expect(arm.lockKey).toBe(`linux/arm64 glibc-${floor} gcc host-amd64 release-crosstool-ng`);
    expect(capOf(arm)).toBeNull();
    // The package's own gcc, for the host's architecture too: not the host gcc.
    const amd = plan(AMD64_HOST, 'amd64', floor, 'gcc');
    expect(amd.npm.pin.name).toBe('@napi-rs/cross-toolchain-x64-target-x86_64');
    expect(amd.mode).toBe('cross-gcc');
  });

  it('is not the default below the oldest release any more: that is the release capped', () => {
    const p = planToolchain(AMD64_HOST, { goarch: 'arm64', variant: null }, '2.17', 'gcc');
    expect(p).toMatchObject({ kind: 'capped', cap: '2.17', release: { codename: 'bullseye' } });
  });

  it('names the targets that exist for another target, and refuses a floor below 2.17', () => {
    const armv7 = planToolchain(
      AMD64_HOST,
      { goarch: 'arm', variant: 'v7' },
      '2.28',
      'gcc',
      [],
      'crosstool-ng',
    );
    expect(armv7).toEqual({
      error: expect.stringContaining('floor 2.28 for linux/arm:') as string,
    });
    const message = 'error' in armv7 ? armv7.error : '';
    expect(message).toContain('glibc 2.17');
    expect(message).toContain('for linux/amd64 and linux/arm64');
    const low = planToolchain(
      AMD64_HOST,
      { goarch: 'arm64', variant: null },
      '2.16',
      'clang',
      [],
      'crosstool-ng',
    );
    expect('error' in low ? low.error : '').toMatch(/at or below 2\.16; the oldest is glibc 2\.17/);
  });

  it('gives gcc on x64 hosts only, clang on any host', () => {
    const gcc = planToolchain(
      ARM64_HOST,
      { goarch: 'arm64', variant: null },
      '2.17',
      'gcc',
      [],
      'crosstool-ng',
    );
    expect('error' in gcc ? gcc.error : '').toMatch(/needs an x64 host .*use compiler clang/);
    expect(plan(ARM64_HOST, 'amd64', '2.17', 'clang').npm.triplet).toBe('x86_64-unknown-linux-gnu');
  });
});

describe('the lock entry of an npm toolchain', () => {
  const p = plan(AMD64_HOST, 'arm64', '2.17', 'clang');
  const entry = { ...npmLockEntry(p.lockKey, p.release, p.npm), tree: 'a'.repeat(64) };

  it('round-trips with source npm, name, version and integrity, and no packages', () => {
    const text = renderLockfile(withToolchain(emptyLock(), entry));
    expect(text).toContain('source: npm');
    expect(text).not.toContain('packages:');
    expect(parseLockfile(text, 'l.yml')).toEqual({ version: 1, toolchains: [entry] });
    expect(contentIdentity(entry)).toContain(entry.npm?.integrity);
  });

  it('refuses a bad integrity or an unknown source with one line naming the entry', () => {
    const text = renderLockfile(withToolchain(emptyLock(), entry));
    const bad = parseLockfile(
      text.replace(/integrity: sha512-\S+/, 'integrity: sha1-abc'),
      'l.yml',
    );
    expect(bad).toEqual({
      error:
        'l.yml: toolchains[0] (linux/arm64 glibc-2.17 clang host-amd64 release-crosstool-ng): npm package @napi-rs/cross-toolchain-x64-target-aarch64: integrity must be "sha512-" and the base64 digest npm records',
    });
    const pip = parseLockfile(text.replace('source: npm', 'source: pip'), 'l.yml');
    expect('error' in pip ? pip.error : '').toMatch(/source must be npm or absent/);
  });
});

describe('env and wrappers of an npm toolchain', () => {
  it('points PKG_CONFIG_SYSROOT_DIR and clang at the package sysroot', () => {
    const p = plan(AMD64_HOST, 'arm64', '2.28', 'clang');
    const env = cgoEnv(p, '/tc/x', layoutOf(p));
    expect(env.PKG_CONFIG_SYSROOT_DIR).toBe('/tc/x/root/aarch64-unknown-linux-gnu/sysroot');
    expect(env.PKG_CONFIG_LIBDIR).toBe(
      '/tc/x/root/aarch64-unknown-linux-gnu/sysroot/usr/lib/pkgconfig:/tc/x/root/aarch64-unknown-linux-gnu/sysroot/usr/share/pkgconfig',
    );
    const clang = {
      clang: '/usr/lib/llvm-18/bin/clang',
      clangxx: '/usr/lib/llvm-18/bin/clang++',
      lld: '/usr/lib/llvm-18/bin/ld.lld',
      clangMajor: 18,
      lldMajor: 18,
    };
    const w = npmWrapperScripts(p, p.npm, clang);
    expect(w.cc).toContain(
      `exec '/usr/lib/llvm-18/bin/clang' --target=aarch64-unknown-linux-gnu --sysroot="$root/aarch64-unknown-linux-gnu/sysroot" --gcc-toolchain="$root" -ffile-prefix-map="$root"=/cgo-abi-guard -fuse-ld=lld --ld-path='/usr/lib/llvm-18/bin/ld.lld'`,
    );
    expect(w.cxx).toContain(
      `exec '/usr/lib/llvm-18/bin/clang++' --target=aarch64-unknown-linux-gnu`,
    );
    const g = plan(AMD64_HOST, 'amd64', '2.17', 'gcc');
    expect(npmWrapperScripts(g, g.npm, null).cxx).toContain(
      'exec "$root/bin/x86_64-unknown-linux-gnu-g++" -fdebug-prefix-map="$root"=/cgo-abi-guard "$@"',
    );
  });

  it("says C++11 with the 2.17 row's GLIBCXX / CXXABI ceilings", () => {
    const p = plan(AMD64_HOST, 'arm64', '2.28', 'gcc');
    const row = CXX_FLOORS.find((r) => r.glibc === '2.17');
    expect(row).toMatchObject({ GLIBCXX: '3.4.19', CXXABI: '1.3.7' });
    const notice = npmNotice('2.28', 'linux/arm64', p.npm);
    expect(notice).toContain('C++11 (GLIBCXX 3.4.19, CXXABI 1.3.7)');
  });
});

describe('the smoke command', () => {
  const base = { glibcRoot: '/s', binary: '/b/app', args: ['--version'] };
  it('uses the sysroot loader where the host runs the target, qemu -L elsewhere', () => {
    expect(
      smokeCommand({
        ...base,
        target: { goarch: 'amd64', variant: 'v1' },
        native: true,
        qemu: null,
      }),
    ).toEqual({
      program: '/s/lib/ld-linux-x86-64.so.2',
      args: ['--library-path', '/s/lib:/s/usr/lib', '/b/app', '--version'],
      via: 'loader',
    });
    expect(
      smokeCommand({
        ...base,
        target: { goarch: 'arm64', variant: null },
        native: false,
        qemu: '/q',
      }),
    ).toEqual({ program: '/q', args: ['-L', '/s', '/b/app', '--version'], via: 'qemu-aarch64' });
    expect(
      smokeCommand({
        ...base,
        target: { goarch: 'arm64', variant: null },
        native: false,
        qemu: null,
      }),
    ).toEqual({ error: 'qemu-aarch64 is not installed' });
    expect(
      smokeCommand({ ...base, target: { goarch: '386', variant: null }, native: true, qemu: null }),
    ).toEqual({
      program: '/s/lib/ld-linux.so.2',
      args: ['--library-path', '/s/lib:/s/usr/lib', '/b/app', '--version'],
      via: 'loader',
    });
    expect(
      smokeCommand({
        ...base,
        target: { goarch: '386', variant: null },
        native: false,
        qemu: '/q',
      }),
    ).toMatchObject({ program: '/q', via: 'qemu-i386' });
  });

  it('runs 386 on an x86-64 host itself only where its kernel starts 32-bit programs; 32-bit arm by qemu', () => {
    expect(runsNatively('amd64', 'amd64', false)).toBe(true);
    expect(runsNatively('386', 'amd64', true)).toBe(true);
    expect(runsNatively('386', 'amd64', false)).toBe(false);
    expect(runsNatively('arm', 'arm64', true)).toBe(false);
    expect(runsNatively('amd64', '386', true)).toBe(false);
    expect(runsNatively('arm64', 'amd64', true)).toBe(false);
  });

  it('quotes the first stderr lines when a run fails', () => {
    expect(smokeArgs('  -v  --quiet ')).toEqual(['-v', '--quiet']);
    const message = smokeMessage({
      path: 'app',
      glibc: '2.17',
      via: 'loader',
      passed: false,
      exit: 1,
      timedOut: false,
      stderr: ["app: /s/lib/libc.so.6: version `GLIBC_2.34' not found (required by app)"],
    });
    expect(message).toBe(
      "app exited 1 when run on glibc 2.17 (loader): app: /s/lib/libc.so.6: version `GLIBC_2.34' not found (required by app)",
    );
  });

  it("says once below the table what a capped floor's runs could not prove", () => {
    const run = {
      path: 'app',
      glibc: '2.31',
      via: 'qemu-aarch64',
      passed: true,
      exit: 0,
      timedOut: false,
      stderr: [],
      note: 'floor 2.28 has no glibc of its own here',
    };
    const table = smokeTable([run, { ...run, path: 'other' }]);
    expect(table.split('\n').slice(-2)).toEqual([
      '',
      'Note: floor 2.28 has no glibc of its own here.',
    ]);
    expect(smokeMessage(run)).toBe(
      'app runs on glibc 2.31 (qemu-aarch64) [floor 2.28 has no glibc of its own here]',
    );
    expect(smokeTable([{ ...run, note: undefined }])).not.toContain('Note:');
  });

  it('reads the smoke input: off, true (no arguments), or the arguments', () => {
    const get = (smoke: string) => (name: string) => (name === 'smoke' ? smoke : '');
    expect(readInputs(get(''))).toMatchObject({ smoke: null });
    expect(readInputs(get('false'))).toMatchObject({ smoke: null });
    expect(readInputs(get('true'))).toMatchObject({ smoke: '' });
    expect(readInputs(get('--version'))).toMatchObject({ smoke: '--version' });
  });
});
