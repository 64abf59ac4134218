/**
 * Post step (runs on success only): save the installs the main step made to the Actions cache.
 * An unavailable or failing cache service is a warning, never a failure.
 */
import * as core from '@actions/core';
import { toolCacheArch } from '../adapters/tool-cache.js';
import { saveInstall } from '../steps/actions-cache.js';
import { CACHE_STATE, type PendingSave } from './state.js';
import { actionReport } from './report.js';

export async function runPost(): Promise<void> {
  try {
    const text = core.getState(CACHE_STATE);
    const pending = text === '' ? [] : (JSON.parse(text) as PendingSave[]);
    for (const { key, versionDir } of pending)
      await saveInstall(versionDir, key, toolCacheArch(), actionReport);
  } catch (error) {
    core.warning(
      `cgo-abi-guard: the toolchain cache was not saved: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
