/**
 * A toolchain with target packages: the package set's install first (a misspelt package name
 * fails before the toolchain's work), then the toolchain's own, the very one a build without
 * packages uses, then the two composed into one sysroot (compose-layer.ts).
 */
import { toolchainOf, type ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { composeLayer } from './compose-layer.js';
import { install } from './install.js';
import { readLock, type Installed, type InstallOptions } from './install-options.js';
import type { InstallSource, SourceDeps } from './install-source.js';
import { packageSetSource } from './source-packages.js';

export async function installPackageSet(
  plan: ToolchainPlan,
  /** The source of the toolchain the set goes over: the kind's, for the plan without packages. */
  source: InstallSource<unknown>,
  deps: SourceDeps,
  o: InstallOptions,
): Promise<Installed> {
  const toolchain = toolchainOf(plan);
  if ((await readLock(o.lockPath)).split.includes(plan.lockKey))
    o.report.info(
      `${o.lockPath}: the entry for "${plan.lockKey}" holds the toolchain and its packages in one, as written before package sets were installed over a shared toolchain: it is read as "${toolchain.lockKey}" and the packages over it, with the same pins, and written so ${o.frozen ? 'once the lockfile is not frozen' : 'now'}`,
    );
  const layer = await install(packageSetSource(plan, deps), o);
  const base = await install(source, o);
  const wrappers = source.wrappers(base.entry);
  if (wrappers === null) throw new Error('a toolchain has wrappers');
  return composeLayer(base, layer, wrappers, o);
}
