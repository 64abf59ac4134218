/**
 * Distribution releases a toolchain can be taken from, by glibc version. A floor picks the newest
 * release of the host's own family whose glibc is at or below it.
 */
import { NPM_TOOLCHAINS, RELEASE_ROWS, type Family } from '../data/releases.js';
import { compareDotted } from '../version.js';

export type { Family } from '../data/releases.js';

/** Where a release's packages come from: a distribution, or the npm toolchains below them. */
export type Source = Family | 'napi-rs';

export interface Release {
  family: Source;
  codename: string;
  glibc: string;
}

/** The releases of data/releases.ts, as the planner names them. */
export const RELEASES: readonly Release[] = RELEASE_ROWS.map(({ family, codename, glibc }) => ({
  family,
  codename,
  glibc,
}));

/** The family whose packages and mirror the host can use, from /etc/os-release ID and ID_LIKE. */
export function familyOf(id: string, idLike: readonly string[]): Family | null {
  for (const candidate of [id, ...idLike]) {
    if (candidate === 'ubuntu' || candidate === 'debian') return candidate;
  }
  return null;
}

/** The npm toolchains' stand-in release, for floors below every release of the host's family. */
export const NPM_RELEASE: Release = {
  family: NPM_TOOLCHAINS.family,
  codename: NPM_TOOLCHAINS.codename,
  glibc: NPM_TOOLCHAINS.glibc,
};

export function releaseForFloor(family: Family, floor: string): Release | { error: string } {
  const ofFamily = RELEASES.filter((r) => r.family === family).sort((a, b) =>
    compareDotted(a.glibc, b.glibc),
  );
  const fitting = ofFamily.filter((r) => compareDotted(r.glibc, floor) <= 0);
  const best = fitting.at(-1);
  if (best !== undefined) return best;
  const offers = ofFamily.map((r) => `${r.glibc} (${r.codename})`).join(', ');
  return {
    error: `no ${family} release has a glibc at or below ${floor}; floors that can be met: ${offers}`,
  };
}

/** How a lock entry names its release: `debian/bullseye`. */
export function releaseName(r: Release): string {
  return `${r.family}/${r.codename}`;
}

export { QEMU_PACKAGES, QEMU_SOURCES } from '../data/releases.js';

/** Its cross ld writes the whole path of a start file into .symtab (data/releases.ts). */
export function ldWritesObjectPaths(release: Release): boolean {
  return RELEASE_ROWS.some(
    (r) => r.family === release.family && r.codename === release.codename && r.ldWritesObjectPaths,
  );
}
