/** The action's RunReport: per target its toolchain, its build, its binaries and its smoke run. */
import type { SmokeInput, TargetInput } from '../domain/report/build-report.js';
import { runReport } from '../domain/report/build-report.js';
import type { RunReport } from '../domain/report/run-report.js';
import type { Policy } from '../domain/rules/types.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import type { SmokeResult } from '../domain/toolchain/smoke.js';
import { toolchainReport } from '../steps/toolchain-report.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';

export interface ActionReportArgs {
  runner: RunnerFacts;
  outcomes: readonly TargetOutcome[];
  inputs: ActionInputs;
  policy: Policy;
  /** Smoke results per target; null: no smoke run was asked for. */
  smoke: ReadonlyMap<string, SmokeResult[]> | null;
  /** Per target, why its smoke run could not be set up (nothing ran): a failure. */
  smokeNotRun?: ReadonlyMap<string, string>;
}

export function actionRunReport(a: ActionReportArgs): RunReport {
  return runReport({
    frontEnd: 'action',
    runner: a.runner,
    policy: a.policy,
    failOn: a.inputs.failOn,
    targets: a.outcomes.map((o) => targetInput(o, a)),
    drift: a.inputs.drift,
    git: { sha: process.env.GITHUB_SHA ?? null, ref: process.env.GITHUB_REF ?? null },
  });
}

function targetInput(o: TargetOutcome, a: ActionReportArgs): TargetInput {
  return {
    target: o.target,
    problem: o.problem,
    toolchain: o.prep === null ? null : toolchainReport(o.prep.plan, o.prep.installed),
    build:
      o.buildExit === null
        ? null
        : {
            command: a.inputs.run ?? '',
            exit: o.buildExit,
            link: o.link,
            heldOpenBy: o.heldOpenBy.map(({ pid, command }) => ({ pid, command })),
            staticNssLinked: o.staticNssLinked,
          },
    binaries: o.report.binaries,
    smoke: smokeInput(o, a),
  };
}

function smokeInput(o: TargetOutcome, a: ActionReportArgs): SmokeInput {
  if (a.smoke === null) return { asked: false };
  const setupFailed = a.smokeNotRun?.get(o.target);
  if (setupFailed !== undefined) return { setupFailed };
  const results = a.smoke.get(o.target);
  // Only a target that built nothing to run (its build failed, it built nothing) has neither.
  return results === undefined ? { notRun: 'nothing was built to run' } : { results };
}
