/** The job summary's Markdown holds any path: backticks and `|` cannot break the table or spans. */
import { describe, expect, it } from 'vitest';
import type { BinaryResult } from '../../src/domain/report/report.js';
import { runReport, type TargetInput } from '../../src/domain/report/build-report.js';
import { code, renderMarkdown } from '../../src/domain/report/render.js';
import type { FailOn, RunReport } from '../../src/domain/report/run-report.js';
import { renderSummary, SUMMARY_LIMIT } from '../../src/domain/report/summary.js';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import type { RunnerFacts } from '../../src/domain/runner/runner.js';
import { checkedReport } from '../setup/report-schema.js';

/** Cells of a GFM table row: split on `|` that is not escaped. */
const cells = (row: string): string[] => row.split(/(?<!\\)\|/).slice(1, -1);

/** A RunReport of these targets (validated against the schema, as every report in the tests). */
function report(
  targets: Partial<TargetInput>[],
  o: { runner?: RunnerFacts | null; failOn?: FailOn; frontEnd?: 'action' | 'cli' } = {},
): RunReport {
  return checkedReport(
    runReport({
      frontEnd: o.frontEnd ?? 'action',
      runner: o.runner ?? null,
      policy: { ...defaultPolicy(), glibc: '2.31' },
      failOn: o.failOn ?? 'error',
      targets: targets.map((t) => ({
        target: 'linux/amd64',
        problem: null,
        toolchain: null,
        build: null,
        binaries: [],
        smoke: { asked: false },
        ...t,
      })),
    }),
    'the test report',
  );
}

describe('job summary Markdown', () => {
  const path = 'dist/a`b|c``d';
  const unjudged: BinaryResult = {
    path,
    target: null,
    verdict: 'error',
    findings: [],
    facts: null,
    error: 'x | `y',
  };

  it('keeps a row of seven cells (one per column) and the path in one code span', () => {
    const md = renderMarkdown(
      report([{ target: null, binaries: [unjudged] }], { frontEnd: 'cli' }),
    );
    const row = md.split('\n').find((l) => l.startsWith('| ```'));
    expect(row).toBeDefined();
    expect(cells(row ?? '')).toHaveLength(7);
    expect(cells(row ?? '')[0]?.trim()).toBe('```dist/a`b\\|c``d```');
    expect(md).toContain('- ```dist/a`b\\|c``d```: x \\| \\`y');
  });

  it('pads a span whose path starts or ends with a backtick', () => {
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('plain')).toBe('`plain`');
  });
});

describe('job summary size', () => {
  const runner: RunnerFacts = {
    kernel: '6.1.0',
    libc: { family: 'glibc', version: '2.36' },
    distro: { id: 'debian', versionId: '12', codename: 'bookworm', idLike: [], prettyName: null },
    hostArch: { goarch: 'amd64', machine: 'x86_64', debianArch: 'amd64' },
    go: { missing: 'no go' },
  };
  const explain = Array.from({ length: 40 }, (_, i) => ({
    symbol: `symbol_${i}`,
    version: 'GLIBC_2.34',
    from: `C code (function_${i} in file_${i}.c)`,
    source: `C code in file_${i}.c`,
    kind: 'c-code' as const,
    detail: `function_${i}`,
    fix: `build against a glibc 2.31 sysroot (the floor's toolchain): ${'x'.repeat(100)}`,
  }));
  const binaries: BinaryResult[] = Array.from({ length: 2000 }, (_, i) => ({
    path: `dist/app-${String(i).padStart(4, '0')}`,
    target: 'linux/amd64',
    verdict: 'fail' as const,
    facts: null,
    error: null,
    findings: [
      {
        rule: 'glibc-version' as const,
        severity: 'error' as const,
        message: 'needs GLIBC_2.34 (floor 2.31)',
        fix: 'f',
        explain,
      },
    ],
  }));
  const big = report([{ binaries }], { runner });
  const size = (text: string): number => new TextEncoder().encode(text).length;

  it('stays within 1 MiB, dropping the explanations before any binary', () => {
    const full = renderSummary(big, Infinity);
    expect(size(full)).toBeGreaterThan(SUMMARY_LIMIT);
    const md = renderSummary(big);
    expect(size(md)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    for (const b of binaries) expect(md).toContain(`| \`${b.path}\` |`);
    expect(md).not.toContain('from C code');
  });

  it('is cut, saying where the rest is, when even the rows do not fit', () => {
    const md = renderSummary(big, 100_000);
    expect(size(md)).toBeLessThanOrEqual(100_000);
    expect(md).toMatch(/The summary is cut here to fit the job summary: the JSON report/);
  });
});

describe('job summary headings', () => {
  const runner: RunnerFacts = {
    kernel: '6.1.0',
    libc: { family: 'glibc', version: '2.36' },
    distro: { id: 'debian', versionId: '12', codename: 'bookworm', idLike: [], prettyName: null },
    hostArch: { goarch: 'amd64', machine: 'x86_64', debianArch: 'amd64' },
    go: { missing: 'no go' },
  };
  const binary = (path: string, target: string, verdict: 'pass' | 'fail'): BinaryResult => ({
    path,
    target,
    verdict,
    facts: null,
    error: null,
    findings:
      verdict === 'pass'
        ? []
        : [{ rule: 'needed', severity: 'error', message: 'NEEDED libpcap.so.0.8', fix: 'f' }],
  });
  const headings = (md: string): string[] => md.split('\n').filter((l) => /^##+ /.test(l));

  it("heads each target with its own binaries' verdict, and the run with the worst", () => {
    const md = renderSummary(
      report(
        [
          { target: 'linux/amd64', binaries: [binary('out/amd64/app', 'linux/amd64', 'fail')] },
          { target: 'linux/arm64', binaries: [binary('out/arm64/app', 'linux/arm64', 'pass')] },
        ],
        { runner },
      ),
    );
    expect(headings(md)).toEqual([
      '## cgo-abi-guard: fail',
      '### linux/amd64: fail',
      '### linux/arm64: pass',
    ]);
  });

  it('heads a target whose binaries only warn as failed when fail-on is warning, as the step is', () => {
    const warned: BinaryResult = {
      ...binary('out/amd64/app', 'linux/amd64', 'pass'),
      findings: [{ rule: 'static-nss', severity: 'warning', message: 'getaddrinfo', fix: 'f' }],
    };
    const failing = renderSummary(report([{ binaries: [warned] }], { failOn: 'warning' }));
    expect(headings(failing)).toEqual(['## cgo-abi-guard: fail', '### linux/amd64: fail']);
    const passing = renderSummary(report([{ binaries: [warned] }]));
    expect(headings(passing)).toEqual(['## cgo-abi-guard: pass', '### linux/amd64: pass']);
  });

  it('heads a target that failed to run, or has no verdict of its own, so', () => {
    const smoke: SmokeResult = {
      path: 'out/arm64/app',
      glibc: '2.31',
      via: 'qemu-aarch64',
      passed: false,
      exit: 127,
      timedOut: false,
      stderr: ['error while loading shared libraries'],
    };
    const md = renderSummary(
      report([
        { target: 'linux/amd64', problem: 'the build command exited 1' },
        {
          target: 'linux/arm64',
          binaries: [binary('out/arm64/app', 'linux/arm64', 'pass')],
          smoke: { results: [smoke] },
        },
      ]),
    );
    expect(headings(md)).toEqual([
      '## cgo-abi-guard: fail',
      '### linux/amd64: error',
      '### linux/arm64: fail',
    ]);
    expect(md).toContain('- the build command exited 1');
  });

  it('says why a smoke run did not run: nothing built, or it could not be set up (a failure)', () => {
    const md = renderSummary(
      report([
        {
          target: 'linux/amd64',
          problem: 'the build command exited 1',
          smoke: { notRun: 'nothing was built to run' },
        },
        {
          target: 'linux/arm64',
          binaries: [binary('out/arm64/app', 'linux/arm64', 'pass')],
          smoke: { setupFailed: 'qemu-user-static: the lockfile is frozen' },
        },
      ]),
    );
    expect(headings(md)).toEqual([
      '## cgo-abi-guard: fail',
      '### linux/amd64: error',
      '### linux/arm64: fail',
    ]);
    expect(md).toMatch(/^\*smoke run: not run: nothing was built to run\*$/m);
    expect(md).toMatch(/^\*smoke run: not run: qemu-user-static: the lockfile is frozen\*$/m);
  });
});
