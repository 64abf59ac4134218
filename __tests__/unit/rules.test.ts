/**
 * The rules and the policy on facts built here: a clean cgo binary for linux/amd64 at glibc 2.31,
 * changed one fact at a time. (The same rules on real binaries: __tests__/rules.)
 */
import { describe, expect, it } from 'vitest';
import { cgoFacts } from '../setup/facts.js';
import type { ElfFacts } from '../../src/domain/elf/elf-facts.js';
import { parseTarget, type Target } from '../../src/domain/platform.js';
import { archRules } from '../../src/domain/rules/arch.js';
import { cxxFloorFor } from '../../src/domain/rules/cxx-floors.js';
import { goRules } from '../../src/domain/rules/go.js';
import { allowedNeeded, linkageRules, matchesPattern } from '../../src/domain/rules/linkage.js';
import { mergePolicy } from '../../src/domain/rules/policy-file.js';
import { evaluate, inferTarget, verdictOf } from '../../src/domain/rules/policy.js';
import { defaultPolicy, type Policy, type RuleContext } from '../../src/domain/rules/types.js';
import { libraryCeilings, versionRules } from '../../src/domain/rules/versions.js';

function target(text: string): Target {
  const t = parseTarget(text);
  if ('error' in t) throw new Error(t.error);
  return t;
}

const libc = (name: string, weak = false) => ({ file: 'libc.so.6', name, weak });

/** A cgo program for linux/amd64 that meets glibc 2.31. */
const facts = cgoFacts;

const AT_231: Policy = { ...defaultPolicy(), target: target('linux/amd64/v1'), glibc: '2.31' };

const rulesOf = (f: ElfFacts, policy: Policy = AT_231): string[] =>
  evaluate(f, policy).map((x) => `${x.rule} ${x.severity}`);

describe('evaluate', () => {
  it('passes the clean binary', () => {
    expect(evaluate(facts(), AT_231)).toEqual([]);
    expect(verdictOf(evaluate(facts(), AT_231))).toBe('pass');
  });

  it('names each glibc version above the floor with the symbols that need it', () => {
    const f = facts({
      versionNeeds: [libc('GLIBC_2.2.5'), libc('GLIBC_2.34'), libc('GLIBC_2.32')],
      symbolVersions: [
        { symbol: '__libc_start_main', version: 'GLIBC_2.34' },
        { symbol: 'res_search', version: 'GLIBC_2.34' },
        { symbol: 'free', version: 'GLIBC_2.2.5' },
      ],
    });
    const found = evaluate(f, AT_231);
    expect(found.map((x) => x.message)).toEqual([
      'needs GLIBC_2.34 (floor 2.31): __libc_start_main, res_search',
      'needs GLIBC_2.32 (floor 2.31)',
    ]);
    expect(found[0]?.fix).toMatch(/fails elsewhere with "version `GLIBC_2\.34' not found"/);
    expect(verdictOf(found)).toBe('fail');
    // Without a floor only GLIBC_PRIVATE is a violation.
    expect(rulesOf(f, { ...AT_231, glibc: null })).toEqual([]);
    expect(
      rulesOf(facts({ versionNeeds: [libc('GLIBC_PRIVATE')] }), { ...AT_231, glibc: null }),
    ).toEqual(['glibc-version error']);
  });

  it('says that a weak need does not stop the loader', () => {
    const [found] = evaluate(facts({ versionNeeds: [libc('GLIBC_2.34', true)] }), AT_231);
    expect(found?.message).toMatch(/a weak need \(WEAK in \.gnu\.version_r\)/);
    expect(found?.fix).not.toMatch(/not found/);
  });

  it("holds libstdc++ to the floor's distributions, or to the policy's ceiling", () => {
    const f = facts({
      needed: ['libstdc++.so.6', 'libc.so.6'],
      versionNeeds: [{ file: 'libstdc++.so.6', name: 'GLIBCXX_3.4.30', weak: false }],
    });
    const row = cxxFloorFor('2.31');
    expect(rulesOf(f)).toEqual(['library-versions error']);
    expect(evaluate(f, AT_231)[0]?.message).toContain(`ceiling ${row.GLIBCXX}`);
    expect(rulesOf(f, { ...AT_231, versions: { GLIBCXX: '3.4.30' } })).toEqual([]);
    const ctx: RuleContext = {
      facts: f,
      policy: { ...AT_231, versions: { GCC: '9.0' } },
      target: target('linux/amd64/v1'),
      targetGiven: true,
      sharedLibrary: false,
      isStatic: false,
      go: true,
    };
    expect(libraryCeilings(ctx).GCC).toEqual({ ceiling: '9.0', source: 'policy' });
  });

  it('checks the ABI tag against the kernel floor only when there is one', () => {
    const f = facts({ abiTag: '3.7.0' });
    expect(rulesOf(f)).toEqual([]);
    expect(rulesOf(f, { ...AT_231, kernel: '3.2' })).toEqual(['kernel-abi error']);
    expect(rulesOf(f, { ...AT_231, kernel: '3.10' })).toEqual([]);
  });

  it('turns a rule off or into a warning as the policy says', () => {
    const f = facts({ needed: ['libsqlite3.so.0', 'libc.so.6'] });
    expect(rulesOf(f)).toEqual(['needed error']);
    expect(rulesOf(f, { ...AT_231, severity: { needed: 'off' } })).toEqual([]);
    const warned = evaluate(f, { ...AT_231, severity: { needed: 'warning' } });
    expect(warned.map((x) => x.severity)).toEqual(['warning']);
    expect(verdictOf(warned)).toBe('pass');
  });

  it('judges a file of an unknown machine only by saying so', () => {
    const found = evaluate(facts({ machine: 'MIPS R3000' }), { ...AT_231, target: null });
    expect(found.map((x) => x.rule)).toEqual(['elf-arch']);
    expect(found[0]?.fix).toMatch(/pass --target linux\/<goarch>/);
  });
});

describe('the linkage rules', () => {
  it('want the glibc loader of the target, and say what a musl one means', () => {
    const f = facts({ interpreter: '/lib/ld-musl-x86_64.so.1' });
    const [found] = evaluate(f, AT_231);
    expect(found?.rule).toBe('interpreter');
    expect(found?.fix).toMatch(/linked against musl/);
    expect(rulesOf(f, { ...AT_231, libc: 'musl' })).not.toContain('interpreter error');
  });

  it('want no interpreter for libc none, and a dynamic cgo binary otherwise', () => {
    expect(rulesOf(facts(), { ...AT_231, libc: 'none' })).toContain('interpreter error');
    // Build info with cgo on: not "cgo was off" (the static cases: static-rules.test.ts).
    const goStatic = facts({ interpreter: null, needed: [], versionNeeds: [] });
    const [found] = evaluate(goStatic, AT_231);
    expect(found?.message).toMatch(/cgo was on, but Go linked it itself without a C library/);
  });

  it('allow the libraries every glibc system has, and what the policy adds', () => {
    expect(allowedNeeded(target('linux/arm64'), 'glibc')).toContain('ld-linux-aarch64.so.1');
    expect(allowedNeeded(target('linux/amd64'), 'musl')).toContain('libc.musl-x86_64.so.1');
    expect(matchesPattern('libsqlite3.so.0', 'libsqlite3.so.*')).toBe(true);
    expect(matchesPattern('libsqlite3.so.0', 'libsqlite3.so')).toBe(false);
    const f = facts({ needed: ['libsqlite3.so.0', 'libc.so.6'] });
    expect(rulesOf(f, { ...AT_231, allowNeeded: ['libsqlite3.so.*'] })).toEqual([]);
  });

  it('refuse build-machine RPATH/RUNPATH entries but $ORIGIN and allowed prefixes', () => {
    const f = facts({ runpath: ['/opt/leak/lib', '$ORIGIN/lib'], rpath: ['/usr/local/lib'] });
    const found = evaluate(f, AT_231);
    expect(found.map((x) => x.message.split(' is ')[0])).toEqual([
      'RPATH /usr/local/lib',
      'RUNPATH /opt/leak/lib',
    ]);
    expect(rulesOf(f, { ...AT_231, allowRpath: ['/opt/leak', '/usr/local/'] })).toEqual([]);
  });

  it('are each a list of rules over one context', () => {
    const ctx: RuleContext = {
      facts: facts({ needed: ['libfoo.so.1'] }),
      policy: AT_231,
      target: target('linux/amd64/v1'),
      targetGiven: true,
      sharedLibrary: false,
      isStatic: false,
      go: true,
    };
    expect(linkageRules.flatMap((r) => r(ctx)).map((x) => x.rule)).toEqual(['needed']);
    expect(archRules.flatMap((r) => r(ctx))).toEqual([]);
    expect(versionRules.flatMap((r) => r(ctx))).toEqual([]);
    expect(goRules.flatMap((r) => r(ctx))).toEqual([]);
  });
});

describe('the architecture and Go rules', () => {
  it('compare the machine with the target, when a target is named', () => {
    const arm64 = facts({ machine: 'AArch64', interpreter: '/lib/ld-linux-aarch64.so.1' });
    expect(rulesOf(arm64)).toContain('elf-arch error');
    expect(rulesOf(arm64, { ...AT_231, target: null })).not.toContain('elf-arch error');
  });

  it("compare an ARM binary's float ABI with the target's", () => {
    const soft = facts({
      class: 'ELF32',
      machine: 'ARM',
      floatAbi: 'soft',
      flags: '0x5000200, Version5 EABI, soft-float ABI',
      interpreter: '/lib/ld-linux.so.3',
      goBuild: null,
      goBinary: false,
    });
    expect(inferTarget(soft)).toEqual({ goarch: 'arm', variant: 'v5' });
    expect(rulesOf(soft, { ...AT_231, target: target('linux/arm/v7') })).toEqual(
      expect.arrayContaining(['elf-arch error']),
    );
    expect(evaluate(soft, { ...AT_231, target: target('linux/arm/v5') })).toEqual([]);
  });

  it('read cgo off, another GOARCH and a level above the target from the build info', () => {
    const built = (settings: Record<string, string>) =>
      facts({ goBuild: { goVersion: 'go1.23.4', path: 'x', module: 'x', settings, deps: {} } });
    expect(evaluate(built({ CGO_ENABLED: '0', GOARCH: 'amd64' }), AT_231)[0]?.message).toMatch(
      /built with CGO_ENABLED=0/,
    );
    expect(rulesOf(built({ CGO_ENABLED: '1', GOARCH: 'arm64' }))).toEqual(['go-buildinfo error']);
    expect(rulesOf(built({ CGO_ENABLED: '1', GOARCH: 'amd64', GOAMD64: 'v3' }))).toEqual([
      'go-buildinfo error',
    ]);
    expect(rulesOf(facts({ goBuild: null, goBuildError: 'truncated' }))).toEqual([
      'go-buildinfo warning',
    ]);
  });

  it('compare the x86 ISA note with the target level', () => {
    const v3 = facts({ isaNeeded: ['x86-64-baseline', 'x86-64-v3'] });
    expect(rulesOf(v3)).toEqual(['x86-isa error']);
    expect(rulesOf(v3, { ...AT_231, target: target('linux/amd64/v3') })).toEqual([]);
  });

  it('warn about NSS functions in a static glibc binary', () => {
    const f = facts({
      interpreter: null,
      needed: [],
      versionNeeds: [],
      hasDynamicSection: false,
      staticSymbols: ['getaddrinfo'],
    });
    expect(rulesOf(f, { ...AT_231, libc: 'none' })).toEqual(['static-nss warning']);
  });
});

describe('mergePolicy', () => {
  it('takes the defaults, then the file, then what the front end names', () => {
    expect(mergePolicy({}, {})).toEqual(defaultPolicy());
    const file = { glibc: '2.28', kernel: '3.10', allowNeeded: ['libz.so.1'] };
    expect(mergePolicy(file, { glibc: '2.31', libc: null, kernel: undefined })).toEqual({
      ...defaultPolicy(),
      glibc: '2.31',
      kernel: '3.10',
      allowNeeded: ['libz.so.1'],
    });
  });
});
