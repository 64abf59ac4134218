/** The one install setting of a run, built the same way by both front ends. */
import { toolCacheOf, type ToolCache } from '../adapters/tool-cache.js';
import type { InstallRequest } from '../domain/request.js';
import type { HostFacts } from '../domain/runner/runner.js';
import type { ActionsCache, InstallSetting } from './install-options.js';
import type { Report } from './report.js';

export type FrontEnd = 'action' | 'cli';

/** How each front end tells its user to run unfrozen, in the lifecycle's messages. */
const UNFREEZE: Readonly<Record<FrontEnd, string>> = {
  action: 'with frozen-lockfile: false',
  cli: 'without --frozen',
};

export interface SettingOf {
  frontEnd: FrontEnd;
  runner: HostFacts;
  /** The lockfile and mirrors the user asked for. */
  request: InstallRequest;
  report: Report;
  /**
   * The Actions cache for this tool cache (the action's `cache: true`, on a runner); null: none.
   * Passed in, so that the CLI's bundle carries no Actions cache client.
   */
  actionsCache: ((toolCache: ToolCache) => ActionsCache) | null;
}

/**
 * The tool cache of this machine (`$RUNNER_TOOL_CACHE`, else the user's cache), the lockfile and
 * mirrors asked for, and the Actions cache when it is on.
 */
export function installSetting(o: SettingOf, env: NodeJS.ProcessEnv = process.env): InstallSetting {
  const toolCache = toolCacheOf(env);
  return {
    runner: o.runner,
    lockPath: o.request.lockfile,
    frozen: o.request.frozenLockfile,
    unfreeze: UNFREEZE[o.frontEnd],
    mirrors: { extra: o.request.mirrors, useHost: o.request.hostMirrors },
    toolCache,
    actionsCache: o.actionsCache === null ? null : o.actionsCache(toolCache),
    report: o.report,
  };
}
