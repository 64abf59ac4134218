/** The action's side of preparing toolchains: its inputs, its report, the Actions cache. */
import type { EnvMap } from '../domain/go/cgo-env.js';
import { formatTarget, type Target } from '../domain/platform.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import type { Installed, InstallSetting } from '../steps/install-options.js';
import { prepareToolchain } from '../steps/prepare-toolchain.js';
import { actionsCache, runnerImage } from '../steps/actions-cache.js';
import { installSetting } from '../steps/setting.js';
import { actionReport } from './report.js';
import type { ActionInputs } from './inputs.js';

export class StepError extends Error {}

export interface PreparedTarget {
  target: Target;
  name: string;
  plan: ToolchainPlan;
  installed: Installed;
  env: EnvMap;
}

export async function prepareTarget(
  setting: InstallSetting,
  target: Target,
  inputs: ActionInputs,
): Promise<PreparedTarget> {
  const { glibc, compiler, packages, release, musl } = inputs;
  const request = { target, glibc, compiler, packages, release, musl };
  const prepared = await prepareToolchain(setting, request);
  return { target, name: formatTarget(target), ...prepared };
}

/** The run's one install setting: the inputs' lockfile and mirrors, the Actions cache when on. */
export function actionSetting(inputs: ActionInputs, runner: RunnerFacts): InstallSetting {
  return installSetting({
    frontEnd: 'action',
    runner,
    request: inputs,
    report: actionReport,
    actionsCache: inputs.cache
      ? (toolCache) => actionsCache(toolCache, runnerImage(process.env), actionReport)
      : null,
  });
}
