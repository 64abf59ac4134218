/** The end of the main step: the RunReport, and from it annotations, job summary, outputs, verdict. */
import * as core from '@actions/core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withinBudget, type Annotation } from '../domain/report/annotations.js';
import { passOrFail } from '../domain/report/build-report.js';
import { renderJson } from '../domain/report/render.js';
import { allBinaries, type FailOn, type RunReport } from '../domain/report/run-report.js';
import type { Policy } from '../domain/rules/types.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { renderSummary } from '../domain/report/summary.js';
import { maxDotted } from '../domain/version.js';
import { dependsOutput } from '../domain/toolchain/shlibs.js';
import type { SmokeResult } from '../domain/toolchain/smoke.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';
import { actionRunReport } from './run-report.js';
import { BASELINE_STATE, stageBaseline } from './baseline.js';
import { compareWithBaseline, planBaseline } from './drift.js';
import { driftAnnotations } from '../domain/drift/render.js';
import { driftFails } from '../domain/drift/apply.js';
import { stepAnnotations, stepBudget } from './step-annotations.js';
import { binaryDigests, writeAttestation } from '../steps/attest.js';
import { actionReport } from './report.js';
import { writeSbom } from '../steps/sbom.js';
import { LINK_LOG_ENV } from '../domain/toolchain/link-record.js';

export interface PublishArgs {
  runner: RunnerFacts;
  outcomes: readonly TargetOutcome[];
  inputs: ActionInputs;
  /** The policy the binaries were judged by (each target's own on top of it). */
  policy: Policy;
  annotate: (a: Annotation) => void;
  /** Smoke results per target; null: no smoke run was asked for. */
  smoke: ReadonlyMap<string, SmokeResult[]> | null;
  /** Per target, why its smoke run could not be set up (nothing ran): a failure. */
  smokeNotRun?: ReadonlyMap<string, string>;
}

export async function publish(args: PublishArgs): Promise<void> {
  const { outcomes, inputs, annotate } = args;
  const built = actionRunReport(args);
  const plan = planBaseline(built, inputs);
  if (plan.kind === 'none' && inputs.drift !== 'off')
    core.info(`cgo-abi-guard: no baseline compared or saved: ${plan.why}`);
  const report = await compareWithBaseline(built, plan, outcomes, inputs);
  const failure = failureOf(report, inputs.failOn);
  const ranked = [
    ...stepAnnotations(report),
    ...(report.drift === null ? [] : driftAnnotations(report.drift, inputs.drift)),
  ];
  const matched = outcomes.map((o) => o.matched);
  for (const a of withinBudget(ranked, stepBudget(matched, failure !== null))) annotate(a);
  // RUNNER_TEMP is shared by every step of the job: each step's report gets its own directory.
  const reportDir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'cgo-abi-guard-'));
  const reportPath = join(reportDir, 'report.json');
  await writeFile(reportPath, renderJson(report));
  // Beside the report (unique per step), whatever the verdict: a failed binary is never in it.
  const checksumsPath = join(reportDir, 'checksums.sha256');
  const predicatePath = join(reportDir, 'predicate.json');
  const workdir = resolve(inputs.workingDirectory);
  const digests = await binaryDigests(report, workdir);
  const attested = await writeAttestation(report, {
    checksums: checksumsPath,
    predicate: predicatePath,
    workdir,
    digests,
    musl: inputs.musl === null ? null : { floor: inputs.musl.version, link: inputs.musl.link },
    say: actionReport,
  });
  // The SBOM beside them, of every binary verified (a failed one too: it says what is inside).
  const sbomPath = inputs.sbom ? join(reportDir, 'sbom.cdx.json') : '';
  if (inputs.sbom)
    await writeSbom(
      report,
      outcomes.map((o) => o.prep?.installed ?? null),
      {
        path: sbomPath,
        workdir,
        lockPath: inputs.lockfile,
        digests,
        linkLog: process.env[LINK_LOG_ENV] ?? null,
      },
    );
  if (plan.kind === 'save')
    core.saveState(BASELINE_STATE, JSON.stringify(await stageBaseline(plan, reportPath)));
  await core.summary
    .addRaw(renderSummary(report))
    .write()
    .catch((error: unknown) => {
      core.warning(
        `job summary not written: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  core.setOutput('verdict', passOrFail(report.verdict));
  core.setOutput('report', reportPath);
  core.setOutput('checksums', checksumsPath);
  core.setOutput('predicate', predicatePath);
  core.setOutput('predicate-type', attested.predicateType);
  core.setOutput('sbom', sbomPath);
  core.info(
    `cgo-abi-guard: ${attested.subjects.length} passing binar${attested.subjects.length === 1 ? 'y' : 'ies'} in ${checksumsPath}`,
  );
  core.setOutput('smoke', smokeOutput(report));
  core.setOutput('drift', report.drift === null ? '' : JSON.stringify(report.drift));
  core.setOutput(
    'depends',
    dependsOutput(
      report.targets.map((t, i) => ({
        // Keyed like cc and sysroot: by the targets as the user wrote them.
        target: inputs.targetNames[i] ?? t.target ?? '',
        depends: [t.depends],
      })),
    ),
  );
  const glibc = allBinaries(report).flatMap((b) =>
    b.facts?.versions.GLIBC === undefined ? [] : [b.facts.versions.GLIBC],
  );
  core.setOutput('max-glibc', maxDotted(glibc) ?? '');

  if (failure !== null) core.setFailed(failure);
}

/**
 * The `smoke` output: `fail` when a run failed; empty when nothing ran (no smoke asked, nothing
 * built to run) or not all ran (a target's run not set up, an executable not started): neither
 * a pass nor a fail; else `pass`.
 */
function smokeOutput(report: RunReport): string {
  const smokes = report.targets.map((t) => t.smoke);
  if (smokes.some((s) => s.status === 'fail')) return 'fail';
  const partial =
    smokes.some((s) => s.status === 'error') ||
    smokes.some((s) => s.results.some((r) => r.notRun !== undefined));
  return smokes.every((s) => s.results.length === 0) || partial ? '' : 'pass';
}

/** Why the step fails (the line setFailed writes), or null when it passes. */
function failureOf(report: RunReport, failOn: FailOn): string | null {
  if (report.targets.some((t) => t.build !== null && t.build.exit !== 0))
    return 'cgo-abi-guard: the build failed';
  if (failOn === 'never' || report.verdict === 'pass') return null;
  const binaries = allBinaries(report);
  const judged = report.targets.every((t) => t.problem === null);
  const smoke = (status: string): boolean => report.targets.some((t) => t.smoke.status === status);
  // A run asked for and not set up vouches for nothing: the step fails, saying why.
  const unrun = report.targets.find((t) => t.smoke.status === 'error')?.smoke.reason ?? null;
  if (judged && binaries.every((b) => b.verdict === 'pass') && !smoke('fail') && unrun !== null)
    return `cgo-abi-guard: the smoke run could not be set up: ${unrun}`;
  const why =
    driftFails(report) && binaries.every((b) => b.verdict === 'pass') && !smoke('fail')
      ? `ABI drift against the baseline (drift: ${report.policy.drift})`
      : !judged || binaries.some((b) => b.verdict === 'error')
        ? 'some binaries could not be judged'
        : binaries.some((b) => b.verdict === 'fail')
          ? 'ABI violations'
          : smoke('fail')
            ? 'binaries failed the smoke run'
            : 'warnings, and fail-on is warning';
  return `cgo-abi-guard: ${why} (see the annotations and the job summary)`;
}
