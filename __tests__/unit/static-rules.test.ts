/**
 * Static executables on facts built here (the same on real binaries: __tests__/rules/static.test.ts):
 * what the build info and the C library linked in say, at each libc; cgo off at libc none.
 */
import { describe, expect, it } from 'vitest';
import type { ElfFacts } from '../../src/domain/elf/elf-facts.js';
import { parseTarget, type Target } from '../../src/domain/platform.js';
import { parsePolicyFile, mergePolicy } from '../../src/domain/rules/policy-file.js';
import { evaluate, verdictOf } from '../../src/domain/rules/policy.js';
import { defaultPolicy, type Policy } from '../../src/domain/rules/types.js';
import { hardeningFacts } from '../setup/facts.js';

function target(text: string): Target {
  const t = parseTarget(text);
  if ('error' in t) throw new Error(t.error);
  return t;
}

/** A static Go binary for linux/amd64 as gcc linked it (-linkmode external -extldflags -static). */
function staticGo(
  settings: Record<string, string>,
  change: Partial<ElfFacts> = {},
  sections: string[] = ['.text', '.comment'],
): ElfFacts {
  return {
    class: 'ELF64',
    endian: 'little',
    machine: 'Advanced Micro Devices X86-64',
    osabi: 'UNIX - GNU',
    type: 'EXEC',
    flags: '0x0',
    floatAbi: null,
    interpreter: null,
    hasDynamicSection: false,
    needed: [],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [],
    versions: {},
    symbolVersions: [],
    abiTag: null,
    isaNeeded: [],
    goBinary: true,
    goBuild: {
      goVersion: 'go1.23.4',
      path: 'example.com/app',
      module: 'example.com/app',
      settings: { GOOS: 'linux', GOARCH: 'amd64', GOAMD64: 'v1', ...settings },
      deps: {},
    },
    goBuildError: null,
    staticSymbols: [],
    staticLibc: null,
    buildPaths: [],
    warnings: [],
    hardening: hardeningFacts({ stackProtector: 'unknown', fortified: null }),
    layout: {
      sectionHeaderOffset: 0,
      sectionHeaderSize: 64,
      sectionHeaderCount: sections.length,
      programHeaderOffset: 64,
      programHeaderSize: 56,
      programHeaderCount: 0,
      sections: sections.map((name) => ({
        name,
        type: 'PROGBITS',
        address: 0,
        offset: 0,
        size: 1,
      })),
      segments: [],
      dynamicVerneedCount: null,
      dynamicVerneedAddress: null,
      verneedEntries: [],
      verneedFrom: null,
      verneedProblem: null,
    },
    ...change,
  };
}

const STATIC_LDFLAGS = { CGO_ENABLED: '1', '-ldflags': '-linkmode external -extldflags -static' };
const at = (libc: Policy['libc'], more: Partial<Policy> = {}): Policy => ({
  ...defaultPolicy(),
  target: target('linux/amd64/v1'),
  glibc: '2.31',
  libc,
  ...more,
});
const found = (f: ElfFacts, p: Policy): string[] =>
  evaluate(f, p).map((x) => `${x.rule} ${x.severity}: ${x.message}`);

describe('a static executable where a C library is expected', () => {
  const glibcStatic = staticGo(STATIC_LDFLAGS, { staticLibc: 'glibc', abiTag: '3.2.0' });
  const muslStatic = staticGo(STATIC_LDFLAGS, { staticLibc: 'musl' });

  it('is a static cgo build, judged right, when that C library is linked in', () => {
    expect(found(glibcStatic, at('glibc'))).toEqual([]);
    expect(found(muslStatic, at('musl'))).toEqual([]);
  });

  it('names the C library linked in when it is the other one', () => {
    expect(found(glibcStatic, at('musl'))).toEqual([
      expect.stringMatching(
        /^interpreter error: statically linked .*a musl binary .*: the C library linked into it is glibc$/,
      ),
    ]);
    const [musl] = evaluate(muslStatic, at('glibc'));
    expect(musl?.message).toMatch(/the C library linked into it is musl$/);
    expect(musl?.fix).toMatch(/set libc: musl/);
  });

  it('says cgo was off only when the build info says so', () => {
    const off = staticGo({ CGO_ENABLED: '0' }, {}, ['.text']);
    expect(found(off, at('glibc'))).toEqual([
      expect.stringMatching(/^interpreter error: .*built with CGO_ENABLED=0, so cgo was off$/),
      expect.stringMatching(/^go-buildinfo error: built with CGO_ENABLED=0/),
    ]);
    const unrecorded = staticGo({}, {}, ['.text']);
    expect(found(unrecorded, at('glibc'))[0]).toMatch(/cgo was probably off$/);
    for (const libc of ['glibc', 'musl'] as const)
      for (const f of [glibcStatic, muslStatic])
        expect(
          evaluate(f, at(libc))
            .map((x) => x.message)
            .join('\n'),
        ).not.toMatch(/cgo was/);
  });

  it("tells Go's own static link of a program without C code from a static cgo build", () => {
    const internal = staticGo({ CGO_ENABLED: '1' }, {}, ['.text']);
    expect(found(internal, at('glibc'))).toEqual([
      expect.stringMatching(/cgo was on, but Go linked it itself without a C library/),
    ]);
    expect(found(internal, at('musl'))).toHaveLength(1);
  });

  it('accepts a stripped static musl build (musl leaves no mark), never a glibc one without its marks', () => {
    const stripped = staticGo({ CGO_ENABLED: '1', '-ldflags': '-s -w -linkmode external' });
    expect(found(stripped, at('musl'))).toEqual([]);
    expect(found(stripped, at('glibc'))).toEqual([
      expect.stringMatching(/a C linker linked it statically, but no glibc is in it/),
    ]);
  });

  it('passes a static glibc build with NSS calls, warning that the floor does not cover them', () => {
    const nss = { ...glibcStatic, staticSymbols: ['getaddrinfo', 'getpwuid_r'] };
    const findings = evaluate(nss, at('glibc'));
    expect(findings.map((x) => `${x.rule} ${x.severity}`)).toEqual(['static-nss warning']);
    expect(findings[0]?.message).toMatch(
      /getaddrinfo, getpwuid_r: .*the glibc floor does not cover/,
    );
    expect(verdictOf(findings)).toBe('pass');
  });

  it('judges a static C program (not Go) by the C library in it', () => {
    const c = { ...glibcStatic, goBinary: false, goBuild: null };
    expect(found(c, at('glibc'))).toEqual([]);
    expect(found({ ...c, staticLibc: null, abiTag: null }, at('glibc'))).toEqual([
      expect.stringMatching(/no glibc is seen in it$/),
    ]);
  });
});

describe('cgo-off at libc none', () => {
  const stub = staticGo({ CGO_ENABLED: '0' }, {}, ['.text']);

  it('warns on a build whose build info says cgo was off, and fails it when smoke is set', () => {
    expect(found(stub, at('none'))).toEqual([
      expect.stringMatching(/^cgo-off warning: built with CGO_ENABLED=0: .*requires cgo to work/),
    ]);
    expect(verdictOf(evaluate(stub, at('none')))).toBe('pass');
    const smoked = evaluate(stub, at('none', { smoke: true }));
    expect(smoked.map((x) => `${x.rule} ${x.severity}`)).toEqual(['cgo-off error']);
    expect(smoked[0]?.message).toMatch(/a smoke run that does not call them passes all the same/);
  });

  it('says nothing of a static cgo build, or of a binary that is not Go', () => {
    expect(found(staticGo(STATIC_LDFLAGS, { staticLibc: 'glibc' }), at('none'))).toEqual([]);
    expect(found({ ...stub, goBuild: null, goBinary: false }, at('none'))).toEqual([]);
  });

  it('is turned off in the policy file for a pure-Go program', () => {
    const { policy, errors } = parsePolicyFile('severity:\n  cgo-off: off\n', 'p.yml');
    expect(errors).toEqual([]);
    const merged = mergePolicy(policy, { libc: 'none', smoke: true });
    expect(merged.smoke).toBe(true);
    expect(evaluate(stub, merged)).toEqual([]);
  });
});
