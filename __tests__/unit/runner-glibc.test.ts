/**
 * A floor above the runner's glibc: a release's cross gcc is a program of that release and needs
 * the runner's glibc to be at least the release's (trixie's gcc-14 on Debian 12's 2.36:
 * `GLIBC_2.38' not found). The default takes the newest release whose compiler runs there (any
 * older sysroot meets the floor); a named release whose compiler cannot run is refused before
 * anything is installed, naming the host clang; clang and the host gcc run no program of the
 * release and take the floor's own.
 */
import { describe, expect, it } from 'vitest';
import { chooseRelease } from '../../src/domain/toolchain/capping.js';
import { runnerLimitNotice } from '../../src/domain/toolchain/compiler-host.js';
import { RELEASES } from '../../src/domain/toolchain/releases.js';
import { planToolchain, type HostInfo } from '../../src/domain/toolchain/toolchain-plan.js';

const DEBIAN_12: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const ARM64 = { goarch: 'arm64', variant: null } as const;
const AMD64 = { goarch: 'amd64', variant: 'v1' } as const;
const release = (codename: string) => RELEASES.find((r) => r.codename === codename);

describe("the default release on a runner older than the floor's", () => {
  it('is the newest whose compiler runs there, and says which it would have been', () => {
    expect(chooseRelease('debian', 'arm64', '2.41', null, '2.36')).toEqual({
      release: release('bookworm'),
      cap: null,
      npm: false,
      runnerLimited: { wanted: release('trixie'), runnerGlibc: '2.36' },
    });
    // Ubuntu 22.04 (2.35) at floors from 2.36 on a Debian host: bullseye; on an Ubuntu one: jammy.
    expect(chooseRelease('debian', 'arm64', '2.36', null, '2.35')).toMatchObject({
      release: { codename: 'bullseye' },
      cap: null,
      runnerLimited: { wanted: { codename: 'bookworm' }, runnerGlibc: '2.35' },
    });
    expect(chooseRelease('ubuntu', 'arm64', '2.39', null, '2.35')).toMatchObject({
      release: { codename: 'jammy' },
      runnerLimited: { wanted: { codename: 'noble' } },
    });
  });

  it("is the floor's own when the runner can run it, or its glibc is not known", () => {
    for (const runner of ['2.41', '2.43', null])
      expect(chooseRelease('debian', 'arm64', '2.41', null, runner)).toMatchObject({
        release: { codename: 'trixie' },
        runnerLimited: null,
      });
    expect(chooseRelease('debian', 'arm64', '2.36', null, '2.36')).toMatchObject({
      release: { codename: 'bookworm' },
      runnerLimited: null,
    });
  });

  it('is refused in one line naming clang when no release runs there', () => {
    expect(chooseRelease('debian', 'arm64', '2.28', null, '2.30')).toEqual({
      error:
        "debian/bullseye's cross gcc needs glibc 2.31 on the runner, which has 2.30: use compiler: clang (--compiler clang), which runs the host clang with bullseye's sysroot only",
    });
  });
});

describe('a named release whose cross gcc cannot run on the runner', () => {
  it('is refused before installing, in one line naming clang and the default', () => {
    const line =
      "debian/trixie's cross gcc needs glibc 2.41 on the runner, which has 2.36: use compiler: clang (--compiler clang), which runs the host clang with trixie's sysroot only, or leave release unset (floor 2.41 is met by debian/bookworm, whose gcc runs here)";
    expect(chooseRelease('debian', 'arm64', '2.41', 'trixie', '2.36')).toEqual({ error: line });
    expect(planToolchain(DEBIAN_12, ARM64, '2.41', 'gcc', [], 'trixie')).toEqual({ error: line });
    // Capped at a lower floor, it is still trixie's compiler that would run.
    expect(chooseRelease('debian', 'arm64', '2.36', 'debian/trixie', '2.36')).toMatchObject({
      error: expect.stringMatching(
        /^debian\/trixie's cross gcc needs glibc 2\.41 on the runner/,
      ) as string,
    });
  });
});

describe('the plan', () => {
  it('takes bookworm for a cross gcc at 2.41 on Debian 12, keyed as release bookworm is', () => {
    const plan = planToolchain(DEBIAN_12, ARM64, '2.41', 'gcc');
    expect(plan).toMatchObject({
      release: { codename: 'bookworm' },
      mode: 'cross-gcc',
      kind: 'release',
      lockKey: 'linux/arm64 glibc-2.41 gcc host-amd64 release-bookworm',
      runnerLimited: { wanted: { codename: 'trixie' }, runnerGlibc: '2.36' },
    });
    const named = planToolchain(DEBIAN_12, ARM64, '2.41', 'gcc', [], 'bookworm');
    expect(named).toMatchObject({
      lockKey: 'linux/arm64 glibc-2.41 gcc host-amd64 release-bookworm',
    });
  });

  it("takes trixie where no program of the release runs: clang, and the host's gcc", () => {
    expect(planToolchain(DEBIAN_12, ARM64, '2.41', 'clang')).toMatchObject({
      release: { codename: 'trixie' },
      lockKey: 'linux/arm64 glibc-2.41 clang host-amd64',
      runnerLimited: null,
    });
    expect(planToolchain(DEBIAN_12, ARM64, '2.41', 'clang', [], 'trixie')).toMatchObject({
      release: { codename: 'trixie' },
    });
    expect(planToolchain(DEBIAN_12, AMD64, '2.41', 'gcc')).toMatchObject({
      release: { codename: 'trixie' },
      mode: 'host-gcc',
      lockKey: 'linux/amd64 glibc-2.41 gcc host-amd64',
    });
  });

  it('keeps the keys of toolchains whose compiler runs on the runner', () => {
    for (const [floor, key] of [
      ['2.31', 'linux/arm64 glibc-2.31 gcc host-amd64'],
      ['2.36', 'linux/arm64 glibc-2.36 gcc host-amd64'],
      ['2.17', 'linux/arm64 glibc-2.17 gcc host-amd64'],
    ] as const)
      expect(planToolchain(DEBIAN_12, ARM64, floor, 'gcc')).toMatchObject({
        lockKey: key,
        runnerLimited: null,
      });
    const trixieRunner = { ...DEBIAN_12, glibc: '2.41' };
    expect(planToolchain(trixieRunner, ARM64, '2.41', 'gcc')).toMatchObject({
      lockKey: 'linux/arm64 glibc-2.41 gcc host-amd64',
      release: { codename: 'trixie' },
    });
  });

  it('says in a notice why the floor took an older release', () => {
    const plan = planToolchain(DEBIAN_12, ARM64, '2.41', 'gcc');
    if ('error' in plan || plan.runnerLimited === null) throw new Error('not limited');
    expect(runnerLimitNotice('2.41', 'linux/arm64', plan.release, plan.runnerLimited)).toBe(
      "floor 2.41 for linux/arm64 is met by debian/bookworm (glibc 2.36): debian/trixie, the floor's own release, has a cross gcc that needs glibc 2.41 on the runner, which has 2.36 (compiler: clang would take trixie's sysroot with the host clang)",
    );
  });
});
