/** `verify --smoke`: the verified executables started against the floor sysroot's glibc. */
import { hostMirrors } from '../adapters/host-tools.js';
import { resolveRunner } from '../adapters/runner.js';
import { stateRoot, toolCacheArch, toolCacheRoot } from '../adapters/tool-cache.js';
import { hostInfoOf } from '../domain/runner/host.js';
import type { Target } from '../domain/platform.js';
import type { BinaryResult } from '../domain/report/report.js';
import { smokeArgs, type SmokeResult } from '../domain/toolchain/smoke.js';
import { installQemu } from '../steps/install-qemu.js';
import { smokeRun } from '../steps/smoke.js';
import type { Io } from './io.js';
import type { VerifyArgs } from './verify-args.js';

export class SmokeSetupError extends Error {}

export async function cliSmoke(
  args: VerifyArgs & { smoke: string; target: Target },
  binaries: readonly BinaryResult[],
  io: Io,
): Promise<SmokeResult[]> {
  const sysroot = args.sysroot ?? process.env.PKG_CONFIG_SYSROOT_DIR ?? '';
  if (sysroot === '')
    throw new SmokeSetupError(
      "--smoke needs the floor's sysroot: pass --sysroot DIR, or eval the output of `env` first (it exports PKG_CONFIG_SYSROOT_DIR)",
    );
  const runner = await resolveRunner({ cwd: process.cwd(), env: process.env });
  const host = hostInfoOf(runner);
  if ('error' in host) throw new SmokeSetupError(host.error);
  const codename = runner.distro.codename ?? '';
  return smokeRun(binaries, {
    target: args.target,
    hostGoarch: host.goarch,
    sysroot,
    args: smokeArgs(args.smoke),
    qemuDir: async () => {
      if (codename === '')
        throw new SmokeSetupError(
          'the host names no release codename to take qemu-user-static from',
        );
      const q = await installQemu({
        host,
        codename,
        lockPath: args.lock,
        frozen: false,
        mirrors: () =>
          hostMirrors({
            extra: args.mirror === null ? [] : [args.mirror],
            useHost: true,
            hostCodename: codename,
            codename,
            arch: host.debianArch,
          }),
        toolCacheRoot: toolCacheRoot(process.env),
        stateRoot: stateRoot(process.env),
        cacheArch: toolCacheArch(),
        log: (line) => {
          io.err(`cgo-abi-guard verify: ${line}\n`);
        },
      });
      return q.dir;
    },
  });
}
