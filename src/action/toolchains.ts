/** The action's side of preparing toolchains: its inputs, its report, the Actions cache. */
import { toolCacheOf } from '../adapters/tool-cache.js';
import type { EnvMap } from '../domain/go/cgo-env.js';
import { formatTarget, type Target } from '../domain/platform.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { actionsCache } from '../steps/actions-cache.js';
import type { Installed } from '../steps/install-options.js';
import { prepareToolchain, type InstallSetting } from '../steps/prepare-toolchain.js';
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

/** How this run installs: the inputs' lockfile and mirrors, the Actions cache when it is on. */
export function installSetting(inputs: ActionInputs, runner: RunnerFacts): InstallSetting {
  const toolCache = toolCacheOf(process.env);
  const image = { os: process.env.ImageOS, version: process.env.ImageVersion };
  return {
    runner,
    lockPath: inputs.lockfile,
    frozen: inputs.frozenLockfile,
    unfreeze: 'with frozen-lockfile: false',
    mirrors: { extra: inputs.mirrors, useHost: inputs.hostMirrors },
    toolCache,
    actionsCache: inputs.cache ? actionsCache(toolCache, image, actionReport) : null,
    report: actionReport,
  };
}

export async function prepareTarget(
  target: Target,
  inputs: ActionInputs,
  runner: RunnerFacts,
): Promise<PreparedTarget> {
  const prepared = await prepareToolchain({
    ...installSetting(inputs, runner),
    target,
    glibc: inputs.glibc,
    compiler: inputs.compiler,
    packages: inputs.packages,
    release: inputs.release,
  });
  return { target, name: formatTarget(target), ...prepared };
}
