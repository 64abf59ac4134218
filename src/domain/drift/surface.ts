/**
 * The ABI surface of a binary: what a system must offer for it to start, the part of the report
 * two builds are compared by. Per version prefix (GLIBC, GLIBCXX, CXXABI, GCC, and `musl` for a
 * dynamic musl binary) the highest version needed and the symbols needed at it; NEEDED; the
 * loader; static or dynamic; the x86 ISA level; the kernel ABI tag; the `Depends:` packages; and
 * the Go modules it was built from (what a dependency bump changes).
 */
import type { ElfFacts } from '../elf/elf-facts.js';
import { muslSince, WEAK_BY_CONVENTION } from '../rules/musl-exports.js';
import { compareDotted, GLIBC_MARKERS, maxDotted, splitVersionName } from '../version.js';

export interface VersionNeedSurface {
  /** The highest version needed (`2.34`). */
  version: string;
  /** The symbols needed at exactly that version, sorted. */
  symbols: string[];
}

export interface AbiSurface {
  versions: Record<string, VersionNeedSurface>;
  needed: string[];
  interpreter: string | null;
  linkage: 'static' | 'dynamic';
  /** The highest `x86 ISA needed` level (`x86-64-v3`); null: none noted. */
  isa: string | null;
  /** NT_GNU_ABI_TAG's minimum kernel; null: no note. */
  kernel: string | null;
  /** The package names of the binary's `Depends:` (without versions), sorted. */
  depends: string[];
  /** Go module path → version (`v1.14.22`; a replacement's as `=> path version`). */
  modules: Record<string, string>;
}

type SurfaceFacts = Pick<
  ElfFacts,
  'symbolVersions' | 'versions' | 'needed' | 'interpreter' | 'isaNeeded' | 'abiTag' | 'goBuild'
>;

const ISA_ORDER = ['x86-64-baseline', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'];

/** The prefix and number a symbol's version counts as (markers as the release that added them). */
export function versionOf(name: string): { prefix: string; version: string } | null {
  const marker = GLIBC_MARKERS[name];
  return marker !== undefined ? { prefix: 'GLIBC', version: marker } : splitVersionName(name);
}

export function surfaceOf(
  facts: SurfaceFacts,
  depends: string,
  /** A dynamic musl binary's symbols with the musl version that first exports each. */
  musl: { version: string; symbols: string[] } | null = null,
): AbiSurface {
  const versions: Record<string, VersionNeedSurface> = {};
  for (const [prefix, version] of Object.entries(facts.versions)) {
    const symbols = facts.symbolVersions
      .filter((s) => {
        const v = versionOf(s.version);
        return v !== null && v.prefix === prefix && compareDotted(v.version, version) === 0;
      })
      .map((s) => s.symbol);
    versions[prefix] = { version, symbols: [...new Set(symbols)].sort() };
  }
  if (musl !== null) versions.musl = { version: musl.version, symbols: [...musl.symbols].sort() };
  return {
    versions,
    needed: [...facts.needed],
    interpreter: facts.interpreter,
    linkage: facts.interpreter === null && facts.needed.length === 0 ? 'static' : 'dynamic',
    isa: highestIsa(facts.isaNeeded),
    kernel: facts.abiTag,
    depends: dependsPackages(depends),
    modules: { ...(facts.goBuild?.deps ?? {}) },
  };
}

/** `libc6 (>= 2.17), libpcap0.8 (>= 1.0.0) | libpcap0.8t64` → the package names, sorted. */
export function dependsPackages(depends: string): string[] {
  const names = depends
    .split(/[,|]/)
    .map((p) => p.trim().split(/[\s(]/)[0] ?? '')
    .filter((p) => p !== '');
  return [...new Set(names)].sort();
}

/** The highest of `x86 ISA needed`'s levels; null: none noted. */
export function highestIsa(levels: readonly string[]): string | null {
  const known = levels.filter((l) => ISA_ORDER.includes(l));
  return known.sort((a, b) => ISA_ORDER.indexOf(a) - ISA_ORDER.indexOf(b)).at(-1) ?? null;
}

/** Where an ISA level stands (higher needs a newer CPU); -1: unknown. */
export function isaRank(level: string | null): number {
  return level === null ? 0 : ISA_ORDER.indexOf(level);
}

/**
 * A dynamic musl binary's `musl` need: musl has no symbol versions, so each unversioned import
 * counts as the oldest musl of the table that exports it on the architecture (a name no musl
 * exports is another library's). Null when there is none to count.
 */
export function muslNeed(
  symbols: readonly { symbol: string; version: string; weak?: boolean }[],
  debianArch: string,
): { version: string; symbols: string[] } | null {
  const since = new Map<string, string>();
  for (const s of symbols) {
    if (s.version !== '' || s.weak === true || WEAK_BY_CONVENTION.includes(s.symbol)) continue;
    const v = muslSince(s.symbol, debianArch);
    if (v !== null) since.set(s.symbol, v);
  }
  const version = maxDotted(since.values());
  if (version === null) return null;
  const at = [...since].filter(([, v]) => v === version).map(([name]) => name);
  return { version, symbols: at.sort() };
}
