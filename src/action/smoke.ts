/** The action's `smoke` input: each target's verified executables run on its floor's glibc. */
import { sysrootDir } from '../domain/go/cgo-env.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { smokeArgs, type SmokeResult } from '../domain/toolchain/smoke.js';
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
  /** qemu, when the smoke run installed it. */
  qemu: Installed | null;
}

export async function smokeTargets(
  outcomes: readonly TargetOutcome[],
  inputs: ActionInputs & { smoke: string },
  runner: RunnerFacts,
): Promise<SmokeOutcome> {
  const host = hostOf(runner);
  // Installed once, by the first target of another architecture that asks for it.
  const once: { qemu?: Promise<Installed> } = {};
  const qemuDir = async (): Promise<string> =>
    (await (once.qemu ??= prepareQemu(installSetting(inputs, runner)))).dir;
  const results = new Map<string, SmokeResult[]>();
  for (const o of outcomes) {
    if (o.prep === null) continue;
    const target = o.prep.target;
    results.set(
      o.target,
      await smokeRun(o.report.binaries, {
        target,
        hostGoarch: host.goarch,
        sysroot: sysrootDir(o.prep.plan, o.prep.installed.dir),
        args: smokeArgs(inputs.smoke),
        qemuDir,
        glibc217: () => prepareGlibc217(installSetting(inputs, runner), target),
      }),
    );
  }
  return { results, qemu: once.qemu === undefined ? null : await once.qemu };
}
