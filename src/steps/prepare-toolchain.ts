/**
 * "Prepare the toolchain", as both front ends do it: the plan for a target and floor, the host
 * compiler it runs, the install through the lifecycle from the right source, and the cgo env.
 * What it has to say goes through the report port, in its own words.
 */
import { anyOnPath, hostMirrors, type Mirror } from '../adapters/host-tools.js';
import { cgoEnv, type EnvMap } from '../domain/go/cgo-env.js';
import { formatTarget } from '../domain/platform.js';
import type { ToolchainRequest } from '../domain/request.js';
import { hostInfoOf } from '../domain/runner/host.js';
import type { HostFacts } from '../domain/runner/runner.js';
import { describeClang } from '../domain/toolchain/clang.js';
import { candidateMirrors } from '../domain/toolchain/mirrors.js';
import { targetArchive } from '../domain/toolchain/target-mirrors.js';
import { runnerLimitNotice } from '../domain/toolchain/compiler-host.js';
import {
  planToolchain,
  toolchainOf,
  type HostInfo,
  type ToolchainPlan,
} from '../domain/toolchain/toolchain-plan.js';
import { hostCompilerFor } from './host-compiler.js';
import { install } from './install.js';
import { installPackageSet } from './install-package-set.js';
import type { Installed, InstallSetting } from './install-options.js';
import type { SourceDeps } from './install-source.js';
import { kindOf, layoutOf } from './kinds/registry.js';

export class PrepareError extends Error {}

export interface PreparedToolchain {
  plan: ToolchainPlan;
  installed: Installed;
  env: EnvMap;
}

/** The toolchain `r` asks for, installed as the run's setting `s` says. */
export async function prepareToolchain(
  s: InstallSetting,
  r: ToolchainRequest,
): Promise<PreparedToolchain> {
  const name = formatTarget(r.target);
  const host = hostOf(s.runner);
  const plan = planToolchain(
    host,
    r.target,
    r.glibc,
    r.compiler.compiler,
    r.packages,
    r.release,
    r.musl,
  );
  if ('error' in plan) throw new PrepareError(plan.error);
  const kind = kindOf(plan);
  for (const n of kind.notices(plan)) s.report.notice(n.message, n.title);
  if (plan.runnerLimited !== null)
    s.report.notice(
      runnerLimitNotice(plan.floor, name, plan.release, plan.runnerLimited),
      `cgo-abi-guard: ${name} release for this runner`,
    );
  const { clang, caveat } = await hostCompilerFor(plan, r.compiler);
  if (clang !== null) s.report.info(`${name}: using ${describeClang(clang)}`);
  if (caveat !== null) s.report.warning(caveat, `cgo-abi-guard: ${name} with clang`);
  const deps = sourceDeps(s, plan.release.codename, host, plan.targetDebianArch);
  // Target packages are a layer over the toolchain a plan without them installs.
  const installed =
    plan.packages.length > 0
      ? await installPackageSet(plan, kind.source(toolchainOf(plan), clang, deps), deps, s)
      : await install(kind.source(plan, clang, deps), s);
  // The pkg-config wrapper runs the host's: without one, `#cgo pkg-config:` lines fail.
  if (r.packages.length > 0 && !(await anyOnPath(['pkg-config', 'pkgconf'])))
    s.report.warning(NO_PKG_CONFIG, `cgo-abi-guard: ${name} pkg-config`);
  const env = { ...cgoEnv(plan, installed.dir, layoutOf(plan)), ...kind.env?.(plan) };
  return { plan, installed, env };
}

const NO_PKG_CONFIG =
  "this runner has no pkg-config (nor pkgconf) on PATH: a `#cgo pkg-config:` line will fail, since the target packages' .pc files are read with the host's pkg-config (a host tool: apt-get install pkg-config; GitHub's Ubuntu images have it)";

export function hostOf(runner: HostFacts): HostInfo {
  const host = hostInfoOf(runner);
  if ('error' in host) throw new PrepareError(host.error);
  return host;
}

/** What a source needs, its mirrors those of `codename` (the release its packages come from). */
export function sourceDeps(
  r: InstallSetting,
  codename: string,
  host: HostInfo,
  targetArch: string = host.debianArch,
): SourceDeps {
  const mirrors = (): Promise<Mirror[]> =>
    hostMirrors({
      extra: r.mirrors.extra,
      useHost: r.mirrors.useHost,
      hostCodename: r.runner.distro.codename,
      codename,
      arch: host.debianArch,
    });
  return {
    mirrors,
    targetMirrors: async (): Promise<Mirror[]> => {
      const archive = targetArchive(host.family, host.debianArch, targetArch);
      if (archive === null || !r.mirrors.useHost) return mirrors();
      // The other archive of the host's distribution, signed with the same keyring.
      const keyring = (await mirrors()).find((m) => m.keyring !== null)?.keyring ?? null;
      return candidateMirrors(r.mirrors.extra, [{ uri: archive, keyring }]);
    },
    stateRoot: r.toolCache.stateRoot,
    lockPath: r.lockPath,
    unfreeze: r.unfreeze ?? 'without --frozen',
    report: r.report,
  };
}
