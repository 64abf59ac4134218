/** The action's `smoke` input: each target's verified executables run on its floor's glibc. */
import * as core from '@actions/core';
import { sysrootOf } from '../steps/kinds/registry.js';
import { smokeMessage, type SmokeResult } from '../domain/toolchain/smoke.js';
import type { Installed, InstallSetting } from '../steps/install-options.js';
import { SmokeSetupFailed } from '../steps/smoke.js';
import { smokeRunner } from '../steps/smoke-targets.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';

export interface SmokeOutcome {
  /** Per target (as outcomes name it), the smoke results; none where nothing was built to run. */
  results: Map<string, SmokeResult[]>;
  /** Per target, why its run could not be set up (qemu-user could not be installed): nothing ran. */
  notRun: Map<string, string>;
  /** The qemu of each foreign architecture the smoke run installed (or found). */
  qemu: Installed[];
}

export async function smokeTargets(
  outcomes: readonly TargetOutcome[],
  inputs: ActionInputs & { smoke: string },
  setting: InstallSetting,
): Promise<SmokeOutcome> {
  const runner = smokeRunner(setting);
  const results = new Map<string, SmokeResult[]>();
  const notRun = new Map<string, string>();
  for (const o of outcomes) {
    if (o.problem !== null || o.report.binaries.length === 0) {
      core.info(`cgo-abi-guard: smoke run for ${o.target}: not run (nothing was built to run)`);
      continue;
    }
    core.startGroup(`cgo-abi-guard: smoke run for ${o.target}`);
    try {
      const ran = await runner.run(o.report.binaries, {
        target: o.goTarget,
        // libc none installs no toolchain: static runs only.
        sysroot: o.prep === null ? null : sysrootOf(o.prep.plan, o.prep.installed.dir),
        libc: inputs.libc,
        args: inputs.smoke,
      });
      for (const r of ran) logRun(r);
      if (ran.length === 0) core.info('no executables to run (shared libraries are not started)');
      results.set(o.target, ran);
    } catch (error) {
      if (!(error instanceof SmokeSetupFailed)) throw error;
      core.info(`not run: ${error.message}`);
      notRun.set(o.target, error.message);
    } finally {
      core.endGroup();
    }
  }
  return { results, notRun, qemu: await runner.qemu() };
}

/** The command and the first lines the binary printed, as a build log shows them. */
function logRun(r: SmokeResult): void {
  core.info(`[command]${r.command ?? r.path}`);
  for (const line of r.stdout ?? []) core.info(line);
  for (const line of r.stderr) core.info(line);
  core.info(smokeMessage(r));
}
