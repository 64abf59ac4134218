/** `verify --smoke`: the verified executables started against the floor sysroot's glibc. */
import { resolveHost } from '../adapters/runner.js';
import { toolCacheOf } from '../adapters/tool-cache.js';
import type { Libc, Target } from '../domain/platform.js';
import type { BinaryResult } from '../domain/report/report.js';
import { isRunnable, smokeArgs, type SmokeResult } from '../domain/toolchain/smoke.js';
import { prepareQemu } from '../steps/prepare-qemu.js';
import { prepareGlibc217 } from '../steps/kinds/crosstool-runtime.js';
import type { InstallSetting } from '../steps/prepare-toolchain.js';
import { hostOf } from '../steps/prepare-toolchain.js';
import { smokeRun } from '../steps/smoke.js';
import type { Io } from './io.js';
import { cliReport } from './report.js';
import type { VerifyArgs } from './verify-args.js';

export class SmokeSetupError extends Error {}

export async function cliSmoke(
  args: VerifyArgs & { smoke: string; target: Target; libc: Libc },
  binaries: readonly BinaryResult[],
  io: Io,
): Promise<SmokeResult[]> {
  const sysroot = args.sysroot ?? process.env.PKG_CONFIG_SYSROOT_DIR ?? '';
  // Static executables run by themselves; a dynamic glibc one needs the floor's sysroot.
  const dynamic = binaries.some(
    (b) => b.facts !== null && isRunnable(b.facts) && b.facts.interpreter !== null,
  );
  if (sysroot === '' && dynamic && args.libc === 'glibc')
    throw new SmokeSetupError(
      "--smoke needs the floor's sysroot: pass --sysroot DIR, or eval the output of `env` first (it exports PKG_CONFIG_SYSROOT_DIR)",
    );
  const runner = await resolveHost();
  const setting: InstallSetting = {
    runner,
    lockPath: args.lock,
    frozen: false,
    mirrors: { extra: args.mirror === null ? [] : [args.mirror], useHost: true },
    toolCache: toolCacheOf(process.env),
    actionsCache: null,
    report: cliReport(io, 'verify'),
  };
  return smokeRun(binaries, {
    target: args.target,
    hostGoarch: hostOf(runner).goarch,
    sysroot: sysroot === '' ? null : sysroot,
    libc: args.libc,
    args: smokeArgs(args.smoke),
    qemuDir: async (qemuArch) => (await prepareQemu(setting, qemuArch)).dir,
    glibc217: () => prepareGlibc217(setting, args.target),
  });
}
