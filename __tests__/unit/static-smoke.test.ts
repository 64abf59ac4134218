/**
 * The pure side of static builds: how a static executable is started, what a run that was not
 * started says, glibc's static-link warning read from a build log, and the x86-64 wrapper's
 * static libm. (Run for real: __tests__/action/static.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { staticLinkMessage, staticLinkWarning } from '../../src/domain/go/build-hints.js';
import {
  noSysrootReason,
  smokeFailed,
  smokeMessage,
  smokeTable,
  STATIC_LIBC,
  staticCommand,
  type SmokeResult,
} from '../../src/domain/toolchain/smoke.js';
import { planToolchain, type HostInfo } from '../../src/domain/toolchain/toolchain-plan.js';
import { wrapperScripts } from '../../src/domain/toolchain/wrappers.js';

const amd64 = { goarch: 'amd64', variant: 'v1' } as const;
const arm64 = { goarch: 'arm64', variant: null } as const;

describe('a static executable in the smoke run', () => {
  it('starts by itself on the host architecture, under qemu-user on another', () => {
    const base = { binary: '/w/app', args: ['--version'] } as const;
    expect(staticCommand({ ...base, target: amd64, native: true, qemu: null })).toEqual({
      program: '/w/app',
      args: ['--version'],
      via: 'direct',
    });
    expect(
      staticCommand({ ...base, target: arm64, native: false, qemu: '/q/qemu-aarch64-static' }),
    ).toEqual({
      program: '/q/qemu-aarch64-static',
      args: ['/w/app', '--version'],
      via: 'qemu-aarch64',
    });
    expect(staticCommand({ ...base, target: arm64, native: false, qemu: null })).toEqual({
      error: 'qemu-aarch64 is not installed',
    });
  });

  const ran: SmokeResult = {
    path: 'app',
    glibc: STATIC_LIBC,
    via: 'direct',
    passed: true,
    exit: 0,
    timedOut: false,
    stderr: [],
  };

  it('says it ran as a static binary, not on a glibc', () => {
    expect(smokeMessage(ran)).toBe('app runs as a static binary (direct)');
    expect(smokeTable([ran])).toContain('| app | static | direct | runs |  |');
  });

  it('is neither a pass nor a failure when it could not be started, and says why', () => {
    const why = noSysrootReason('musl');
    const notRun: SmokeResult = {
      ...ran,
      glibc: '-',
      via: '-',
      passed: false,
      exit: null,
      notRun: why,
    };
    expect(why).toMatch(/^dynamically linked against musl, and there is no musl sysroot/);
    expect(smokeFailed(notRun)).toBe(false);
    expect(smokeFailed({ ...ran, passed: false, exit: 1 })).toBe(true);
    expect(smokeMessage(notRun)).toBe(`app was not run: ${why}`);
    expect(smokeTable([notRun])).toContain(`| app | - | - | not run | ${why} |`);
    expect(noSysrootReason('none')).toMatch(/libc: none installs no sysroot/);
  });
});

describe("glibc's static-link warning in a build log", () => {
  it('names the function, from a Go line or a C one', () => {
    expect(
      staticLinkWarning(
        "/_/GOROOT/src/os/user/cgo_lookup_cgo.go:27: warning: Using 'getpwuid_r' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking",
      ),
    ).toBe('getpwuid_r');
    expect(
      staticLinkWarning(
        "main.c:(.text+0x1d): warning: Using 'getaddrinfo' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking",
      ),
    ).toBe('getaddrinfo');
    expect(staticLinkWarning('main.go:3:2: warning: unused variable')).toBeNull();
    expect(staticLinkMessage(['getpwnam'])).toMatch(
      /^the linker warned that a static glibc binary calls getpwnam: .*the glibc floor does not cover this/,
    );
  });
});

describe('the wrappers of an x86-64 sysroot', () => {
  const HOST: HostInfo = {
    family: 'debian',
    debianArch: 'amd64',
    goarch: 'amd64',
    multiarch: 'x86_64-linux-gnu',
    glibc: '2.36',
  };
  const plan = (target: typeof amd64 | typeof arm64) => {
    const p = planToolchain(HOST, target, '2.31', 'gcc');
    if ('error' in p) throw new Error(p.error);
    return p;
  };

  it("give a static link glibc's libm archives for -lm (its libm.a names host paths)", () => {
    const { cc, cxx } = wrapperScripts(plan(amd64), '10', null);
    for (const w of [cc, cxx]) {
      expect(w).toContain('lib="$root/usr/x86_64-linux-gnu/lib" static=');
      expect(w).toContain(
        'if [ "$a" = -lm ]; then set -- "$@" -Wl,--start-group "$lib"/libm-[0-9]*.a "$lib/libmvec.a" -Wl,--end-group',
      );
      expect(w.trimEnd().split('\n').at(-1)).toMatch(/^exec .*"\$@"$/);
    }
    expect(wrapperScripts(plan(arm64), '10', null).cc).not.toContain('libmvec');
  });
});
