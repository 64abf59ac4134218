/**
 * What the distributions at a glibc floor ship of libstdc++ and libgcc_s, to derive GLIBCXX /
 * CXXABI / GCC ceilings from the glibc floor when the policy names none. Each row is the newest
 * version node the distribution's own libstdc++.so.6 / libgcc_s.so.1 define (data/releases.ts).
 */
import { FLOOR_DISTRIBUTIONS, RELEASE_ROWS, type CxxRuntime } from '../data/releases.js';
import { compareDotted } from '../version.js';

export interface CxxFloor {
  glibc: string;
  distros: string;
  GLIBCXX: string;
  CXXABI: string;
  GCC: string;
}

/**
 * One row per glibc of data/releases.ts's releases and floor distributions that record their C++
 * runtime, lowest first, naming the distributions at that glibc (which ship the same ceilings).
 */
export const CXX_FLOORS: readonly CxxFloor[] = cxxFloorsOf([
  ...RELEASE_ROWS,
  ...FLOOR_DISTRIBUTIONS,
]);

function cxxFloorsOf(
  rows: readonly { name: string; glibc: string; cxx: CxxRuntime | null }[],
): CxxFloor[] {
  const byGlibc = new Map<string, { names: string[]; cxx: CxxRuntime }>();
  for (const { name, glibc, cxx } of rows) {
    if (cxx === null) continue;
    const group = byGlibc.get(glibc);
    if (group === undefined) byGlibc.set(glibc, { names: [name], cxx });
    else group.names.push(name);
  }
  return [...byGlibc]
    .sort(([a], [b]) => compareDotted(a, b))
    .map(([glibc, { names, cxx }]) => ({
      glibc,
      distros: `${names.join(', ')} (gcc ${cxx.gcc})`,
      GLIBCXX: cxx.GLIBCXX,
      CXXABI: cxx.CXXABI,
      GCC: cxx.GCC,
    }));
}

/** The newest row whose glibc is at or below the floor; the oldest row for lower floors. */
export function cxxFloorFor(glibcFloor: string): CxxFloor {
  let best: CxxFloor | undefined;
  for (const row of CXX_FLOORS) if (compareDotted(row.glibc, glibcFloor) <= 0) best = row;
  return best ?? (CXX_FLOORS[0] as CxxFloor);
}
