/** The action's `smoke` input: each target's verified executables run on its floor's glibc. */
import * as core from '@actions/core';
import { stateRoot, toolCacheArch, toolCacheRoot } from '../adapters/tool-cache.js';
import { sysrootDir } from '../domain/go/cgo-env.js';
import { hostInfoOf } from '../domain/runner/host.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { smokeArgs, type SmokeResult } from '../domain/toolchain/smoke.js';
import { installQemu } from '../steps/install-qemu.js';
import { smokeRun } from '../steps/smoke.js';
import type { TargetOutcome } from './build-verify.js';
import type { ActionInputs } from './inputs.js';
import { runnerMirrors, StepError } from './toolchains.js';

/** Per target (as outcomes name it), the smoke results; targets without a toolchain have none. */
export async function smokeTargets(
  outcomes: readonly TargetOutcome[],
  inputs: ActionInputs & { smoke: string },
  runner: RunnerFacts,
): Promise<Map<string, SmokeResult[]>> {
  const host = hostInfoOf(runner);
  if ('error' in host) throw new StepError(host.error);
  let qemu: Promise<string> | null = null;
  const qemuDir = (): Promise<string> =>
    (qemu ??= installQemu({
      host,
      codename: runner.distro.codename ?? '',
      lockPath: inputs.lockfile,
      frozen: inputs.frozenLockfile,
      mirrors: () => runnerMirrors(inputs, runner, runner.distro.codename ?? '', host.debianArch),
      toolCacheRoot: toolCacheRoot(process.env),
      stateRoot: stateRoot(process.env),
      cacheArch: toolCacheArch(),
      log: (line) => {
        core.info(`cgo-abi-guard: ${line}`);
      },
    }).then((q) => q.dir));
  const results = new Map<string, SmokeResult[]>();
  for (const o of outcomes) {
    if (o.prep === null) continue;
    results.set(
      o.target,
      await smokeRun(o.report.binaries, {
        target: o.prep.target,
        hostGoarch: host.goarch,
        sysroot: sysrootDir(o.prep.plan, o.prep.installed.dir),
        args: smokeArgs(inputs.smoke),
        qemuDir,
      }),
    );
  }
  return results;
}
