/**
 * Checks of what a user writes that both front ends share (the action's inputs, the CLI's
 * flags): one wording, one normal form, so one floor is one lock key whichever way it came.
 */
import { isDottedVersion } from './version.js';

/**
 * A glibc version as a floor or ceiling (`glibc`, `--glibc`), in its normal form: `2.31.0` and
 * `2.031` are `2.31` (trailing zero parts past the second and leading zeros dropped), so they
 * make the same lock key and cache key. A `2.N` with one digit N is refused: glibc 2.1 … 2.9
 * are older than any floor, and YAML reads an unquoted `2.30` as the number 2.3, which is what
 * reaches the action (from a `with:` value or a matrix).
 */
export function parseGlibcVersion(text: string): { version: string } | { error: string } {
  const value = text.trim();
  if (!isDottedVersion(value)) return { error: `"${value}" is not a version like 2.31` };
  const parts = value.split('.').map((p) => p.replace(/^0+(?=\d)/, ''));
  while (parts.length > 2 && parts.at(-1) === '0') parts.pop();
  const version = parts.join('.');
  const shortened = /^2\.([1-9])$/.exec(value)?.[1];
  if (shortened !== undefined) {
    const meant = `2.${shortened}0`;
    return {
      error: `"${value}" is probably ${meant} written unquoted in YAML, which reads ${meant} as the number ${version}: quote it ('${meant}'); glibc ${version} itself is older than any floor (from 2.17)`,
    };
  }
  return { version };
}

/** Why an input that only a toolchain install uses has nothing to go into with this libc. */
export function toolchainInputError(name: 'packages' | 'release', libc: 'none'): string {
  const what = name === 'packages' ? "go into the toolchain's sysroot" : 'choose the toolchain';
  return `libc ${libc} installs no toolchain (the build brings its own compiler), so ${name} would ${what} that is not there: remove ${name}, or set libc: glibc`;
}

/** What `smoke` says when there is nothing to start: no build to run and nothing to verify. */
export const SBOM_WITHOUT_BINARIES =
  'sbom is true but there is nothing to describe: with no run and no artifacts no binary is built or verified, so no SBOM is written (output sbom is empty); set run (or artifacts), or remove sbom';

export const SMOKE_WITHOUT_BINARIES =
  'smoke is set but there is nothing to start: with no run and no artifacts no binary is built or verified, so no smoke run happens; set run (or artifacts), or remove smoke';
