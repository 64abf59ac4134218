/** The end of the main step: annotations, job summary, JSON report, outputs, step verdict. */
import * as core from '@actions/core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heldMessage, withinBudget, type Annotation } from '../domain/report/annotations.js';
import { jsonFacts, overallVerdict, type BinaryResult } from '../domain/report/report.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { hasWarnings, renderSummary } from '../domain/report/summary.js';
import { maxDotted } from '../domain/version.js';
import { dependsOutput } from '../domain/toolchain/shlibs.js';
import { smokeFailed, type SmokeResult } from '../domain/toolchain/smoke.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';
import { stepAnnotations, stepBudget } from './step-annotations.js';

export interface PublishArgs {
  runner: RunnerFacts;
  outcomes: readonly TargetOutcome[];
  inputs: ActionInputs;
  annotate: (a: Annotation) => void;
  /** Smoke results per target; null: no smoke run was asked for. */
  smoke: ReadonlyMap<string, SmokeResult[]> | null;
  /** Per target, why its smoke run could not be set up (nothing ran): a failure. */
  smokeNotRun?: ReadonlyMap<string, string>;
}

export async function publish({
  runner,
  outcomes,
  inputs,
  annotate,
  smoke,
  smokeNotRun = new Map<string, string>(),
}: PublishArgs): Promise<void> {
  const binaries: BinaryResult[] = outcomes.flatMap((o) => o.report.binaries);
  const smokeOf = (target: string): SmokeResult[] | null => smoke?.get(target) ?? null;
  const smokeResults = [...(smoke?.values() ?? [])].flat();
  const failedRuns = smokeResults.filter(smokeFailed);
  // A run asked for and not set up vouches for nothing: the step fails, its results stay.
  const unrun = [...smokeNotRun.values()];
  const abiVerdict = outcomes.some((o) => o.problem !== null) ? 'error' : overallVerdict(binaries);
  // With fail-on: warning a warning (or an executable left unstarted) fails the step: the verdict
  // says so too, as the summary does.
  const leftOut = smokeResults.some((r) => r.notRun !== undefined);
  const warned = inputs.failOn === 'warning' && (hasWarnings(binaries) || leftOut);
  const verdict =
    abiVerdict === 'pass' && failedRuns.length === 0 && unrun.length === 0 && !warned
      ? 'pass'
      : 'fail';
  const failure = failureOf(outcomes, inputs, abiVerdict, verdict, {
    failed: failedRuns.length,
    unrun,
  });
  const ranked = stepAnnotations(outcomes, smokeOf, (target) => smokeNotRun.get(target) ?? null);
  for (const a of withinBudget(ranked, stepBudget(outcomes, failure !== null))) annotate(a);
  const report = {
    verdict,
    glibcFloor: inputs.glibc,
    targets: outcomes.map((o) => ({
      target: o.target,
      toolchain:
        o.prep === null
          ? null
          : {
              key: o.prep.plan.lockKey,
              release: o.prep.installed.entry.release,
              dir: o.prep.installed.dir,
              cacheHit: o.prep.installed.cacheHit,
            },
      buildExit: o.buildExit,
      problem: o.problem,
      link: o.link,
      heldOpenBy: o.heldOpenBy,
      smoke: smokeOf(o.target),
      ...(smokeNotRun.has(o.target) ? { smokeNotRun: smokeNotRun.get(o.target) } : {}),
      ...(o.staticNssLinked.length === 0 ? {} : { staticNssLinked: o.staticNssLinked }),
      binaries: o.report.binaries.map((b) => ({
        ...b,
        facts: b.facts === null ? null : jsonFacts(b.facts),
      })),
    })),
  };
  // RUNNER_TEMP is shared by every step of the job: each step's report gets its own directory.
  const reportDir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'cgo-abi-guard-'));
  const reportPath = join(reportDir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const summary = renderSummary(
    runner,
    outcomes.map((o) => ({
      target: o.target,
      toolchain:
        o.prep === null
          ? null
          : {
              release: o.prep.installed.entry.release,
              mode: o.prep.plan.mode,
              cacheHit: o.prep.installed.cacheHit,
              dir: o.prep.installed.dir,
            },
      buildExit: o.buildExit,
      report: o.report,
      problem: o.problem,
      link: o.link?.lines ?? [],
      heldOpenBy: o.heldOpenBy.map(heldMessage),
      ...(smoke === null ? {} : { smoke: smokeOf(o.target) }),
      failOnWarning: inputs.failOn === 'warning',
      ...(smokeNotRun.has(o.target) ? { smokeNotRun: smokeNotRun.get(o.target) } : {}),
    })),
    verdict,
  );
  await core.summary
    .addRaw(summary)
    .write()
    .catch((error: unknown) => {
      core.warning(
        `job summary not written: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  core.setOutput('verdict', verdict);
  core.setOutput('report', reportPath);
  // Nothing run (no smoke asked, nothing built to run) is neither a pass nor a fail; nor is a
  // run that left a target or an executable out.
  const partial = unrun.length > 0 || smokeResults.some((r) => r.notRun !== undefined);
  core.setOutput(
    'smoke',
    failedRuns.length > 0 ? 'fail' : smokeResults.length === 0 || partial ? '' : 'pass',
  );
  core.setOutput(
    'depends',
    dependsOutput(
      outcomes.map((o, i) => ({
        // Keyed like cc and sysroot: by the targets as the user wrote them.
        target: inputs.targetNames[i] ?? o.target,
        depends: o.report.binaries.flatMap((b) =>
          b.runtime === undefined ? [] : [b.runtime.depends],
        ),
      })),
    ),
  );
  core.setOutput(
    'max-glibc',
    maxDotted(
      binaries.flatMap((b) =>
        b.facts?.versions.GLIBC === undefined ? [] : [b.facts.versions.GLIBC],
      ),
    ) ?? '',
  );

  if (failure !== null) core.setFailed(failure);
}

/** Why the step fails (the line setFailed writes), or null when it passes. */
function failureOf(
  outcomes: readonly TargetOutcome[],
  inputs: ActionInputs,
  abiVerdict: string,
  verdict: string,
  /** Failed runs, and the targets whose run was not set up. */
  runs: { failed: number; unrun: readonly string[] },
): string | null {
  if (outcomes.some((o) => o.buildExit !== null && o.buildExit !== 0))
    return 'cgo-abi-guard: the build failed';
  if (inputs.failOn === 'never' || verdict === 'pass') return null;
  if (abiVerdict === 'pass' && runs.failed === 0 && runs.unrun.length > 0)
    return `cgo-abi-guard: the smoke run could not be set up: ${runs.unrun[0] ?? ''}`;
  const why =
    abiVerdict === 'error'
      ? 'some binaries could not be judged'
      : abiVerdict === 'fail'
        ? 'ABI violations'
        : runs.failed > 0
          ? 'binaries failed the smoke run'
          : 'warnings, and fail-on is warning';
  return `cgo-abi-guard: ${why} (see the annotations and the job summary)`;
}
