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
import type { SmokeResult } from '../domain/toolchain/smoke.js';
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
}

export async function publish({
  runner,
  outcomes,
  inputs,
  annotate,
  smoke,
}: PublishArgs): Promise<void> {
  const binaries: BinaryResult[] = outcomes.flatMap((o) => o.report.binaries);
  const smokeOf = (target: string): SmokeResult[] | null => smoke?.get(target) ?? null;
  const smokeResults = [...(smoke?.values() ?? [])].flat();
  const smokeFailed = smokeResults.filter((r) => !r.passed);
  const abiVerdict = outcomes.some((o) => o.problem !== null) ? 'error' : overallVerdict(binaries);
  // With fail-on: warning a warning fails the step: the verdict says so too, as the summary does.
  const warned = inputs.failOn === 'warning' && hasWarnings(binaries);
  const verdict = abiVerdict === 'pass' && smokeFailed.length === 0 && !warned ? 'pass' : 'fail';
  const failure = failureOf(outcomes, inputs, abiVerdict, smokeFailed.length > 0, verdict);
  const ranked = stepAnnotations(outcomes, smokeOf);
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
  // Nothing run (no smoke asked, or nothing built to run) is neither a pass nor a fail.
  core.setOutput(
    'smoke',
    smokeResults.length === 0 ? '' : smokeFailed.length === 0 ? 'pass' : 'fail',
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
  smokeFailed: boolean,
  verdict: string,
): string | null {
  if (outcomes.some((o) => o.buildExit !== null && o.buildExit !== 0))
    return 'cgo-abi-guard: the build failed';
  if (inputs.failOn === 'never' || verdict === 'pass') return null;
  const why =
    abiVerdict === 'error'
      ? 'some binaries could not be judged'
      : abiVerdict === 'fail'
        ? 'ABI violations'
        : smokeFailed
          ? "binaries failed to run on the floor's glibc"
          : 'warnings, and fail-on is warning';
  return `cgo-abi-guard: ${why} (see the annotations and the job summary)`;
}
