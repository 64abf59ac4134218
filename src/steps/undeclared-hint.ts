/**
 * The hint for a cgo compile error on C names the sysroot's headers lack: the target package
 * nearest them, its version in the sysroot (recorded there from the lock entry), and the newer
 * releases of the same family that have a newer one — asked of the real archive through the
 * private apt of the target's architecture, never assumed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  nearestLibrary,
  undeclaredCNames,
  undeclaredHint,
  type NewerRelease,
} from '../domain/go/undeclared.js';
import { compareDebianVersions } from '../domain/toolchain/debian-version.js';
import { RELEASES } from '../domain/toolchain/releases.js';
import {
  parseTargetInfo,
  sharedLibraries,
  TARGET_INFO_PATH,
} from '../domain/toolchain/target-info.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { compareDotted } from '../domain/version.js';
import type { InstallSetting } from './install-options.js';
import { hostOf, sourceDeps } from './prepare-toolchain.js';
import { withReachableApt } from './resolve-packages.js';

export async function undeclaredNamesHint(
  output: string,
  sysroot: string,
  plan: ToolchainPlan,
  setting: InstallSetting,
): Promise<string | null> {
  const names = undeclaredCNames(output);
  const [first] = names;
  if (first === undefined) return null;
  const path = join(sysroot, TARGET_INFO_PATH);
  const text = await readFile(path, 'utf8').catch(() => null);
  const info = text === null ? null : parseTargetInfo(text, path);
  if (info === null || 'error' in info) return null;
  const lib = nearestLibrary(first, sharedLibraries(info));
  const release = `${plan.release.family} ${plan.release.codename}`;
  const packages = info.map((p) => ({ name: p.name, version: p.version }));
  if (lib === null) return undeclaredHint({ names, library: null, packages, release, newer: [] });
  const newer = await newerVersions(lib.package, lib.version, plan, setting).catch(
    (e: unknown) => ({ unknown: e instanceof Error ? e.message : String(e) }),
  );
  return undeclaredHint({
    names,
    library: {
      package: lib.package,
      version: lib.version,
      hasSymbol: [...lib.symbols.keys()].some((k) => k.replace(/@.*$/, '') === first),
    },
    packages,
    release,
    newer,
  });
}

async function newerVersions(
  name: string,
  version: string,
  plan: ToolchainPlan,
  setting: InstallSetting,
): Promise<NewerRelease[]> {
  const { family, glibc } = plan.release;
  if (family !== 'debian' && family !== 'ubuntu') return [];
  const host = hostOf(setting.runner);
  const out: NewerRelease[] = [];
  const later = RELEASES.filter(
    (r) => r.family === family && compareDotted(r.glibc, glibc) > 0,
  ).sort((a, b) => compareDotted(a.glibc, b.glibc));
  for (const r of later) {
    const deps = sourceDeps(setting, r.codename, host, plan.targetDebianArch);
    // The apt state is pruned afterwards, as after every resolution.
    const found = await withReachableApt(
      await deps.targetMirrors(),
      {
        release: r,
        arch: plan.targetDebianArch,
        stateRoot: deps.stateRoot,
        log: () => undefined,
        components: family === 'ubuntu' ? ['main', 'universe'] : ['main'],
      },
      (apt) => apt.resolve([name]).catch(() => []),
    );
    const v = found[0]?.version;
    if (v !== undefined && compareDebianVersions(v, version) > 0)
      out.push({ release: `${r.family} ${r.codename}`, glibc: r.glibc, version: v });
  }
  return out;
}
