/** No lock entry yet: resolve exact package versions and hashes through a private apt. */
import { join } from 'node:path';
import { PrivateApt } from '../adapters/apt.js';
import type { Mirror } from '../adapters/host-tools.js';
import { stripToolPackages } from '../domain/debug-strip.js';
import type { LockedToolchain } from '../domain/lockfile.js';
import {
  compilerHostLibraries,
  compilerPackages,
  GCC_META_PACKAGE,
  gccMajorFromDepends,
  sysrootPackages,
  type ToolchainPlan,
} from '../domain/toolchain-plan.js';

export class ResolveError extends Error {}

export async function resolveEntry(
  plan: ToolchainPlan,
  mirror: Mirror,
  stateRoot: string,
  log: (line: string) => void,
): Promise<LockedToolchain> {
  const apt = new PrivateApt({
    stateDir: join(
      stateRoot,
      'apt',
      `${plan.release.family}-${plan.release.codename}-${plan.host.debianArch}`,
    ),
    mirror: mirror.uri,
    ...(mirror.keyring === null ? {} : { keyring: mirror.keyring }),
    suite: plan.release.codename,
    arch: plan.host.debianArch,
  });
  log(`resolving packages for ${plan.key} from ${plan.release.family} ${plan.release.codename}`);
  await apt.update();
  const gccMajor = gccMajorFromDepends(await apt.dependsOf(GCC_META_PACKAGE));
  if (gccMajor === null) {
    throw new ResolveError(
      `${plan.release.codename}: the ${GCC_META_PACKAGE} package does not name a default gcc version`,
    );
  }
  const tools = compilerPackages(plan, gccMajor);
  const toolDepends = (await Promise.all(tools.map((t) => apt.dependsOf(t)))).flat();
  const names = [
    ...sysrootPackages(plan, gccMajor),
    ...tools,
    ...compilerHostLibraries(toolDepends),
  ];
  const packages = await apt.resolve(names);
  const stripTools = await apt.resolve(stripToolPackages(plan));
  return {
    key: plan.key,
    release: `${plan.release.family}/${plan.release.codename}`,
    packages,
    ...(stripTools.length === 0 ? {} : { tools: stripTools }),
  };
}
