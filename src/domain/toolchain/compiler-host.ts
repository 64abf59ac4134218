/**
 * Whether a release's own compiler runs on the runner, and what is said when it does not. The
 * cross gcc and binutils of a release are programs of that release: a runner with an older glibc
 * cannot start them (trixie's gcc-14 on Debian 12: `GLIBC_2.38' not found). The host's clang, and
 * the host's gcc on a release's sysroot, run no program of the release. Pure.
 */
import { compareDotted } from '../version.js';
import { releaseName, type Release } from './releases.js';

/** Why the default took an older release than the floor's: the runner's glibc. */
export interface RunnerLimit {
  /** The release the floor alone takes. */
  wanted: Release;
  runnerGlibc: string;
}

/**
 * Whether a release's cross gcc and binutils run on a runner with this glibc. Conservatively the
 * release's own glibc: its programs are linked against it, and the Depends of its compiler
 * packages say about as much (trixie's gcc-14-, cpp-14- and binutils-aarch64-linux-gnu:
 * `libc6 (>= 2.38)`; bookworm's gcc-12- and binutils-: `libc6 (>= 2.36)`; bullseye's gcc-10-:
 * 2.14, its binutils: 2.27), besides the newer libstdc++ a newer gcc loads from the runner.
 */
export function compilerRuns(release: Release, runnerGlibc: string): boolean {
  return compareDotted(release.glibc, runnerGlibc) <= 0;
}

/** One line: the release's compiler cannot run here, and the ways out (the host clang). */
export function compilerCannotRun(
  release: Release,
  runnerGlibc: string,
  floor: string,
  fallback: Release | null,
): string {
  const unset =
    fallback === null
      ? ''
      : `, or leave release unset (floor ${floor} is met by ${releaseName(fallback)}, whose gcc runs here)`;
  return `${releaseName(release)}'s cross gcc needs glibc ${release.glibc} on the runner, which has ${runnerGlibc}: use compiler: clang (--compiler clang), which runs the host clang with ${release.codename}'s sysroot only${unset}`;
}

/** What `env` and the action say when the runner's glibc took an older release than the floor's. */
export function runnerLimitNotice(
  floor: string,
  target: string,
  release: Release,
  limit: RunnerLimit,
): string {
  const w = limit.wanted;
  return `floor ${floor} for ${target} is met by ${releaseName(release)} (glibc ${release.glibc}): ${releaseName(w)}, the floor's own release, has a cross gcc that needs glibc ${w.glibc} on the runner, which has ${limit.runnerGlibc} (compiler: clang would take ${w.codename}'s sysroot with the host clang)`;
}

/**
 * Added to a target package that the older release lacks: the floor's own release may have it,
 * and the host clang can take that release (its packages are only extracted, never run).
 */
export function runnerLimitHint(limit: RunnerLimit | null): string {
  if (limit === null) return '';
  const w = limit.wanted;
  return ` (the floor's own release, ${releaseName(w)}, was not taken because its cross gcc needs glibc ${w.glibc} on the runner, which has ${limit.runnerGlibc}: with compiler: clang (--compiler clang) it is)`;
}
