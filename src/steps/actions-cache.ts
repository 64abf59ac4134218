/**
 * The Actions cache as the install lifecycle uses it (`cache: true` in the action): one entry per
 * install, keyed by what the install is, this host's architecture and the runner image. A cache
 * that cannot be used is a warning, never a failure.
 */
import { restoreTree, saveTree } from '../adapters/cache-tree.js';
import { installNames, type ToolCache } from '../adapters/tool-cache.js';
import { installCacheKey } from '../domain/toolchain/install-id.js';
import type { ActionsCache } from './install-options.js';
import type { Report } from './report.js';

export const CACHE_TITLE = 'cgo-abi-guard cache';

export interface RunnerImage {
  os: string | undefined;
  version: string | undefined;
}

/** The runner image GitHub names in the environment: part of every cache key. */
export function runnerImage(env: NodeJS.ProcessEnv): RunnerImage {
  return { os: env.ImageOS, version: env.ImageVersion };
}

export function actionsCache(
  toolCache: ToolCache,
  image: RunnerImage,
  report: Report,
): ActionsCache {
  return {
    keyOf: (install) =>
      installCacheKey({
        install,
        hostArch: toolCache.arch,
        imageOs: image.os,
        imageVersion: image.version,
      }),
    restore: async (versionDir, key) => {
      const log = (line: string): void => {
        report.info(line);
      };
      const { hit, warning } = await restoreTree(versionDir, key, log, {
        names: installNames(toolCache.arch),
      });
      if (warning !== null) report.warning(warning, CACHE_TITLE);
      return hit;
    },
  };
}

/** The post step's half: an install this run made, saved under its key. */
export async function saveInstall(
  versionDir: string,
  key: string,
  arch: string,
  report: Report,
): Promise<void> {
  const log = (line: string): void => {
    report.info(line);
  };
  // A save says so itself (the key and the time it took).
  const { warning } = await saveTree(versionDir, key, log, { names: installNames(arch) });
  if (warning !== null) report.warning(warning, CACHE_TITLE);
}
