/**
 * The smoke run as both front ends start it: per target, its verified executables on the floor's
 * glibc, with each foreign architecture's qemu-user installed once per run (and the floor's own
 * glibc 2.17 for a sysroot capped at 2.17) through the run's install setting.
 */
import type { Libc, Target } from '../domain/platform.js';
import type { BinaryResult } from '../domain/report/report.js';
import { smokeArgs, type SmokeResult } from '../domain/toolchain/smoke.js';
import type { Installed, InstallSetting } from './install-options.js';
import { prepareQemu } from './prepare-qemu.js';
import { prepareGlibc217 } from './kinds/crosstool-runtime.js';
import { hostOf } from './prepare-toolchain.js';
import { smokeRun } from './smoke.js';

export interface SmokeTarget {
  target: Target;
  /** The toolchain's sysroot; null: none (musl and static builds: static runs only). */
  sysroot: string | null;
  /** The libc the binaries were verified for. */
  libc: Libc;
  /** The smoke input / --smoke: the arguments, blank-separated (empty: none). */
  args: string;
}

export interface SmokeRunner {
  /** Starts the target's runnable binaries; throws SmokeSetupFailed when qemu cannot be had. */
  run(binaries: readonly BinaryResult[], t: SmokeTarget): Promise<SmokeResult[]>;
  /** The qemu installs the runs made or found (for the action's post step to save). */
  qemu(): Promise<Installed[]>;
}

export function smokeRunner(setting: InstallSetting): SmokeRunner {
  const hostGoarch = hostOf(setting.runner).goarch;
  // Each architecture's once, by the first target of that architecture that asks for it.
  const qemus = new Map<string, Promise<Installed>>();
  const qemuDir = async (qemuArch: string): Promise<string> => {
    const q = qemus.get(qemuArch) ?? prepareQemu(setting, qemuArch);
    qemus.set(qemuArch, q);
    return (await q).dir;
  };
  return {
    run: (binaries, t) =>
      smokeRun(binaries, {
        target: t.target,
        hostGoarch,
        sysroot: t.sysroot,
        libc: t.libc,
        args: smokeArgs(t.args),
        qemuDir,
        glibc217: () => prepareGlibc217(setting, t.target),
      }),
    qemu: async () => {
      // A failed qemu install is each target's "not run", said by its run: nothing to save.
      const settled = await Promise.allSettled(qemus.values());
      return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    },
  };
}
