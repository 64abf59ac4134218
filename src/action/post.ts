/**
 * Post step (runs on success only): save the toolchains the main step installed to the cache.
 * An unavailable or failing cache service is a warning, never a failure.
 */
import * as core from '@actions/core';
import { saveTree } from '../adapters/cache-tree.js';
import { CACHE_STATE } from './state.js';

interface PendingCache {
  key: string;
  paths: string[];
}

export async function runPost(): Promise<void> {
  try {
    const text = core.getState(CACHE_STATE);
    const pending = text === '' ? [] : (JSON.parse(text) as PendingCache[]);
    for (const { key, paths } of pending) {
      const [tree] = paths;
      if (tree === undefined) continue;
      const { saved, warning } = await saveTree(tree, key, (line) => {
        core.info(line);
      });
      if (warning !== null) core.warning(warning, { title: 'cgo-abi-guard cache' });
      else if (saved) core.info(`cgo-abi-guard: saved the toolchain cache ${key}`);
    }
  } catch (error) {
    core.warning(
      `cgo-abi-guard: the toolchain cache was not saved: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
