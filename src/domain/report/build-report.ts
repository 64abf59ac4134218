/**
 * Verify's results and what the steps know of each target → the RunReport: its binaries as the
 * report keeps them, the smoke run's status, each target's verdict and Depends, the run's verdict.
 * Both front ends build their report here; only what they know differs.
 */
import type { DriftMode } from '../drift/drift.js';
import { muslNeed, surfaceOf } from '../drift/surface.js';
import { abiOf, parseTarget } from '../platform.js';
import type { ElfFacts } from '../elf/elf-facts.js';
import type { Policy } from '../rules/types.js';
import type { RunnerFacts } from '../runner/runner.js';
import { mergeDepends } from '../toolchain/shlibs.js';
import { smokeFailed, type SmokeResult } from '../toolchain/smoke.js';
import { overallVerdict, type BinaryResult, type Verdict } from './report.js';
import {
  SCHEMA_VERSION,
  TOOL,
  type BinaryReport,
  type BuildReport,
  type FactsReport,
  type FailOn,
  type PolicyReport,
  type RunReport,
  type SmokeReport,
  type TargetReport,
  type ToolchainReport,
} from './run-report.js';

export function factsReport(f: ElfFacts): FactsReport {
  return {
    class: f.class,
    endian: f.endian,
    machine: f.machine,
    osabi: f.osabi,
    type: f.type,
    flags: f.flags,
    floatAbi: f.floatAbi,
    interpreter: f.interpreter,
    needed: f.needed,
    rpath: f.rpath,
    runpath: f.runpath,
    pie: f.pie,
    versions: f.versions,
    versionNeeds: f.versionNeeds,
    abiTag: f.abiTag,
    isaNeeded: f.isaNeeded,
    goBinary: f.goBinary,
    goBuild: f.goBuild,
    goBuildError: f.goBuildError,
    staticLibc: f.staticLibc,
    buildPaths: f.buildPaths,
    warnings: f.warnings,
    hardening: f.hardening,
  };
}

/** A dynamic musl binary's musl need, when its imports were read (a musl floor reads them). */
function muslOf(b: BinaryResult): ReturnType<typeof muslNeed> {
  const f = b.facts;
  if (f === null || b.target === null || f.interpreter?.includes('/ld-musl-') !== true) return null;
  const target = parseTarget(b.target);
  return 'error' in target ? null : muslNeed(f.symbolVersions, abiOf(target).debianArch);
}

export function binaryReport(b: BinaryResult): BinaryReport {
  return {
    path: b.path,
    linkTarget: b.linkTarget ?? null,
    target: b.target,
    verdict: b.verdict,
    error: b.error,
    findings: b.findings,
    facts: b.facts === null ? null : factsReport(b.facts),
    runtime: b.runtime ?? null,
    surface: b.facts === null ? null : surfaceOf(b.facts, b.runtime?.depends ?? '', muslOf(b)),
  };
}

/** What the steps know of a target's smoke run. */
export type SmokeInput =
  | { asked: false }
  /** It ran: each executable's result (none: there was no executable to start). */
  | { results: readonly SmokeResult[] }
  /** Nothing to start, and why (nothing was built). */
  | { notRun: string }
  /** Something to start, but the run could not be set up, and why: it fails the target. */
  | { setupFailed: string };

export const NO_EXECUTABLES = 'no executables to run: shared libraries are not started';
export const NONE_STARTED = 'none of the executables can be started here (see each result)';

export function smokeReport(s: SmokeInput): SmokeReport {
  if ('asked' in s) return { status: 'not-asked', reason: null, results: [] };
  if ('notRun' in s) return { status: 'not-run', reason: s.notRun, results: [] };
  if ('setupFailed' in s) return { status: 'error', reason: s.setupFailed, results: [] };
  const results = [...s.results];
  if (results.length === 0) return { status: 'not-run', reason: NO_EXECUTABLES, results };
  if (results.some(smokeFailed)) return { status: 'fail', reason: null, results };
  // An executable not started is neither a pass nor a failure; none started is no run.
  if (results.every((r) => r.notRun !== undefined))
    return { status: 'not-run', reason: NONE_STARTED, results };
  return { status: 'pass', reason: null, results };
}

/** Whether any binary has a warning finding (what `fail-on: warning` fails on). */
export function hasWarnings(binaries: readonly Pick<BinaryReport, 'findings'>[]): boolean {
  return binaries.some((b) => b.findings.some((f) => f.severity === 'warning'));
}

export interface TargetInput {
  target: string | null;
  problem: string | null;
  toolchain: ToolchainReport | null;
  build: BuildReport | null;
  binaries: readonly BinaryResult[];
  smoke: SmokeInput;
}

/**
 * A target's verdict: none of its own (error), else its binaries', then a failed smoke run (or
 * one asked for that could not be set up) fails it, and with `failOn: warning` a warning does
 * (an executable the smoke run could not start counts as one).
 */
export function targetReport(t: TargetInput, failOn: FailOn): TargetReport {
  const binaries = t.binaries.map(binaryReport);
  const smoke = smokeReport(t.smoke);
  const smokeFails = smoke.status === 'fail' || smoke.status === 'error';
  const warned = hasWarnings(binaries) || smoke.results.some((r) => r.notRun !== undefined);
  const own = overallVerdict(binaries);
  const verdict: Verdict =
    t.problem !== null
      ? 'error'
      : own !== 'pass'
        ? own
        : smokeFails || (failOn === 'warning' && warned)
          ? 'fail'
          : 'pass';
  return {
    target: t.target,
    verdict,
    problem: t.problem,
    toolchain: t.toolchain,
    build: t.build,
    binaries,
    smoke,
    depends: mergeDepends(binaries.flatMap((b) => (b.runtime === null ? [] : [b.runtime.depends]))),
  };
}

const WORST: readonly Verdict[] = ['error', 'fail'];

/** The worst of the targets' verdicts: error, then fail; pass when every target passes. */
export function runVerdict(targets: readonly Pick<TargetReport, 'verdict'>[]): Verdict {
  return WORST.find((v) => targets.some((t) => t.verdict === v)) ?? 'pass';
}

/** `pass` or `fail`, as the action's `verdict` output and the summary's heading say it. */
export function passOrFail(verdict: Verdict): 'pass' | 'fail' {
  return verdict === 'pass' ? 'pass' : 'fail';
}

export function policyReport(p: Policy, failOn: FailOn, drift: DriftMode = 'off'): PolicyReport {
  return {
    libc: p.libc,
    glibcFloor: p.glibc,
    kernel: p.kernel,
    versions: p.versions,
    allowNeeded: p.allowNeeded,
    allowRpath: p.allowRpath,
    severity: p.severity,
    hardening: p.hardening,
    smoke: p.smoke,
    failOn,
    drift,
  };
}

export function runReport(o: {
  frontEnd: RunReport['frontEnd'];
  runner: RunnerFacts | null;
  policy: Policy;
  failOn: FailOn;
  targets: readonly TargetInput[];
  drift?: DriftMode;
  git?: RunReport['git'];
}): RunReport {
  const targets = o.targets.map((t) => targetReport(t, o.failOn));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    frontEnd: o.frontEnd,
    runner: o.runner,
    policy: policyReport(o.policy, o.failOn, o.drift),
    verdict: runVerdict(targets),
    targets,
    git: o.git ?? null,
    drift: null,
  };
}

/**
 * Binaries grouped by the target they were judged against, in the order they came; those that
 * could not be judged against any (target null) in a group of their own. With `target` given,
 * all in one group: every file was judged against it.
 */
export function groupByTarget(
  binaries: readonly BinaryResult[],
  target: string | null,
): { target: string | null; binaries: BinaryResult[] }[] {
  if (target !== null) return [{ target, binaries: [...binaries] }];
  const groups = new Map<string | null, BinaryResult[]>();
  for (const b of binaries) {
    const group = groups.get(b.target);
    if (group === undefined) groups.set(b.target, [b]);
    else group.push(b);
  }
  return [...groups].map(([t, list]) => ({ target: t, binaries: list }));
}
