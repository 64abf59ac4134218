/**
 * The attestation builders (domain/report/attestation.ts), pure: which binaries are subjects of
 * the checksums file (only those that passed, with a name a checksums line can hold), the names
 * (relative to the working directory), and a predicate valid against docs/predicate.schema.json.
 */
import { describe, expect, it } from 'vitest';
import {
  attestation,
  PREDICATE_TYPE,
  subjectName,
  unsafeName,
  type AttestationInput,
} from '../../src/domain/report/attestation.js';
import { policyReport } from '../../src/domain/report/build-report.js';
import type { AbiSurface } from '../../src/domain/drift/surface.js';
import type {
  BinaryReport,
  FailOn,
  RunReport,
  TargetReport,
} from '../../src/domain/report/run-report.js';
import { TOOL } from '../../src/domain/report/run-report.js';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import { predicateSchemaErrors } from '../setup/report-schema.js';
import { parseVerifyArgs } from '../../src/cli/verify-args.js';

const WD = '/w/project';
const SURFACE: AbiSurface = {
  versions: { GLIBC: { version: '2.17', symbols: ['memcpy'] } },
  needed: ['libc.so.6'],
  interpreter: '/lib64/ld-linux-x86-64.so.2',
  linkage: 'dynamic',
  isa: null,
  kernel: '3.2.0',
  depends: ['libc6'],
  modules: { 'example.com/app': '(devel)' },
};

function binary(path: string, verdict: BinaryReport['verdict'], warn = false): BinaryReport {
  return {
    path,
    linkTarget: null,
    target: 'linux/amd64',
    verdict,
    error: verdict === 'error' ? 'not an ELF file' : null,
    findings:
      verdict === 'fail' || warn
        ? [
            {
              rule: verdict === 'fail' ? 'glibc-version' : 'rpath',
              severity: verdict === 'fail' ? 'error' : 'warning',
              message: 'm',
              fix: 'f',
            },
          ]
        : [],
    facts: null,
    runtime: null,
    surface: verdict === 'error' ? null : SURFACE,
  };
}

function target(binaries: BinaryReport[], extra: Partial<TargetReport> = {}): TargetReport {
  return {
    target: 'linux/amd64',
    verdict: binaries.every((b) => b.verdict === 'pass') ? 'pass' : 'fail',
    problem: null,
    toolchain: {
      kind: 'release',
      release: 'debian/bullseye',
      floor: '2.31',
      compiler: 'gcc',
      mode: 'host-gcc',
      lockKey: 'linux/amd64 glibc-2.31 gcc host-amd64',
      contentHash: '0123456789ab',
      dir: '/opt/hostedtoolcache/x',
      sysroot: '/opt/hostedtoolcache/x/sysroot',
      cacheHit: false,
    },
    build: null,
    binaries,
    smoke: { status: 'not-asked', reason: null, results: [] },
    depends: 'libc6 (>= 2.17)',
    ...extra,
  };
}

function report(targets: TargetReport[], failOn: FailOn = 'error'): RunReport {
  return {
    schemaVersion: 3,
    tool: { ...TOOL },
    frontEnd: 'action',
    runner: null,
    policy: policyReport({ ...defaultPolicy(), glibc: '2.31' }, failOn, 'warn'),
    verdict: targets.every((t) => t.verdict === 'pass') ? 'pass' : 'fail',
    targets,
    git: { sha: 'abc', ref: 'refs/heads/main' },
    drift: null,
  };
}

const hex = (c: string): string => c.repeat(64);

function input(r: RunReport, digests: Record<string, string | null>): AttestationInput {
  return {
    report: r,
    workdir: WD,
    digests: new Map(Object.entries(digests)),
    musl: null,
    time: new Date('2026-12-07T22:00:00.000Z'),
  };
}

describe('the checksums file', () => {
  it('lists the passing binaries only, sha256sum style, names relative to the working directory', () => {
    const r = report([
      target([
        binary(`${WD}/dist/ok`, 'pass'),
        binary(`${WD}/dist/bad`, 'fail'),
        binary('rel/err', 'error'),
      ]),
    ]);
    const a = attestation(
      input(r, { [`${WD}/dist/ok`]: hex('a'), [`${WD}/dist/bad`]: hex('b'), 'rel/err': null }),
    );
    expect(a.checksums).toBe(`${hex('a')}  dist/ok\n`);
    expect(a.subjects).toEqual(['dist/ok']);
    expect(a.warnings).toEqual([]);
    const bad = a.predicate.binaries.find((b) => b.name === 'dist/bad');
    expect(bad).toMatchObject({ subject: false, verdict: 'fail', sha256: hex('b') });
    expect(bad?.excluded).toBe('its verdict is fail');
    expect(a.predicate.binaries.find((b) => b.name === 'rel/err')?.excluded).toBe(
      'its verdict is error',
    );
  });

  it('is empty when nothing passed', () => {
    const r = report([target([binary(`${WD}/bad`, 'fail')])]);
    const a = attestation(input(r, { [`${WD}/bad`]: hex('b') }));
    expect(a.checksums).toBe('');
    expect(a.subjects).toEqual([]);
  });

  it('refuses a passing binary whose name a checksums line cannot hold, with a warning', () => {
    const names = [`${WD}/a\nb`, `${WD}/c\rd`, `${WD}/e\\f`, `${WD}/with space`];
    const r = report([target(names.map((n) => binary(n, 'pass')))]);
    const a = attestation(input(r, Object.fromEntries(names.map((n) => [n, hex('c')]))));
    expect(a.subjects).toEqual(['with space']);
    expect(a.checksums).toBe(`${hex('c')}  with space\n`);
    expect(a.warnings).toHaveLength(3);
    expect(a.warnings[0]).toContain(
      '"a\\nb" passed but is not attested: its name holds a line break',
    );
  });

  it('refuses a passing binary it could not hash after verification', () => {
    const r = report([target([binary(`${WD}/gone`, 'pass')])]);
    const a = attestation(input(r, { [`${WD}/gone`]: null }));
    expect(a.checksums).toBe('');
    expect(a.warnings).toEqual([
      '"gone" passed but is not attested: it could not be read after verification',
    ]);
  });

  it('leaves out a warned binary under fail-on warning, a failed smoke run, a target problem', () => {
    const warned = binary(`${WD}/warned`, 'pass', true);
    const smoked = binary(`${WD}/smoked`, 'pass');
    const smoke = {
      status: 'fail' as const,
      reason: null,
      results: [
        {
          path: smoked.path,
          glibc: '2.31',
          via: 'loader',
          passed: false,
          exit: 127,
          timedOut: false,
          stderr: [],
        },
      ],
    };
    const digests = { [warned.path]: hex('d'), [smoked.path]: hex('e'), [`${WD}/p`]: hex('f') };
    expect(attestation(input(report([target([warned])], 'error'), digests)).subjects).toEqual([
      'warned',
    ]);
    const r = report(
      [
        target([warned, smoked], { smoke }),
        target([binary(`${WD}/p`, 'pass')], { problem: 'no artifact is for it' }),
      ],
      'warning',
    );
    const a = attestation(input(r, digests));
    expect(a.subjects).toEqual([]);
    expect(a.predicate.binaries.map((b) => b.excluded)).toEqual([
      'it has warnings and fail-on is warning',
      'it failed the smoke run',
      'its target could not be judged: no artifact is for it',
    ]);
  });

  it('has one line for a file judged twice', () => {
    const r = report([target([binary(`${WD}/x`, 'pass'), binary('x', 'pass')])]);
    const a = attestation(input(r, { [`${WD}/x`]: hex('a'), x: hex('a') }));
    expect(a.checksums).toBe(`${hex('a')}  x\n`);
  });
});

describe('subject names', () => {
  it('are relative to the working directory, also outside it', () => {
    expect(subjectName('/w/project/bin/app', '/w/project')).toBe('bin/app');
    expect(subjectName('bin/app', '/w/project')).toBe('bin/app');
    expect(subjectName('/elsewhere/app', '/w/project')).toBe('../../elsewhere/app');
  });

  it('hold no line break and no backslash, and are not empty', () => {
    expect(unsafeName('a b*c')).toBeNull();
    expect(unsafeName('')).not.toBeNull();
    expect(unsafeName('a\nb')).not.toBeNull();
    expect(unsafeName('a\\b')).not.toBeNull();
  });
});

describe('the predicate', () => {
  it('records verifier, policy, each binary and the toolchain, and is valid against its schema', () => {
    const r = report([
      target([binary(`${WD}/ok`, 'pass'), binary(`${WD}/bad`, 'fail'), binary(`${WD}/e`, 'error')]),
    ]);
    const a = attestation({
      ...input(r, { [`${WD}/ok`]: hex('a'), [`${WD}/bad`]: hex('b') }),
      musl: { floor: '1.2.3', link: 'dynamic' },
    });
    const p = a.predicate;
    expect(p.verifier).toEqual({
      name: 'cgo-abi-guard',
      version: TOOL.version,
      frontEnd: 'action',
    });
    expect(p.timeVerified).toBe('2026-12-07T22:00:00.000Z');
    expect(p.policy.glibcFloor).toBe('2.31');
    expect(p.binaries[0]?.surface).toEqual(SURFACE);
    expect(p.toolchains).toEqual([
      {
        target: 'linux/amd64',
        kind: 'release',
        release: 'debian/bullseye',
        floor: '2.31',
        compiler: 'gcc',
        mode: 'host-gcc',
        lockKey: 'linux/amd64 glibc-2.31 gcc host-amd64',
        contentHash: '0123456789ab',
      },
    ]);
    const json = JSON.parse(JSON.stringify(p)) as unknown;
    expect(predicateSchemaErrors(json)).toEqual([]);
    expect(PREDICATE_TYPE).toMatch(/^https:\/\/[a-z0-9.-]+\/.*\/v1$/);
  });

  it('schema rejects a subject that did not pass, and an unknown field', () => {
    const r = report([target([binary(`${WD}/ok`, 'pass')])]);
    const p = attestation(input(r, { [`${WD}/ok`]: hex('a') })).predicate;
    const lying = { ...p, binaries: p.binaries.map((b) => ({ ...b, verdict: 'fail' })) };
    expect(predicateSchemaErrors(lying)).not.toEqual([]);
    expect(predicateSchemaErrors({ ...p, extra: 1 })).not.toEqual([]);
    expect(predicateSchemaErrors({ ...p, toolchains: [{ lockKey: 'k' }] })).not.toEqual([]);
  });
});

describe('verify --checksums --predicate', () => {
  it('reads the two files, none by default', () => {
    expect(parseVerifyArgs(['--checksums', 's', '--predicate', 'p.json', 'app'])).toMatchObject({
      args: { checksums: 's', predicate: 'p.json' },
    });
    expect(parseVerifyArgs(['app'])).toMatchObject({ args: { checksums: null, predicate: null } });
  });

  it('refuses an empty file name and one file for both', () => {
    expect(parseVerifyArgs(['--checksums=', 'app'])).toEqual({
      errors: ['--checksums: needs a file name'],
    });
    expect(parseVerifyArgs(['--checksums', 'f', '--predicate', 'f', 'app'])).toEqual({
      errors: ['--predicate: must not be the --checksums file'],
    });
  });
});
