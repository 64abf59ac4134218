/** The action's `smoke` input: each target's verified executables run on its floor's glibc. */
import * as core from '@actions/core';
import { sysrootOf } from '../steps/kinds/registry.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { smokeArgs, smokeMessage, type SmokeResult } from '../domain/toolchain/smoke.js';
import type { Installed } from '../steps/install-options.js';
import { prepareQemu } from '../steps/prepare-qemu.js';
import { prepareGlibc217 } from '../steps/kinds/crosstool-runtime.js';
import { hostOf } from '../steps/prepare-toolchain.js';
import { SmokeSetupFailed, smokeRun } from '../steps/smoke.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';
import { installSetting } from './toolchains.js';

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
  runner: RunnerFacts,
): Promise<SmokeOutcome> {
  const host = hostOf(runner);
  // Each architecture's once, by the first target of that architecture that asks for it.
  const qemus = new Map<string, Promise<Installed>>();
  const qemuDir = async (qemuArch: string): Promise<string> => {
    const q = qemus.get(qemuArch) ?? prepareQemu(installSetting(inputs, runner), qemuArch);
    qemus.set(qemuArch, q);
    return (await q).dir;
  };
  const results = new Map<string, SmokeResult[]>();
  const notRun = new Map<string, string>();
  for (const o of outcomes) {
    if (o.problem !== null || o.report.binaries.length === 0) {
      core.info(`cgo-abi-guard: smoke run for ${o.target}: not run (nothing was built to run)`);
      continue;
    }
    core.startGroup(`cgo-abi-guard: smoke run for ${o.target}`);
    const target = o.goTarget;
    try {
      const ran = await smokeRun(o.report.binaries, {
        target,
        hostGoarch: host.goarch,
        // Toolchains are installed for glibc only: musl and static builds have no sysroot.
        sysroot: o.prep === null ? null : sysrootOf(o.prep.plan, o.prep.installed.dir),
        libc: inputs.libc,
        args: smokeArgs(inputs.smoke),
        qemuDir,
        glibc217: () => prepareGlibc217(installSetting(inputs, runner), target),
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
  // A failed qemu install is each target's "not run", said above; it has nothing to save.
  const settled = await Promise.allSettled(qemus.values());
  const qemu = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  return { results, notRun, qemu };
}

/** The command and the first lines the binary printed, as a build log shows them. */
function logRun(r: SmokeResult): void {
  core.info(`[command]${r.command ?? r.path}`);
  for (const line of r.stdout ?? []) core.info(line);
  for (const line of r.stderr) core.info(line);
  core.info(smokeMessage(r));
}
