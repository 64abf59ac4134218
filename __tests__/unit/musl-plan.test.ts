/**
 * The musl kind's pure parts: which release meets a musl floor for a target (and whose gcc builds
 * with it on an older runner), the plan and its lock key, the specs gcc is given, the environment
 * Go reads, and the rules that judge a musl binary (the link asked for, the musl floor).
 */
import { describe, expect, it } from 'vitest';
import { cgoFacts } from '../setup/facts.js';
import type { ElfFacts } from '../../src/domain/elf/elf-facts.js';
import { parseTarget, type Target } from '../../src/domain/platform.js';
import { factsReport } from '../../src/domain/report/build-report.js';
import { factLine } from '../../src/domain/report/render.js';
import { evaluate } from '../../src/domain/rules/policy.js';
import { defaultPolicy, type Policy } from '../../src/domain/rules/types.js';
import {
  chooseMuslRelease,
  MUSL_ROOT_VAR,
  muslGoEnv,
  muslReleasesFor,
  muslSpecs,
} from '../../src/domain/toolchain/musl.js';
import {
  MUSL_PACKAGES,
  planToolchain,
  type HostInfo,
} from '../../src/domain/toolchain/toolchain-plan.js';
import { kindOf } from '../../src/steps/kinds/registry.js';

const HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};

function target(name: string): Target {
  const t = parseTarget(name);
  if ('error' in t) throw new Error(t.error);
  return t;
}

const codenames = (family: 'debian' | 'ubuntu', arch: string): string[] =>
  muslReleasesFor(family, arch).map((r) => `${r.musl} ${r.release.codename}`);

describe('the musl floor', () => {
  it("is a release's musl, for the architectures Debian built it for", () => {
    expect(codenames('debian', 'arm64')).toEqual([
      '1.2.2 bullseye',
      '1.2.3 bookworm',
      '1.2.5 trixie',
    ]);
    expect(codenames('debian', 's390x')).toEqual(['1.2.3 bookworm', '1.2.5 trixie']);
    expect(codenames('debian', 'riscv64')).toEqual(['1.2.5 trixie']);
    expect(codenames('ubuntu', 'arm64')).toEqual([]);
  });

  it('defaults to the oldest that has the target, and refuses one it does not have', () => {
    const pick = (arch: string, v: string | null): string => {
      const c = chooseMuslRelease('debian', arch, `linux/${arch}`, v, null);
      return 'error' in c ? c.error : `${c.musl.musl} ${c.compiler.codename}`;
    };
    expect(pick('arm64', null)).toBe('1.2.2 bullseye');
    expect(pick('riscv64', null)).toBe('1.2.5 trixie');
    expect(pick('arm64', '1.2.3')).toBe('1.2.3 bookworm');
    expect(pick('riscv64', '1.2.3')).toBe(
      'musl 1.2.3 is not a floor for linux/riscv64: one of 1.2.5 (trixie)',
    );
    expect(pick('arm64', '1.2.4')).toMatch(/^musl 1\.2\.4 is not a floor .*1\.2\.2 \(bullseye\)/);
  });

  it("takes the newest release whose cross gcc runs when the floor's own does not", () => {
    const c = chooseMuslRelease('debian', 'riscv64', 'linux/riscv64', null, '2.36');
    if ('error' in c) throw new Error(c.error);
    expect([c.musl.release.codename, c.compiler.codename]).toEqual(['trixie', 'bookworm']);
    const none = chooseMuslRelease('debian', 'arm64', 'linux/arm64', null, '2.28');
    expect(none).toEqual({
      error:
        "no debian release's cross gcc runs on this runner (glibc 2.28): use compiler: clang (--compiler clang)",
    });
  });

  it('says what to do on a family without musl floors', () => {
    const c = chooseMuslRelease('ubuntu', 'amd64', 'linux/amd64', null, '2.39');
    expect('error' in c && c.error).toMatch(
      /Debian's musl packages .* this runner is ubuntu: run the job on Debian/,
    );
  });
});

describe('the musl plan', () => {
  it('is the musl kind, keyed by the floor (and the release when the runner took another)', () => {
    const plan = (name: string, compiler: 'gcc' | 'clang' = 'gcc') => {
      const p = planToolchain(HOST, target(name), '', compiler, [], null, {
        version: null,
        link: 'static',
      });
      if ('error' in p) throw new Error(p.error);
      return p;
    };
    const arm64 = plan('linux/arm64');
    expect([arm64.kind, arm64.lockKey, arm64.mode, arm64.toolName]).toEqual([
      'musl',
      'linux/arm64 musl-1.2.2 gcc host-amd64',
      'cross-gcc',
      'cgo-abi-guard-aarch64-linux-musl-gcc',
    ]);
    expect(kindOf(arm64).id).toBe('musl');
    expect(plan('linux/riscv64').lockKey).toBe(
      'linux/riscv64 musl-1.2.5 gcc host-amd64 release-bookworm',
    );
    const riscv64 = plan('linux/riscv64');
    expect(kindOf(riscv64).notices(riscv64)).toEqual([
      {
        message:
          "musl 1.2.5 for linux/riscv64 is debian/trixie's, whose cross gcc needs glibc 2.41 on the runner, which has 2.36: debian/bookworm's cross gcc builds with it (musl's objects stripped of their debug info, which its binutils cannot read); compiler: clang takes the host clang instead",
        title: 'cgo-abi-guard: linux/riscv64 musl compiler',
      },
    ]);
    expect(kindOf(arm64).notices(arm64)).toEqual([]);
    expect(plan('linux/amd64/v3').lockKey).toBe('linux/amd64 musl-1.2.2 gcc host-amd64');
    expect(plan('linux/amd64').mode).toBe('host-gcc');
    expect(plan('linux/arm64', 'clang').lockKey).toBe('linux/arm64 musl-1.2.2 clang host-amd64');
    expect(plan('linux/386').toolName).toBe('cgo-abi-guard-i686-linux-musl-gcc');
  });

  it('refuses packages and a named release in one line each', () => {
    const musl = { version: null, link: 'static' as const };
    expect(
      planToolchain(HOST, target('linux/arm64'), '', 'gcc', ['libpcap-dev'], null, musl),
    ).toEqual({ error: MUSL_PACKAGES });
    expect(planToolchain(HOST, target('linux/arm64'), '', 'gcc', [], 'bookworm', musl)).toEqual({
      error:
        'release bookworm does not go with libc musl: the musl floor picks the release (input musl, --musl)',
    });
  });
});

describe("the specs gcc is given and Go's environment", () => {
  it('read every path of musl from under the tree, and keep the loader where the binary runs', () => {
    const specs = muslSpecs('i386-linux-musl', '/lib/ld-musl-i386.so.1');
    const paths = [...specs.matchAll(/(?<![A-Z_]) (\/[^\s{}()]+)/g)].map((m) => m[1]);
    expect(paths).toEqual(['/lib/ld-musl-i386.so.1']);
    expect(specs).toContain(`-isystem %:getenv(${MUSL_ROOT_VAR} /usr/include/i386-linux-musl)`);
    expect(specs).toContain(
      `%{!shared: %:getenv(${MUSL_ROOT_VAR} /usr/lib/i386-linux-musl/Scrt1.o)}`,
    );
    // libc.so (musl's, in /lib/<dir>) before libc.a (musl-dev's): a static link takes the archive.
    expect(specs).toMatch(
      /-L%:getenv\(CGO_ABI_GUARD_MUSL_ROOT \/lib\/i386-linux-musl\) -L%:getenv\(CGO_ABI_GUARD_MUSL_ROOT \/usr\/lib\/i386-linux-musl\)/,
    );
  });

  it('links externally, statically when asked, with 8 MiB thread stacks', () => {
    expect(muslGoEnv('static')).toEqual({
      GOFLAGS: "'-ldflags=-linkmode=external -extldflags=-static'",
      CGO_LDFLAGS: '-O2 -g -Wl,-z,stack-size=8388608',
    });
    expect(muslGoEnv('dynamic').GOFLAGS).toBe("'-ldflags=-linkmode=external'");
  });
});

/** A dynamic musl program for linux/arm64 (no Go build info) importing these names. */
function muslFacts(symbols: string[], change: Partial<ElfFacts> = {}): ElfFacts {
  const base = cgoFacts();
  return cgoFacts({
    machine: 'AArch64',
    interpreter: '/lib/ld-musl-aarch64.so.1',
    needed: ['libc.so'],
    versionNeeds: [],
    versions: {},
    symbolVersions: symbols.map((symbol) => ({ symbol, version: '' })),
    abiTag: null,
    isaNeeded: [],
    goBinary: false,
    goBuild: null,
    layout: { ...base.layout, dynamicVerneedCount: 0, verneedEntries: [], verneedFrom: null },
    ...change,
  });
}

describe('the musl rules', () => {
  const at = (musl: string | null, link: Policy['link'] = null): Policy => ({
    ...defaultPolicy(),
    target: target('linux/arm64'),
    libc: 'musl',
    musl,
    link,
  });
  const found = (f: ElfFacts, p: Policy): string[] =>
    evaluate(f, p).map((x) => `${x.rule} ${x.severity}: ${x.message}`);

  it("fails a name the floor's libc.so does not export, with the release that has it", () => {
    const f = muslFacts(['malloc', 'statx', '__cxa_finalize']);
    expect(found(f, at('1.2.5'))).toEqual([]);
    expect(found(f, at('1.2.3'))).toEqual([
      `musl-floor error: needs statx (exported from musl 1.2.5 on), which musl 1.2.3's libc.so does not export for linux/arm64: musl's loader refuses it with "symbol not found"`,
    ]);
    expect(found(muslFacts(['__memcpy_chk']), at('1.2.5'))[0]).toMatch(
      /needs __memcpy_chk \(no musl exports it: a glibc name\)/,
    );
    // No floor: nothing to judge the names against.
    expect(found(f, at(null))).toEqual([]);
  });

  it('says, not fails, what another needed library may define', () => {
    const f = muslFacts(['statx'], { needed: ['libc.so', 'libfoo.so.1'] });
    expect(found(f, { ...at('1.2.3'), allowNeeded: ['libfoo.so.1'] })).toEqual([
      expect.stringMatching(
        /^musl-floor warning: needs statx .* \(unless libfoo\.so\.1 defines them\)/,
      ),
    ]);
  });

  it('say how a static binary is known to be musl: the start-up function only musl defines', () => {
    const line = factLine(
      factsReport(muslFacts([], { interpreter: null, needed: [], staticLibc: 'musl' })),
    );
    expect(line).toContain("no interpreter, static musl (musl's __init_libc defined in it)");
    expect(
      found(
        muslFacts([], { interpreter: null, needed: [], staticLibc: 'musl' }),
        at('1.2.2', 'static'),
      ),
    ).toEqual([]);
  });

  it('fails a binary on the loader where link: static was asked, and no floor is unjudged', () => {
    const f = muslFacts(['malloc']);
    expect(found(f, at('1.2.3', 'static'))).toEqual([
      expect.stringMatching(
        /^interpreter error: dynamically linked \(interpreter \/lib\/ld-musl-aarch64\.so\.1\), but link: static was asked/,
      ),
    ]);
    expect(found(f, at('1.2.3', 'dynamic'))).toEqual([]);
    expect(found(f, at('1.2.4'))).toEqual([
      "musl-floor error: cannot be judged at musl 1.2.4 for linux/arm64: no table of what that musl's libc.so exports there",
    ]);
  });
});
