/**
 * The target's own C libraries in the sysroot (`packages`): resolved with their dependency closure
 * through a private apt of the target's architecture (native there: no foreign-architecture setup,
 * the host untouched), and recorded in the tree with their shlibs and symbols files, so verify can
 * say what a binary needs of them at run time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PrivateApt } from '../adapters/apt.js';
import { debControlFile } from '../adapters/deb-control.js';
import type { TargetPackages } from '../domain/toolchain/lockfile.js';
import { runnerLimitHint } from '../domain/toolchain/compiler-host.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import {
  renderTargetInfo,
  TARGET_INFO_PATH,
  type TargetPackageInfo,
} from '../domain/toolchain/target-info.js';
import { stanzaOf, targetClosure, type Stanza } from '../domain/toolchain/target-packages.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { ResolveError, withReachableApt } from './resolve-packages.js';

export async function resolveTargetPackages(
  plan: ToolchainPlan,
  mirrors: readonly Mirror[],
  stateRoot: string,
  log: (line: string) => void,
): Promise<TargetPackages> {
  const { family, codename } = plan.release;
  log(
    `resolving ${plan.packages.join(', ')} for ${plan.targetDebianArch} from ${family} ${codename}`,
  );
  const at = {
    release: plan.release,
    arch: plan.targetDebianArch,
    stateRoot,
    log,
    // Ubuntu keeps many -dev packages (libbpf-dev, librdkafka-dev) in universe.
    components: family === 'ubuntu' ? ['main', 'universe'] : ['main'],
  };
  return withReachableApt(mirrors, at, (apt) => closureOf(apt, plan)).catch((e: unknown) => {
    if (!(e instanceof ResolveError) || !/has no \S+ packages/.test(e.message)) throw e;
    throw new ResolveError(
      `${e.message}. Packages for ${plan.targetDebianArch} need a mirror that carries them (input mirror, --mirror), a higher floor whose release has them, or a release that has them (input release, --release: the sysroot is capped at the floor, and the packages' libraries are judged against it)${runnerLimitHint(plan.runnerLimited)}`,
    );
  });
}

async function closureOf(apt: PrivateApt, plan: ToolchainPlan): Promise<TargetPackages> {
  const { packages, stanzas } = await apt.resolveInstall(plan.packages).catch((e: unknown) => {
    throw new ResolveError(
      `${plan.lockKey}: ${(e as Error).message}${runnerLimitHint(plan.runnerLimited)}`,
    );
  });
  const closure = targetClosure(
    plan.packages,
    stanzas.map(stanzaOf).filter((s): s is Stanza => s !== null),
  );
  if ('error' in closure) throw new ResolveError(`${plan.lockKey}: ${closure.error}`);
  const keep = new Set(closure.packages.map((s) => `${s.name}=${s.version}`));
  return {
    requested: plan.packages,
    packages: packages.filter((p) => keep.has(`${p.name}=${p.version}`)),
  };
}

/** Writes what verify reads of the target packages (their shlibs and symbols) into the tree. */
export async function recordTargetInfo(
  root: string,
  target: TargetPackages,
  debs: readonly string[],
): Promise<void> {
  const info: TargetPackageInfo[] = [];
  for (const [i, p] of target.packages.entries()) {
    const deb = debs[i];
    if (deb === undefined) throw new Error(`no fetched file for ${p.name}`);
    info.push({
      name: p.name,
      version: p.version,
      arch: p.arch,
      shlibs: await debControlFile(deb, 'shlibs'),
      symbols: await debControlFile(deb, 'symbols'),
    });
  }
  const path = join(root, TARGET_INFO_PATH);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, renderTargetInfo(info));
}
