/**
 * Floors below a release's glibc: the release at or above the floor, its sysroot's glibc capped at
 * the floor (glibc-cap.ts edits the libraries; cap-sysroot.ts in steps does it to an install).
 * Which release a floor takes, what a capped lock entry records, and the shims for the symbols
 * the compiler's own runtime needs that no glibc at the floor has. Pure.
 */
import { ARCHITECTURES } from '../data/architectures.js';
import type { GoArch } from '../platform.js';
import { compilerCannotRun, compilerRuns, type RunnerLimit } from './compiler-host.js';
import { compareDotted, isDottedVersion } from '../version.js';
import { NPM_RELEASE, RELEASES, releaseForFloor, type Family, type Release } from './releases.js';

/** The lowest floor any toolchain meets (CentOS/RHEL 7, manylinux2014). */
export const LOWEST_FLOOR = '2.17';

/** The lowest floor for an architecture: the lowest floor, or its glibc port's first version. */
export function lowestFloorFor(goarch: GoArch): string {
  const first = ARCHITECTURES.find((a) => a.goarch === goarch)?.glibc.first ?? LOWEST_FLOOR;
  return compareDotted(first, LOWEST_FLOOR) > 0 ? first : LOWEST_FLOOR;
}

/** How the `release` input names the npm toolchains (`crosstool-ng`, or `napi-rs/crosstool-ng`). */
export const NPM_RELEASE_NAMES = [NPM_RELEASE.codename, `napi-rs/${NPM_RELEASE.codename}`];

export type ReleaseChoice =
  | {
      release: Release;
      cap: string | null;
      npm: false;
      /** The release the floor alone takes, when the runner's glibc cannot run its compiler. */
      runnerLimited: RunnerLimit | null;
    }
  | { release: Release; cap: null; npm: true; runnerLimited: null };

/**
 * The release for a floor: without a name, the newest release whose glibc is at or below the
 * floor, as it is; below every release, the oldest one, capped at the floor (the least header
 * drift). A named release (`bookworm`, `debian/bookworm`) is taken as it is when its glibc meets
 * the floor and capped at the floor when it is newer; `crosstool-ng` names the npm toolchains.
 *
 * `runnerGlibc`: the runner's glibc when the release's own compiler runs on it (a cross gcc; null
 * when the host's compiler does the work, or the runner's glibc is not known). A release's gcc
 * needs the runner's glibc to be at least the release's, so the default is the newest release
 * whose compiler runs there (a floor is met by any older sysroot), and a named release whose
 * compiler cannot run is refused before anything is installed.
 */
export function chooseRelease(
  family: Family,
  goarch: GoArch,
  floor: string,
  named: string | null,
  runnerGlibc: string | null = null,
): ReleaseChoice | { error: string } {
  const lowest = lowestFloorFor(goarch);
  if (named !== null && NPM_RELEASE_NAMES.includes(named))
    return { release: NPM_RELEASE, cap: null, npm: true, runnerLimited: null };
  if (compareDotted(floor, lowest) < 0)
    return {
      error: `no toolchain meets glibc ${floor} for linux/${goarch}: the lowest floor there is ${lowest}${lowest === LOWEST_FLOOR ? '' : ` (its glibc's first version)`}`,
    };
  const ofFamily = RELEASES.filter((r) => r.family === family).sort((a, b) =>
    compareDotted(a.glibc, b.glibc),
  );
  if (named !== null) {
    const codename = named.startsWith(`${family}/`) ? named.slice(family.length + 1) : named;
    const release = ofFamily.find((r) => r.codename === codename);
    if (release === undefined)
      return {
        error: `release "${named}" is not one of ${[...ofFamily.map((r) => r.codename), NPM_RELEASE.codename].join(', ')}`,
      };
    if (compareDotted(release.glibc, CRT_CHANGE) >= 0 && compareDotted(floor, CRT_CHANGE) < 0)
      return {
        error: `${family}/${release.codename} (glibc ${release.glibc}) cannot be capped below ${CRT_CHANGE}: glibc ${CRT_CHANGE} moved libpthread, libdl and libresolv into libc and its crt1.o leaves the program's constructors to __libc_start_main@@GLIBC_${CRT_CHANGE}, which an older glibc does not run; for floor ${floor} take a release before ${CRT_CHANGE} (the default: ${ofFamily[0]?.codename ?? 'the oldest'})`,
      };
    if (runnerGlibc !== null && !compilerRuns(release, runnerGlibc)) {
      const fallback = chooseRelease(family, goarch, floor, null, runnerGlibc);
      const other = 'error' in fallback ? null : fallback.release;
      return { error: compilerCannotRun(release, runnerGlibc, floor, other) };
    }
    return { release, cap: capFor(release, floor), npm: false, runnerLimited: null };
  }
  const fitting = releaseForFloor(family, floor);
  // Below every release: the oldest, capped at the floor.
  let [wanted, cap]: [Release, string | null] = [NPM_RELEASE, null];
  if ('error' in fitting) {
    const oldest = ofFamily[0];
    if (oldest === undefined) return fitting;
    [wanted, cap] = [oldest, floor];
  } else wanted = fitting;
  if (runnerGlibc === null || compilerRuns(wanted, runnerGlibc))
    return { release: wanted, cap, npm: false, runnerLimited: null };
  // A floor is met by any older sysroot: the newest release below it whose compiler runs here.
  const best = ofFamily
    .filter((r) => compareDotted(r.glibc, floor) <= 0 && compilerRuns(r, runnerGlibc))
    .at(-1);
  if (best === undefined) return { error: compilerCannotRun(wanted, runnerGlibc, floor, null) };
  return { release: best, cap: null, npm: false, runnerLimited: { wanted, runnerGlibc } };
}

/** A release newer than the floor is capped at it; one that meets it is taken as it is. */
function capFor(release: Release, floor: string): string | null {
  return compareDotted(release.glibc, floor) > 0 ? floor : null;
}

/** Checks the `release` input (and `--release`): a codename, `family/codename`, or crosstool-ng. */
export function checkReleaseName(text: string): string | null {
  if (NPM_RELEASE_NAMES.includes(text)) return null;
  const codename = text.replace(/^(debian|ubuntu)\//, '');
  if (RELEASES.some((r) => r.codename === codename)) return null;
  const names = [...new Set(RELEASES.map((r) => r.codename))];
  return `"${text}" is not a release: ${[...names, NPM_RELEASE.codename].join(', ')}`;
}

/** A capped lock entry's `cap:`: the floor, and (from the first install) what was changed. */
export interface LockedCap {
  /** The floor the sysroot's glibc libraries are capped at. */
  glibc: string;
  /** Per library: symbols whose newer default was hidden, and older versions made default. */
  libraries?: { name: string; hidden: number; restored: number }[];
  /** Shims linked for symbols the floor lacks (fcntl64, __cxa_thread_atexit_impl, …). */
  shims?: string[];
}

/**
 * Bumped whenever capping changes what it writes (the shims, the libc.so script, the edits): a
 * different tree needs a different content identity, so an old install is never taken for it.
 */
export const CAP_TECHNIQUE = 1;

export function capIdentity(cap: LockedCap): string {
  return `cap glibc-${cap.glibc} technique-${CAP_TECHNIQUE}`;
}

export function checkCap(value: unknown): LockedCap | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'cap must be a map with the glibc floor';
  const { glibc, libraries, shims } = value as Record<string, unknown>;
  if (typeof glibc !== 'string' || !isDottedVersion(glibc))
    return 'cap.glibc must be a version like 2.17';
  const cap: LockedCap = { glibc };
  if (libraries !== undefined) {
    if (!Array.isArray(libraries)) return 'cap.libraries must be a list';
    cap.libraries = [];
    for (const l of libraries as unknown[]) {
      const { name, hidden, restored } = (l ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string' || !isCount(hidden) || !isCount(restored))
        return 'cap.libraries: each needs name, hidden and restored (counts)';
      cap.libraries.push({ name, hidden, restored });
    }
  }
  if (shims !== undefined) {
    if (!Array.isArray(shims) || !shims.every((s) => typeof s === 'string'))
      return 'cap.shims must be a list of symbol names';
    cap.shims = shims;
  }
  return cap;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * The shims: for a glibc symbol the capped sysroot no longer offers at any version (its only
 * versions are above the floor) that the compiler's own runtime or glibc's newer headers make
 * programs call. `file` names the object in shim-objects.ts.
 */
export interface Shim {
  /** The symbols its object defines (hidden: each executable keeps its own). */
  symbols: readonly string[];
  /** The glibc that added them. */
  since: string;
  file: string;
}

export const SHIMS: readonly Shim[] = [
  { symbols: ['__cxa_thread_atexit_impl'], since: '2.18', file: 'cxa_thread_atexit_impl' },
  { symbols: ['fcntl64'], since: '2.28', file: 'fcntl64' },
  { symbols: ['_dl_find_object'], since: '2.35', file: 'dl_find_object' },
  {
    symbols: ['arc4random', 'arc4random_buf', 'arc4random_uniform'],
    since: '2.36',
    file: 'arc4random',
  },
];

/** The shims a capping needs: those whose symbols it hid with no older version to fall back on. */
export function shimsFor(hiddenWithoutOlder: ReadonlySet<string>): Shim[] {
  return SHIMS.filter((s) => s.symbols.some((name) => hiddenWithoutOlder.has(name)));
}

/**
 * glibc 2.34 moved libpthread, libdl and libresolv into libc (res_search, … only there at 2.34) and
 * made __libc_start_main@@GLIBC_2.34 run the program's constructors, which its crt1.o relies on:
 * an older glibc runs only the init function crt1.o passes, and 2.34's passes none. So a release
 * from 2.34 on is not capped below 2.34.
 */
export const CRT_CHANGE = '2.34';

/** The archive of shims a capped sysroot's libc.so script names. */
export const SHIM_ARCHIVE = 'libcgo-abi-guard-shims.a';

/**
 * The sysroot's `libc.so` linker script with the shim archive added to its GROUP, named the way
 * the script names libc.so.6 (an absolute path inside the sysroot, which the linker prefixes with
 * --sysroot). Null when the script has no GROUP naming libc.so.6.
 */
export function withShimArchive(script: string): string | null {
  const m = /GROUP\s*\(\s*(\S*\/)libc\.so\.6\b/.exec(script);
  if (m?.[1] === undefined) return null;
  const dir = m[1];
  // The parenthesis that closes this GROUP (AS_NEEDED ( … ) nests inside it).
  let depth = 0;
  for (let i = script.indexOf('(', m.index); i < script.length; i++) {
    if (script[i] === '(') depth++;
    else if (script[i] === ')' && --depth === 0)
      return `${script.slice(0, i).trimEnd()} ${dir}${SHIM_ARCHIVE} ${script.slice(i)}`;
  }
  return null;
}

/** Where a capped install says what it is, for the smoke run (inside the tree, in its digest). */
export const CAP_MARKER = 'cgo-abi-guard-cap.json';

export interface CapMarker {
  /** The floor. */
  glibc: string;
  /** `debian/bullseye` and its own glibc, which the sysroot's libraries are. */
  release: string;
  releaseGlibc: string;
}

/** The smoke run's word for a floor without a glibc of its own here. */
export function noRuntimeNote(cap: CapMarker): string {
  return `floor ${cap.glibc} has no glibc of its own here: run on ${cap.release}'s glibc ${cap.releaseGlibc}, which the sysroot caps at ${cap.glibc} (a start, not proof of ${cap.glibc})`;
}

/** What `env` and the action say about a capped toolchain. */
export function capNotice(floor: string, target: string, release: Release): string {
  return `floor ${floor} for ${target} is met by ${release.family}/${release.codename} (glibc ${release.glibc}) with its glibc capped at ${floor}: symbols newer than ${floor} do not link (headers are ${release.glibc}'s), and libstdc++ and libgcc are linked statically (-static-libstdc++ -static-libgcc), since the release's own need more than ${floor}`;
}
