/**
 * Where toolchains live: `RUNNER_TOOL_CACHE/<tool>/<version>/<arch>` with a `<arch>.complete`
 * marker beside it — the layout `@actions/tool-cache` `find()` reads. Off a runner, the user's
 * cache directory stands in for RUNNER_TOOL_CACHE.
 */
import { existsSync } from 'node:fs';
import { homedir, arch as osArch } from 'node:os';
import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function toolCacheRoot(env: Env): string {
  const runner = env.RUNNER_TOOL_CACHE;
  if (runner !== undefined && runner !== '') return runner;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== undefined && xdg !== '' ? xdg : join(env.HOME ?? homedir(), '.cache');
  return join(base, 'cgo-abi-guard', 'tool-cache');
}

/** Downloaded packages and private apt state, kept apart from the installed tools. */
export function stateRoot(env: Env): string {
  return join(toolCacheRoot(env), '.cgo-abi-guard-state');
}

/** `x64` / `arm64`, as @actions/tool-cache names host architectures. */
export function toolCacheArch(): string {
  return osArch();
}

export function toolDir(root: string, toolName: string, version: string, arch: string): string {
  return join(root, toolName, version, arch);
}

export function isComplete(dir: string): boolean {
  return existsSync(`${dir}.complete`);
}
