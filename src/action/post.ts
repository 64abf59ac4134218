/**
 * Post step (runs on success only): save the installs the main step made to the Actions cache.
 * An unavailable or failing cache service is a warning, never a failure.
 */
import * as core from '@actions/core';
import { toolCacheArch } from '../adapters/tool-cache.js';
import { saveInstall } from '../steps/actions-cache.js';
import { CACHE_STATE, type PendingSave } from './state.js';
import { actionReport } from './report.js';
import { BASELINE_STATE, saveBaseline, type PendingBaseline } from './baseline.js';

export async function runPost(): Promise<void> {
  await saveToolchains();
  await savePendingBaseline();
}

/** This run's report as the baseline of its branch (a push to the default branch, baseline: save). */
async function savePendingBaseline(): Promise<void> {
  const text = core.getState(BASELINE_STATE);
  if (text === '') return;
  try {
    const warning = await saveBaseline(JSON.parse(text) as PendingBaseline, (line) => {
      core.info(`cgo-abi-guard: ${line}`);
    });
    if (warning !== null) core.warning(warning, { title: 'cgo-abi-guard baseline' });
  } catch (error) {
    core.warning(
      `cgo-abi-guard: the baseline was not saved: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function saveToolchains(): Promise<void> {
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
