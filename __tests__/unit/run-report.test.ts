/**
 * The RunReport: its JSON Schema is strict and says what the types say (a wrong schemaVersion, a
 * missing or an extra field is rejected), the builders' verdicts, and the test helpers that
 * validate every report the suite reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_ORDER } from '../../src/domain/explain/explain.js';
import {
  groupByTarget,
  NO_EXECUTABLES,
  NONE_STARTED,
  runReport,
  runVerdict,
  smokeReport,
  type TargetInput,
} from '../../src/domain/report/build-report.js';
import type { BinaryResult } from '../../src/domain/report/report.js';
import { renderJson } from '../../src/domain/report/render.js';
import { SCHEMA_VERSION, TOOL, type RunReport } from '../../src/domain/report/run-report.js';
import type { ElfFacts } from '../../src/domain/elf/elf-facts.js';
import { defaultPolicy, RULES } from '../../src/domain/rules/types.js';
import type { LockedToolchain } from '../../src/domain/toolchain/lockfile.js';
import { planToolchain, type HostInfo } from '../../src/domain/toolchain/toolchain-plan.js';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import { toolchainReport } from '../../src/steps/toolchain-report.js';
import { ROOT } from '../setup/paths.js';
import { hardeningFacts } from '../setup/facts.js';
import {
  asksVerifyJson,
  checkedReport,
  cliReport,
  loadSchema,
  schemaErrors,
} from '../setup/report-schema.js';

const HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const ARM64 = { goarch: 'arm64', variant: null } as const;

function plan(floor: string, release: string | null = null) {
  const p = planToolchain(HOST, ARM64, floor, 'gcc', [], release);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const ENTRY: LockedToolchain = {
  key: 'linux/arm64 glibc-2.31 gcc host-amd64',
  release: 'debian/bullseye',
  packages: [
    {
      name: 'libc6-dev-arm64-cross',
      version: '2.31-9cross4',
      arch: 'all',
      filename: 'pool/main/c/cross-toolchain-base/libc6-dev-arm64-cross_2.31-9cross4_all.deb',
      size: 1,
      sha256: 'a'.repeat(64),
    },
  ],
};

const FACTS = {
  class: 'ELF64',
  endian: 'little',
  machine: 'AArch64',
  osabi: 'UNIX - System V',
  type: 'DYN (Position-Independent Executable file)',
  flags: '0x0',
  floatAbi: null,
  interpreter: '/lib/ld-linux-aarch64.so.1',
  hasDynamicSection: true,
  needed: ['libc.so.6'],
  rpath: [],
  runpath: [],
  pie: true,
  versionNeeds: [{ file: 'libc.so.6', name: 'GLIBC_2.34', weak: false }],
  versions: { GLIBC: '2.34' },
  symbolVersions: [{ symbol: 'pthread_create', version: 'GLIBC_2.34' }],
  abiTag: null,
  isaNeeded: [],
  goBinary: true,
  goBuild: {
    goVersion: 'go1.23.4',
    path: 'app',
    module: 'app',
    settings: { CGO_ENABLED: '1' },
    deps: {},
  },
  goBuildError: null,
  staticSymbols: [],
  staticLibc: null,
  buildPaths: [],
  warnings: [],
  layout: {},
  hardening: hardeningFacts({ pie: true, relro: 'full', bindNow: true, cet: null, bti: false }),
} as unknown as ElfFacts;

const failing: BinaryResult = {
  path: 'out/app',
  target: 'linux/arm64',
  verdict: 'fail',
  error: null,
  facts: FACTS,
  findings: [
    {
      rule: 'glibc-version',
      severity: 'error',
      message: 'needs GLIBC_2.34 (floor 2.31): pthread_create',
      fix: 'build against a glibc 2.31 sysroot',
      symbols: ['pthread_create'],
      explain: [
        {
          symbol: 'pthread_create',
          version: 'GLIBC_2.34',
          from: 'runtime/cgo (_cgo_try_pthread_create)',
          source: 'runtime/cgo',
          kind: 'runtime-cgo',
          package: 'runtime/cgo',
          detail: '_cgo_try_pthread_create',
          fix: 'only the sysroot helps',
        },
      ],
    },
  ],
  runtime: { libraries: [], depends: 'libc6 (>= 2.34)' },
  linkTarget: 'out/app-1.0',
};
const unjudged: BinaryResult = {
  path: 'out/notes.txt',
  target: null,
  verdict: 'error',
  error: 'not an ELF file',
  findings: [],
  facts: null,
};
const ran: SmokeResult = {
  path: 'out/app',
  glibc: '2.31',
  via: 'qemu-aarch64',
  passed: false,
  exit: 1,
  timedOut: false,
  stderr: ["version `GLIBC_2.34' not found"],
  command: 'qemu-aarch64 -L root out/app',
  stdout: [],
};

function target(t: Partial<TargetInput> = {}): TargetInput {
  return {
    target: 'linux/arm64',
    problem: null,
    toolchain: null,
    build: null,
    binaries: [],
    smoke: { asked: false },
    ...t,
  };
}

/** A report with every part filled: toolchain, build with a link failure, findings, smoke. */
function full(): RunReport {
  return runReport({
    frontEnd: 'action',
    runner: {
      kernel: '6.1.0',
      libc: { family: 'glibc', version: '2.36' },
      distro: { id: 'debian', versionId: '12', codename: 'bookworm', idLike: [], prettyName: null },
      hostArch: { goarch: 'amd64', machine: 'x86_64', debianArch: 'amd64' },
      go: {
        goversion: 'go1.23.4',
        goos: 'linux',
        goarch: 'amd64',
        cgoEnabled: true,
        cc: 'gcc',
        goroot: '/usr/local/go',
        gotoolchain: 'local',
        switchable: null,
      },
    },
    policy: { ...defaultPolicy(), glibc: '2.31', severity: { 'static-nss': 'off' } },
    failOn: 'error',
    targets: [
      target({
        toolchain: toolchainReport(plan('2.31'), {
          dir: '/tc/cgo-abi-guard-aarch64-linux-gnu-gcc/2.31.0-bullseye.h0/x64',
          entry: ENTRY,
          cacheHit: true,
          wroteLockfile: false,
          toSave: [],
        }),
        build: {
          command: 'go build -o out/app .',
          exit: 0,
          link: null,
          heldOpenBy: [{ pid: 4242, command: 'sleep 120' }],
          staticNssLinked: ['getpwnam'],
        },
        binaries: [failing],
        smoke: { results: [ran] },
      }),
      target({
        target: 'linux/amd64/v1',
        problem: 'the build command for linux/amd64/v1 exited with status 1: the link failed',
        build: {
          command: 'go build -o out/app .',
          exit: 1,
          link: {
            symbols: [
              { symbol: 'mtx_lock', addedIn: 'glibc 2.28', from: ['a.o'], why: 'w', fix: 'f' },
            ],
            lines: ['mtx_lock: w. Fix: f'],
          },
          heldOpenBy: [],
          staticNssLinked: [],
        },
        smoke: { notRun: 'nothing was built to run' },
      }),
      target({ target: null, binaries: [unjudged] }),
    ],
  });
}

/** The report through JSON, as a file holds it, to be broken one way at a time. */
function parsed(report: RunReport = full()): Record<string, unknown> & RunReport {
  return JSON.parse(renderJson(report)) as Record<string, unknown> & RunReport;
}

describe('the JSON Schema (docs/report.schema.json)', () => {
  it('accepts a report with every part filled in', () => {
    expect(schemaErrors(parsed())).toEqual([]);
  });

  it('rejects a report of another schemaVersion', () => {
    const r = parsed();
    (r as Record<string, unknown>).schemaVersion = 1;
    expect(schemaErrors(r).join('\n')).toMatch(/^\/schemaVersion must be equal to constant/m);
  });

  it('rejects a report missing a required field, at any depth', () => {
    const top = parsed();
    delete (top as Partial<RunReport>).verdict;
    expect(schemaErrors(top).join('\n')).toMatch(/must have required property 'verdict'/);
    const deep = parsed();
    const binary = deep.targets[0]?.binaries[0] as Partial<RunReport['targets'][0]['binaries'][0]>;
    delete binary.runtime;
    expect(schemaErrors(deep).join('\n')).toMatch(
      /^\/targets\/0\/binaries\/0 must have required property 'runtime'/m,
    );
  });

  it('rejects a field it does not know (a new field is a new schemaVersion)', () => {
    const r = parsed();
    Object.assign(r.targets[0]?.binaries[0]?.facts ?? {}, { layout: {} });
    Object.assign(r.targets[0]?.toolchain ?? {}, { cap: '2.28' });
    const errors = schemaErrors(r).join('\n');
    expect(errors).toMatch(/facts must NOT have additional properties .*"layout"/);
    expect(errors).toMatch(/toolchain must NOT have additional properties .*"cap"/);
  });

  it('rejects a smoke run whose status and reason disagree', () => {
    const r = parsed();
    const smoke = r.targets[1]?.smoke;
    if (smoke === undefined) throw new Error('no second target');
    smoke.reason = null;
    expect(schemaErrors(r).join('\n')).toMatch(/\/targets\/1\/smoke\/reason must be string/);
    const asked = parsed();
    const notAsked = asked.targets[2]?.smoke;
    if (notAsked === undefined) throw new Error('no third target');
    notAsked.results = [ran];
    expect(schemaErrors(asked).join('\n')).toMatch(
      /\/targets\/2\/smoke\/results must NOT have more than 0 items/,
    );
  });

  it('names what the code names: version, rules, explanation kinds', () => {
    const schema = loadSchema() as {
      properties: { schemaVersion: { const: number } };
      $defs: Record<
        string,
        { enum?: unknown[]; properties?: Record<string, { enum?: unknown[] }> }
      >;
    };
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
    expect(schema.$defs.RuleId?.enum).toEqual([...RULES]);
    expect(schema.$defs.Explanation?.properties?.kind?.enum).toEqual([...KIND_ORDER]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(TOOL).toEqual({ name: pkg.name, version: pkg.version });
  });
});

describe('the report builders', () => {
  it('gives each target its own verdict and the run the worst, and Depends from its binaries', () => {
    const r = full();
    expect(r.targets.map((t) => [t.target, t.verdict])).toEqual([
      ['linux/arm64', 'fail'],
      ['linux/amd64/v1', 'error'],
      [null, 'error'],
    ]);
    expect(r.verdict).toBe('error');
    expect(r.targets[0]?.depends).toBe('libc6 (>= 2.34)');
    expect(r.targets[0]?.smoke.status).toBe('fail');
    expect(r.targets[1]?.smoke).toEqual({
      status: 'not-run',
      reason: 'nothing was built to run',
      results: [],
    });
    expect(r.targets[2]?.smoke.status).toBe('not-asked');
    expect(r.targets[0]?.build?.staticNssLinked).toEqual(['getpwnam']);
    expect(r.policy).toMatchObject({ glibcFloor: '2.31', failOn: 'error' });
  });

  it('fails a passing target on a failed smoke run, one that could not be set up, or a warning under failOn warning', () => {
    const passing: BinaryResult = { ...failing, verdict: 'pass', findings: [] };
    const warned: BinaryResult = {
      ...passing,
      findings: [{ rule: 'static-nss', severity: 'warning', message: 'm', fix: 'f' }],
    };
    const verdictOf = (t: Partial<TargetInput>, failOn: 'error' | 'warning' = 'error') =>
      checkedReport(
        runReport({
          frontEnd: 'cli',
          runner: null,
          policy: defaultPolicy(),
          failOn,
          targets: [target(t)],
        }),
        'a one-target report',
      ).verdict;
    expect(verdictOf({ binaries: [passing] })).toBe('pass');
    expect(verdictOf({ binaries: [passing], smoke: { results: [ran] } })).toBe('fail');
    expect(
      verdictOf({ binaries: [passing], smoke: { results: [{ ...ran, passed: true, exit: 0 }] } }),
    ).toBe('pass');
    expect(
      verdictOf({ binaries: [passing], smoke: { setupFailed: 'qemu: not in the lockfile' } }),
    ).toBe('fail');
    expect(verdictOf({ binaries: [passing], smoke: { results: [] } })).toBe('pass');
    expect(verdictOf({ binaries: [warned] })).toBe('pass');
    expect(verdictOf({ binaries: [warned] }, 'warning')).toBe('fail');
    // An executable not started is neither a pass nor a failure: a warning.
    const unstarted = { ...ran, passed: false, exit: null, notRun: 'no musl loader here' };
    expect(verdictOf({ binaries: [passing], smoke: { results: [unstarted] } })).toBe('pass');
    expect(verdictOf({ binaries: [passing], smoke: { results: [unstarted] } }, 'warning')).toBe(
      'fail',
    );
    expect(runVerdict([])).toBe('pass');
  });

  it('says of a smoke run whether it was asked, ran, could not start anything, or could not be set up', () => {
    const ok = { ...ran, passed: true, exit: 0, stderr: [] };
    const unstarted = { ...ran, passed: false, exit: null, notRun: 'no musl loader here' };
    expect(smokeReport({ asked: false })).toEqual({
      status: 'not-asked',
      reason: null,
      results: [],
    });
    expect(smokeReport({ results: [ok, unstarted] })).toMatchObject({ status: 'pass' });
    expect(smokeReport({ results: [ok, ran, unstarted] })).toMatchObject({ status: 'fail' });
    expect(smokeReport({ results: [unstarted] })).toEqual({
      status: 'not-run',
      reason: NONE_STARTED,
      results: [unstarted],
    });
    expect(smokeReport({ results: [] })).toEqual({
      status: 'not-run',
      reason: NO_EXECUTABLES,
      results: [],
    });
    const error = smokeReport({ setupFailed: 'qemu-user-static: the lockfile is frozen' });
    expect(error).toEqual({
      status: 'error',
      reason: 'qemu-user-static: the lockfile is frozen',
      results: [],
    });
    const r = parsed();
    if (r.targets[1] === undefined) throw new Error('no second target');
    r.targets[1].smoke = { ...error, results: [ok] };
    expect(schemaErrors(r).join('\n')).toMatch(/\/targets\/1\/smoke\/results must NOT have more/);
    r.targets[1].smoke = { ...error, reason: null };
    expect(schemaErrors(r).join('\n')).toMatch(/\/targets\/1\/smoke\/reason must be string/);
  });

  it('groups binaries by the target they were judged against, the unjudged apart; with --target in one', () => {
    const amd64: BinaryResult = { ...failing, path: 'b', target: 'linux/amd64' };
    const groups = groupByTarget([failing, unjudged, amd64, { ...failing, path: 'c' }], null);
    expect(groups.map((g) => [g.target, g.binaries.map((b) => b.path)])).toEqual([
      ['linux/arm64', ['out/app', 'c']],
      [null, ['out/notes.txt']],
      ['linux/amd64', ['b']],
    ]);
    expect(groupByTarget([failing, unjudged], 'linux/arm64')).toEqual([
      { target: 'linux/arm64', binaries: [failing, unjudged] },
    ]);
  });

  it("names the toolchain's kind: a release, a capped release, the npm crosstool-ng toolchain", () => {
    expect(plan('2.31').kind).toBe('release');
    expect(plan('2.28').kind).toBe('capped');
    expect(plan('2.17', 'crosstool-ng').kind).toBe('crosstool-ng');
    expect(full().targets[0]?.toolchain).toMatchObject({
      kind: 'release',
      release: 'debian/bullseye',
      floor: '2.31',
      compiler: 'gcc',
      mode: 'cross-gcc',
      lockKey: ENTRY.key,
      contentHash: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown,
      sysroot: '/tc/cgo-abi-guard-aarch64-linux-gnu-gcc/2.31.0-bullseye.h0/x64/root',
    });
  });
});

describe('the test helpers that read reports', () => {
  it('know which command lines print a RunReport', () => {
    expect(asksVerifyJson(['verify', '--format', 'json', 'x'])).toBe(true);
    expect(asksVerifyJson(['verify', '--format=json', 'x'])).toBe(true);
    expect(asksVerifyJson(['verify', '--format', 'text', 'x'])).toBe(false);
    expect(asksVerifyJson(['env', '--format', 'json'])).toBe(false);
  });

  it('throw on a report the schema rejects, so no test reads one unchecked', () => {
    const args = ['verify', '--format', 'json', 'x'];
    expect(cliReport(args, renderJson(full()))?.schemaVersion).toBe(3);
    const old = JSON.stringify({ verdict: 'pass', glibcFloor: null, binaries: [] });
    expect(() => cliReport(args, old)).toThrow(/is not a valid RunReport/);
    expect(cliReport(['env', '--format', 'json'], '{"env":{}}')).toBeNull();
  });
});
