/** The action's `smoke` input: each target's verified executables run on its floor's glibc. */
import * as core from '@actions/core';
import { stateRoot, toolCacheArch, toolCacheRoot } from '../adapters/tool-cache.js';
import { sysrootDir } from '../domain/go/cgo-env.js';
import { hostInfoOf } from '../domain/runner/host.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { smokeArgs, smokeMessage, type SmokeResult } from '../domain/toolchain/smoke.js';
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
    if (o.problem !== null || o.report.binaries.length === 0) {
      core.info(`cgo-abi-guard: smoke run for ${o.target}: not run (nothing was built to run)`);
      continue;
    }
    core.startGroup(`cgo-abi-guard: smoke run for ${o.target}`);
    const ran = await smokeRun(o.report.binaries, {
      target: o.prep.target,
      hostGoarch: host.goarch,
      sysroot: sysrootDir(o.prep.plan, o.prep.installed.dir),
      args: smokeArgs(inputs.smoke),
      qemuDir,
    });
    for (const r of ran) logRun(r);
    if (ran.length === 0) core.info('no executables to run (shared libraries are not started)');
    core.endGroup();
    results.set(o.target, ran);
  }
  return results;
}

/** The command and the first lines the binary printed, as a build log shows them. */
function logRun(r: SmokeResult): void {
  core.info(`[command]${r.command ?? r.path}`);
  for (const line of r.stdout ?? []) core.info(line);
  for (const line of r.stderr) core.info(line);
  core.info(r.passed ? `${r.path}: runs on glibc ${r.glibc}` : smokeMessage(r));
}
