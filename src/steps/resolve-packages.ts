/** No lock entry yet: resolve exact package versions and hashes through a private apt. */
import { join } from 'node:path';
import { AptError, PrivateApt, pruneAptState } from '../adapters/apt.js';
import type { LockedToolchain } from '../domain/toolchain/lockfile.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import { releaseName } from '../domain/toolchain/releases.js';
import { stripToolPackages } from '../domain/toolchain/debug-strip.js';
import {
  compilerHostLibraries,
  compilerPackages,
  GCC_META_PACKAGE,
  gccMajorFromDepends,
  sysrootPackages,
  type ToolchainPlan,
} from '../domain/toolchain/toolchain-plan.js';

export class ResolveError extends Error {}

/** The packages of the target's side for a gcc major (the glibc sysroot: sysrootPackages). */
export type SysrootPackages = (plan: ToolchainPlan, gccMajor: string) => string[];

export async function resolveEntry(
  plan: ToolchainPlan,
  mirrors: readonly Mirror[],
  stateRoot: string,
  log: (line: string) => void,
  sysroot: SysrootPackages = sysrootPackages,
): Promise<LockedToolchain> {
  log(
    `resolving packages for ${plan.lockKey} from ${plan.release.family} ${plan.release.codename}`,
  );
  const at = { release: plan.release, arch: plan.host.debianArch, stateRoot, log };
  return withReachableApt(mirrors, at, (apt) => resolveWith(apt, plan, sysroot));
}

async function resolveWith(
  apt: PrivateApt,
  plan: ToolchainPlan,
  sysroot: SysrootPackages,
): Promise<LockedToolchain> {
  const gccMajor = gccMajorFromDepends(await apt.dependsOf(GCC_META_PACKAGE));
  if (gccMajor === null) {
    throw new ResolveError(
      `${plan.release.codename}: the ${GCC_META_PACKAGE} package does not name a default gcc version`,
    );
  }
  const tools = compilerPackages(plan, gccMajor);
  const toolDepends = (await Promise.all(tools.map((t) => apt.dependsOf(t)))).flat();
  const names = [...sysroot(plan, gccMajor), ...tools, ...compilerHostLibraries(toolDepends)];
  const packages = await apt.resolve(names);
  const stripTools = await apt.resolve(stripToolPackages(plan));
  return {
    key: plan.lockKey,
    release: releaseName(plan.release),
    packages,
    ...(stripTools.length === 0 ? {} : { tools: stripTools }),
  };
}

export interface AptTarget {
  release: { family: string; codename: string };
  /** The host's dpkg architecture. */
  arch: string;
  stateRoot: string;
  components?: string[];
  log: (line: string) => void;
}

const stateDirOf = (t: AptTarget): string =>
  join(t.stateRoot, 'apt', `${t.release.family}-${t.release.codename}-${t.arch}`);

/**
 * `use` on the release's apt, whose index lists and caches are removed afterwards, whatever the
 * outcome (pruneAptState): the tool cache keeps no apt state beyond a resolution. Resolutions run
 * under the install mutex, so no other one uses the same state meanwhile.
 */
export async function withReachableApt<T>(
  mirrors: readonly Mirror[],
  t: AptTarget,
  use: (apt: PrivateApt) => Promise<T>,
): Promise<T> {
  try {
    return await use(await reachableApt(mirrors, t));
  } finally {
    await pruneAptState(stateDirOf(t));
  }
}

/** The signed index of the release from the first mirror that serves it, in the given order. */
async function reachableApt(mirrors: readonly Mirror[], t: AptTarget): Promise<PrivateApt> {
  const { family, codename } = t.release;
  const failed: string[] = [];
  for (const mirror of mirrors) {
    const apt = new PrivateApt({
      stateDir: stateDirOf(t),
      mirror: mirror.uri,
      ...(mirror.keyring === null ? {} : { keyring: mirror.keyring }),
      suite: codename,
      arch: t.arch,
      ...(t.components === undefined ? {} : { components: t.components }),
    });
    try {
      await apt.update();
      if (failed.length > 0) t.log(`using ${mirror.uri} (${failed.join('; ')})`);
      return apt;
    } catch (error) {
      if (!(error instanceof AptError)) throw error;
      failed.push(error.message);
    }
  }
  throw new ResolveError(
    `no mirror serves ${family} ${codename} for ${t.arch}: ${failed.length > 0 ? failed.join('; ') : 'no mirror to try'}`,
  );
}
