/** Per target: plan, restore from @actions/cache, install into the tool cache, the build env. */
import * as core from '@actions/core';
import { dirname } from 'node:path';
import { restoreTree } from '../adapters/cache-tree.js';
import { readLockfileText } from '../adapters/lockfile-file.js';
import { hostMirrors } from '../adapters/host-tools.js';
import {
  findTool,
  stateRoot,
  toolCacheArch,
  toolCacheRoot,
  toolDir,
} from '../adapters/tool-cache.js';
import { toolchainCacheKey } from '../domain/toolchain/cache-key.js';
import { cgoEnv, type EnvMap } from '../domain/go/cgo-env.js';
import { hostInfoOf } from '../domain/runner/host.js';
import { findToolchain, lockIdentity, parseLockfile } from '../domain/toolchain/lockfile.js';
import { formatTarget, type Target } from '../domain/platform.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { planToolchain, type ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { describeClang } from '../domain/toolchain/clang.js';
import { hostCompilerFor } from '../steps/host-compiler.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import { npmNotice } from '../domain/toolchain/npm-toolchains.js';
import { installToolchain, toolVersion, type Installed } from '../steps/install.js';
import type { ActionInputs } from './inputs.js';

export class StepError extends Error {}

export interface PreparedTarget {
  target: Target;
  name: string;
  plan: ToolchainPlan;
  installed: Installed;
  env: EnvMap;
  /** What the post step saves when the toolchain did not come from the cache. */
  cache: { key: string; paths: string[]; restored: boolean } | null;
}

export async function prepareTarget(
  target: Target,
  inputs: ActionInputs,
  runner: RunnerFacts,
): Promise<PreparedTarget> {
  const name = formatTarget(target);
  const host = hostInfoOf(runner);
  if ('error' in host) throw new StepError(host.error);
  const plan = planToolchain(host, target, inputs.glibc, inputs.compiler.compiler);
  if ('error' in plan) throw new StepError(plan.error);
  if (plan.npm !== null)
    core.notice(npmNotice(inputs.glibc, name, plan.npm), { title: `cgo-abi-guard: ${name} C++` });
  const { clang, caveat } = await hostCompilerFor(plan, inputs.compiler);
  if (clang !== null) core.info(`cgo-abi-guard: ${name}: ${describeClang(clang)}`);
  if (caveat !== null) core.warning(caveat, { title: `cgo-abi-guard: ${name} with clang` });

  const env = process.env;
  const root = toolCacheRoot(env);
  const arch = toolCacheArch();
  let restored = false;
  if (inputs.cache) restored = await restoreLocked(plan, inputs.lockfile, root, arch);
  const installed = await installToolchain({
    plan,
    lockPath: inputs.lockfile,
    frozen: inputs.frozenLockfile,
    mirrors: () => runnerMirrors(inputs, runner, plan.release.codename, plan.host.debianArch),
    clang,
    toolCacheRoot: root,
    stateRoot: stateRoot(env),
    cacheArch: arch,
    log: (line) => {
      core.info(`cgo-abi-guard: ${line}`);
    },
  });
  if (installed.lockWritten !== null) {
    core.notice(
      `wrote ${installed.lockWritten} for ${plan.key}: commit it so every run installs the same bytes`,
      {
        title: 'cgo-abi-guard lockfile',
      },
    );
  }
  const cache = inputs.cache
    ? {
        key: cacheKey(plan, lockIdentity(installed.entry), arch),
        paths: [dirname(installed.dir)],
        restored: restored && installed.cacheHit,
      }
    : null;
  return { target, name, plan, installed, env: cgoEnv(plan, installed.dir), cache };
}

/** The mirrors to fetch a release's packages from: the mirror input, then the runner's own. */
export function runnerMirrors(
  inputs: ActionInputs,
  runner: RunnerFacts,
  codename: string,
  arch: string,
): Promise<Mirror[]> {
  return hostMirrors({
    extra: inputs.mirrors,
    useHost: inputs.hostMirrors,
    hostCodename: runner.distro.codename,
    codename,
    arch,
  });
}

function cacheKey(plan: ToolchainPlan, identity: string, arch: string): string {
  return toolchainCacheKey({
    targetKey: plan.key,
    lockIdentity: identity,
    hostArch: arch,
    imageOs: process.env.ImageOS,
    imageVersion: process.env.ImageVersion,
  });
}

/** With a lock entry, the cache key is known before anything is resolved: restore first. */
async function restoreLocked(
  plan: ToolchainPlan,
  lockPath: string,
  root: string,
  arch: string,
): Promise<boolean> {
  const text = await readLockfileText(lockPath).catch(() => null); // the install reports it
  if (text === null) return false;
  const lock = parseLockfile(text, lockPath);
  if ('error' in lock) return false; // the install reports it
  const entry = findToolchain(lock, plan.key);
  if (entry === undefined) return false;
  const version = toolVersion(plan, entry);
  if (findTool(root, plan.toolName, version, arch) !== null) return true;
  const dir = toolDir(root, plan.toolName, version, arch);
  const { hit, warning } = await restoreTree(
    dirname(dir),
    cacheKey(plan, lockIdentity(entry), arch),
    (line) => {
      core.info(line);
    },
  );
  if (warning !== null) core.warning(warning, { title: 'cgo-abi-guard cache' });
  return hit;
}
