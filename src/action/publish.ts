/** The end of the main step: annotations, job summary, JSON report, outputs, step verdict. */
import * as core from '@actions/core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingAnnotations, type Annotation } from '../domain/report/annotations.js';
import { jsonFacts, overallVerdict, type BinaryResult } from '../domain/report/report.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { renderSummary } from '../domain/report/summary.js';
import { maxDotted } from '../domain/version.js';
import { mergeDepends } from '../domain/toolchain/shlibs.js';
import { smokeMessage, type SmokeResult } from '../domain/toolchain/smoke.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';

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
  for (const o of outcomes)
    if (o.problem !== null)
      annotate({ level: 'error', title: `cgo-abi-guard: ${o.target}`, message: o.problem });
  for (const a of findingAnnotations(
    outcomes.flatMap((o) => o.report.binaries.map((result) => ({ target: o.target, result }))),
  ))
    annotate(a);

  const smokeOf = (target: string): SmokeResult[] | null => smoke?.get(target) ?? null;
  const smokeFailed = [...(smoke?.values() ?? [])].flat().filter((r) => !r.passed);
  for (const o of outcomes)
    for (const r of smokeOf(o.target) ?? [])
      if (!r.passed)
        annotate({
          level: 'error',
          title: `cgo-abi-guard smoke (${o.target})`,
          message: smokeMessage(r),
        });
  const abiVerdict = outcomes.some((o) => o.problem !== null) ? 'error' : overallVerdict(binaries);
  const verdict = abiVerdict === 'pass' && smokeFailed.length === 0 ? 'pass' : 'fail';
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
      smoke: smokeOf(o.target) ?? [],
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
  core.setOutput('smoke', smoke === null ? '' : smokeFailed.length === 0 ? 'pass' : 'fail');
  core.setOutput(
    'depends',
    mergeDepends(binaries.flatMap((b) => (b.runtime === undefined ? [] : [b.runtime.depends]))),
  );
  core.setOutput(
    'max-glibc',
    maxDotted(
      binaries.flatMap((b) =>
        b.facts?.versions.GLIBC === undefined ? [] : [b.facts.versions.GLIBC],
      ),
    ) ?? '',
  );

  const buildFailed = outcomes.some((o) => o.buildExit !== null && o.buildExit !== 0);
  const warnings = binaries.some((b) => b.findings.some((f) => f.severity === 'warning'));
  if (buildFailed) core.setFailed('cgo-abi-guard: the build failed');
  else if (inputs.failOn === 'never') return;
  else if (verdict === 'fail')
    core.setFailed(
      `cgo-abi-guard: ${abiVerdict === 'error' ? 'some binaries could not be judged' : abiVerdict === 'fail' ? 'ABI violations' : "binaries failed to run on the floor's glibc"} (see the annotations and the job summary)`,
    );
  else if (inputs.failOn === 'warning' && warnings)
    core.setFailed('cgo-abi-guard: warnings, and fail-on is warning');
}
