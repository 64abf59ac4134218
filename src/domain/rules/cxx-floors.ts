/**
 * What the distributions at a glibc floor ship of libstdc++ and libgcc_s, to derive GLIBCXX /
 * CXXABI / GCC ceilings from the glibc floor when the policy names none. Each row is the newest
 * version node the distribution's own libstdc++.so.6 / libgcc_s.so.1 define.
 */
import { compareDotted } from '../version.js';

export interface CxxFloor {
  glibc: string;
  distros: string;
  GLIBCXX: string;
  CXXABI: string;
  GCC: string;
}

export const CXX_FLOORS: readonly CxxFloor[] = [
  {
    glibc: '2.17',
    distros: 'CentOS 7 (gcc 4.8)',
    GLIBCXX: '3.4.19',
    CXXABI: '1.3.7',
    GCC: '4.8.0',
  },
  { glibc: '2.24', distros: 'Debian 9 (gcc 6)', GLIBCXX: '3.4.22', CXXABI: '1.3.10', GCC: '4.8.0' },
  {
    glibc: '2.27',
    distros: 'Ubuntu 18.04 (gcc 8)',
    GLIBCXX: '3.4.25',
    CXXABI: '1.3.11',
    GCC: '7.0.0',
  },
  {
    glibc: '2.28',
    distros: 'Debian 10, RHEL 8 (gcc 8)',
    GLIBCXX: '3.4.25',
    CXXABI: '1.3.11',
    GCC: '7.0.0',
  },
  {
    glibc: '2.31',
    distros: 'Debian 11, Ubuntu 20.04 (gcc 10)',
    GLIBCXX: '3.4.28',
    CXXABI: '1.3.12',
    GCC: '7.0.0',
  },
  { glibc: '2.34', distros: 'RHEL 9 (gcc 11)', GLIBCXX: '3.4.29', CXXABI: '1.3.13', GCC: '7.0.0' },
  {
    glibc: '2.35',
    distros: 'Ubuntu 22.04 (gcc 12)',
    GLIBCXX: '3.4.30',
    CXXABI: '1.3.13',
    GCC: '12.0.0',
  },
  {
    glibc: '2.36',
    distros: 'Debian 12 (gcc 12)',
    GLIBCXX: '3.4.30',
    CXXABI: '1.3.13',
    GCC: '12.0.0',
  },
  {
    glibc: '2.39',
    distros: 'Ubuntu 24.04 (gcc 14)',
    GLIBCXX: '3.4.33',
    CXXABI: '1.3.15',
    GCC: '14.0.0',
  },
  {
    glibc: '2.41',
    distros: 'Debian 13 (gcc 14)',
    GLIBCXX: '3.4.33',
    CXXABI: '1.3.15',
    GCC: '14.0.0',
  },
];

/** The newest row whose glibc is at or below the floor; the oldest row for lower floors. */
export function cxxFloorFor(glibcFloor: string): CxxFloor {
  let best: CxxFloor | undefined;
  for (const row of CXX_FLOORS) if (compareDotted(row.glibc, glibcFloor) <= 0) best = row;
  return best ?? (CXX_FLOORS[0] as CxxFloor);
}
