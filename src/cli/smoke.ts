/** `verify --smoke`: the verified executables started against the floor sysroot's glibc. */
import { resolveHost } from '../adapters/runner.js';
import type { Libc, Target } from '../domain/platform.js';
import type { BinaryResult } from '../domain/report/report.js';
import { isRunnable, type SmokeResult } from '../domain/toolchain/smoke.js';
import { installSetting } from '../steps/setting.js';
import { smokeRunner } from '../steps/smoke-targets.js';
import type { Io } from './io.js';
import { cliReport } from './report.js';
import type { VerifyArgs } from './verify-args.js';

export class SmokeSetupError extends Error {}

/** `args.sysroot`: --sysroot, else $PKG_CONFIG_SYSROOT_DIR; null: neither. */
export async function cliSmoke(
  args: VerifyArgs & { smoke: string; target: Target; libc: Libc },
  binaries: readonly BinaryResult[],
  io: Io,
): Promise<SmokeResult[]> {
  // Static executables run by themselves; a dynamic glibc one needs the floor's sysroot.
  const dynamic = binaries.some(
    (b) => b.facts !== null && isRunnable(b.facts) && b.facts.interpreter !== null,
  );
  if (args.sysroot === null && dynamic && args.libc === 'glibc')
    throw new SmokeSetupError(
      "--smoke needs the floor's sysroot: pass --sysroot DIR, or eval the output of `env` first (it exports PKG_CONFIG_SYSROOT_DIR)",
    );
  const request = { ...args, frozenLockfile: false, hostMirrors: true };
  const report = cliReport(io, 'verify');
  const runner = await resolveHost();
  const setting = installSetting({ frontEnd: 'cli', runner, request, report, actionsCache: null });
  return smokeRunner(setting).run(binaries, {
    target: args.target,
    sysroot: args.sysroot,
    libc: args.libc,
    args: args.smoke,
  });
}
