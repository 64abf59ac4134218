/** The action's `smoke` input: each target's verified executables run on its floor's glibc. */
import * as core from '@actions/core';
import { sysrootDir } from '../domain/go/cgo-env.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { smokeArgs, smokeMessage, type SmokeResult } from '../domain/toolchain/smoke.js';
import type { Installed } from '../steps/install-options.js';
import { prepareQemu } from '../steps/prepare-qemu.js';
import { prepareGlibc217 } from '../steps/prepare-runtime.js';
import { hostOf } from '../steps/prepare-toolchain.js';
import { smokeRun } from '../steps/smoke.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';
import { installSetting } from './toolchains.js';

export interface SmokeOutcome {
  /** Per target (as outcomes name it), the smoke results; targets without a toolchain have none. */
  results: Map<string, SmokeResult[]>;
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
  for (const o of outcomes) {
    if (o.prep === null) continue;
    if (o.problem !== null || o.report.binaries.length === 0) {
      core.info(`cgo-abi-guard: smoke run for ${o.target}: not run (nothing was built to run)`);
      continue;
    }
    core.startGroup(`cgo-abi-guard: smoke run for ${o.target}`);
    const target = o.prep.target;
    const ran = await smokeRun(o.report.binaries, {
      target: o.prep.target,
      hostGoarch: host.goarch,
      sysroot: sysrootDir(o.prep.plan, o.prep.installed.dir),
      args: smokeArgs(inputs.smoke),
      qemuDir,
      glibc217: () => prepareGlibc217(installSetting(inputs, runner), target),
    });
    for (const r of ran) logRun(r);
    if (ran.length === 0) core.info('no executables to run (shared libraries are not started)');
    core.endGroup();
    results.set(o.target, ran);
  }
  return { results, qemu: await Promise.all(qemus.values()) };
}

/** The command and the first lines the binary printed, as a build log shows them. */
function logRun(r: SmokeResult): void {
  core.info(`[command]${r.command ?? r.path}`);
  for (const line of r.stdout ?? []) core.info(line);
  for (const line of r.stderr) core.info(line);
  core.info(r.passed ? `${r.path}: runs on glibc ${r.glibc}` : smokeMessage(r));
}
