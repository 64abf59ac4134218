/**
 * Where toolchains live: `RUNNER_TOOL_CACHE/<tool>/<version>/<arch>` with a `<arch>.complete`
 * marker beside it, found through `@actions/tool-cache` `find()`. Off a runner, the user's cache
 * directory stands in for RUNNER_TOOL_CACHE.
 *
 * Installing does not go through `cacheDir()`: it copies the finished tree into place (1.8 s for
 * the 708 MB arm64 gcc toolchain on this 2-core machine, against 0 ms for a rename, measured with
 * tc.cacheDir vs fs.rename). The install extracts into `<arch>.partial` beside the final
 * directory and renames it there, then writes the `.complete` marker: the same layout and marker
 * that `find()` reads, which a test checks.
 */
import * as tc from '@actions/tool-cache';
import { arch as osArch, homedir } from 'node:os';
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

/** The tool cache of this machine: where installs go, the state beside them, the host arch. */
export interface ToolCache {
  root: string;
  stateRoot: string;
  arch: string;
}

export function toolCacheOf(env: Env): ToolCache {
  return { root: toolCacheRoot(env), stateRoot: stateRoot(env), arch: toolCacheArch() };
}

/**
 * What an install puts into its version directory for one host architecture — the tree, its
 * `.complete` marker and its manifest — and so all that the Actions cache saves and restores.
 */
export interface InstallName {
  name: string;
  type: 'dir' | 'file';
}

export function installNames(arch: string): InstallName[] {
  return [
    { name: arch, type: 'dir' },
    { name: `${arch}.complete`, type: 'file' },
    { name: `${arch}.manifest.json`, type: 'file' },
  ];
}

/** Where an install of this tool version goes (what `find()` answers once it is complete). */
export function toolDir(root: string, toolName: string, version: string, arch: string): string {
  return join(root, toolName, version, arch);
}

/**
 * The complete install of an exact version in the tool cache at `root`, or null. `find()` reads
 * RUNNER_TOOL_CACHE, and logs through `core.debug`, which writes `::debug::` lines to stdout: off
 * a runner (the CLI, whose stdout may be eval'd) those lines are dropped.
 */
export function findTool(
  root: string,
  toolName: string,
  version: string,
  arch: string,
): string | null {
  const saved = process.env.RUNNER_TOOL_CACHE;
  const onRunner = process.env.GITHUB_ACTIONS === 'true';
  const write = process.stdout.write.bind(process.stdout);
  process.env.RUNNER_TOOL_CACHE = root;
  if (!onRunner)
    process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) =>
      String(chunk).startsWith('::debug::') ? true : write(chunk, ...rest);
  try {
    const found = tc.find(toolName, version, arch);
    return found === '' ? null : found;
  } finally {
    process.stdout.write = write;
    if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE;
    else process.env.RUNNER_TOOL_CACHE = saved;
  }
}
