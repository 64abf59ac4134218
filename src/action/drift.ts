/**
 * The main step's drift: what the baseline plan says (save, restore, a file, nothing), the
 * comparison with the base report, the callers of what was raised, and the report with it. A
 * baseline that cannot be had or read is one notice; nothing here fails the step but the drift.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { baselinePlan, type BaselinePlan } from '../domain/drift/baseline-plan.js';
import { withDrift } from '../domain/drift/apply.js';
import { diffEntries, type SurfaceEntry } from '../domain/drift/drift.js';
import type { RunReport } from '../domain/report/run-report.js';
import { abiOf } from '../domain/platform.js';
import { sysrootOf } from '../steps/kinds/registry.js';
import { attachCallers, type HeadBinary } from '../steps/drift-callers.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';
import { loadBaseline, runnerEvent } from './baseline.js';

export const DRIFT_TITLE = 'cgo-abi-guard drift';

export function planBaseline(report: RunReport, inputs: ActionInputs): BaselinePlan {
  if (inputs.drift === 'off') return { kind: 'none', why: 'drift is off' };
  const targets = report.targets.flatMap((t) => (t.target === null ? [] : [t.target]));
  return baselinePlan(inputs.baseline, runnerEvent(process.env), targets);
}

export function headEntries(report: RunReport): SurfaceEntry[] {
  return report.targets.flatMap((t) =>
    t.binaries.flatMap((b) =>
      t.target === null || b.surface === null
        ? []
        : [{ target: t.target, path: b.path, surface: b.surface }],
    ),
  );
}

/** The report with its drift against the baseline the plan names (unchanged without one). */
export async function compareWithBaseline(
  report: RunReport,
  plan: BaselinePlan,
  outcomes: readonly TargetOutcome[],
  inputs: ActionInputs,
): Promise<RunReport> {
  if (plan.kind !== 'restore' && plan.kind !== 'file') return report;
  const workdir = resolve(inputs.workingDirectory);
  const loaded = await loadBaseline(plan, workdir, (line) => {
    core.info(`cgo-abi-guard: ${line}`);
  });
  if ('notice' in loaded) {
    core.notice(loaded.notice, { title: DRIFT_TITLE });
    return report;
  }
  if (loaded.warning !== null) core.notice(loaded.warning, { title: DRIFT_TITLE });
  const drift = diffEntries(loaded.baseline.entries, headEntries(report), loaded.ref);
  const head: HeadBinary[] = outcomes.flatMap((o) =>
    o.report.binaries.flatMap((b) =>
      b.facts === null
        ? []
        : [
            {
              target: o.target,
              path: b.path,
              facts: b.facts,
              sysroot:
                o.prep === null
                  ? null
                  : {
                      dir: sysrootOf(o.prep.plan, o.prep.installed.dir),
                      triplet: abiOf(o.goTarget).triplet,
                    },
            },
          ],
    ),
  );
  const workspace = resolve(process.env.GITHUB_WORKSPACE ?? workdir);
  const withCallers = await attachCallers(drift, head, { workspace, moduleDir: workdir });
  return withDrift(report, withCallers);
}
