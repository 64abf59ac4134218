/** Rules 3, 4, 7: symbol-version ceilings (GLIBC, then GLIBCXX/CXXABI/GCC/…) and the kernel ABI tag. */
import { cxxFloorFor } from './cxx-floors.js';
import type { VersionNeed } from '../elf/elf-facts.js';
import type { Rule, RuleContext, RuleFinding } from './types.js';
import { compareDotted, GLIBC_MARKERS, splitVersionName } from '../version.js';

const MAX_SYMBOLS = 8;

/** `a, b, c and 4 more` — the undefined dynamic symbols bound to a version. */
function symbolsFor(ctx: RuleContext, versionName: string): string[] {
  const names = ctx.facts.symbolVersions
    .filter((s) => s.version === versionName)
    .map((s) => s.symbol);
  return [...new Set(names)].sort();
}

function listSymbols(symbols: readonly string[]): string {
  if (symbols.length === 0) return '';
  const shown = symbols.slice(0, MAX_SYMBOLS).join(', ');
  const more = symbols.length > MAX_SYMBOLS ? ` and ${symbols.length - MAX_SYMBOLS} more` : '';
  return `: ${shown}${more}`;
}

interface Over {
  name: string;
  version: string;
  /** Every need of this name is WEAK: the loader does not refuse the binary for it. */
  weak: boolean;
}

/** One entry per distinct over-ceiling version name, highest first. */
function overCeiling(needs: readonly VersionNeed[], prefix: string, ceiling: string): Over[] {
  const seen = new Map<string, Over>();
  for (const need of needs) {
    const marker = prefix === 'GLIBC' ? GLIBC_MARKERS[need.name] : undefined;
    const split = marker !== undefined ? { prefix, version: marker } : splitVersionName(need.name);
    if (split?.prefix !== prefix) continue;
    if (compareDotted(split.version, ceiling) <= 0) continue;
    const weak = (seen.get(need.name)?.weak ?? true) && need.weak;
    seen.set(need.name, { name: need.name, version: split.version, weak });
  }
  return [...seen.values()].sort((a, b) => compareDotted(b.version, a.version));
}

/** A weak need is counted against the ceiling, but the loader only warns about it. */
function weakNote(over: Over): string {
  return over.weak
    ? ' — a weak need (WEAK in .gnu.version_r): the loader starts the binary without it, but the symbols it binds may be missing there'
    : '';
}

function failsWith(over: Over): string {
  return over.weak ? '' : `; it fails elsewhere with "version \`${over.name}' not found"`;
}

const glibcVersion: Rule = (ctx) => {
  const found: RuleFinding[] = [];
  for (const need of ctx.facts.versionNeeds) {
    if (need.name !== 'GLIBC_PRIVATE') continue;
    const symbols = symbolsFor(ctx, need.name);
    found.push({
      rule: 'glibc-version',
      message: `needs GLIBC_PRIVATE from ${need.file}${listSymbols(symbols)}: private glibc symbols change between every release`,
      fix: 'do not link against glibc internals; rebuild against the public API of the target glibc',
      symbols,
    });
  }
  const floor = ctx.policy.glibc;
  if (floor === null) return found;
  for (const over of overCeiling(ctx.facts.versionNeeds, 'GLIBC', floor)) {
    const symbols = symbolsFor(ctx, over.name);
    found.push({
      rule: 'glibc-version',
      message: `needs ${over.name} (floor ${floor})${listSymbols(symbols)}${weakNote(over)}`,
      fix: `build against a glibc ${floor} sysroot (an older distribution's libc6-dev) instead of the build machine's glibc${failsWith(over)}`,
      symbols,
    });
  }
  return found;
};

/** Ceilings for prefixes other than GLIBC: the policy's, else derived from the glibc floor. */
export function libraryCeilings(
  ctx: RuleContext,
): Record<string, { ceiling: string; source: string }> {
  const out: Record<string, { ceiling: string; source: string }> = {};
  const floor = ctx.policy.glibc;
  if (floor !== null) {
    const row = cxxFloorFor(floor);
    const source = `derived from glibc floor ${floor}: ${row.distros}`;
    for (const prefix of ['GLIBCXX', 'CXXABI', 'GCC'] as const)
      out[prefix] = { ceiling: row[prefix], source };
  }
  for (const [prefix, ceiling] of Object.entries(ctx.policy.versions)) {
    if (prefix !== 'GLIBC') out[prefix] = { ceiling, source: 'policy' };
  }
  return out;
}

const libraryVersions: Rule = (ctx) => {
  const found: RuleFinding[] = [];
  for (const [prefix, { ceiling, source }] of Object.entries(libraryCeilings(ctx))) {
    for (const over of overCeiling(ctx.facts.versionNeeds, prefix, ceiling)) {
      const symbols = symbolsFor(ctx, over.name);
      found.push({
        rule: 'library-versions',
        message: `needs ${over.name} (ceiling ${ceiling}, ${source})${listSymbols(symbols)}${weakNote(over)}`,
        fix: `build with the C/C++ toolchain of the floor's distribution, link libstdc++/libgcc statically (-static-libstdc++ -static-libgcc), or raise versions.${prefix} in the policy`,
        symbols,
      });
    }
  }
  return found;
};

const kernelAbi: Rule = ({ facts, policy }) => {
  const kernel = policy.kernel;
  if (kernel === null || facts.abiTag === null) return [];
  if (compareDotted(facts.abiTag, kernel) <= 0) return [];
  return [
    {
      rule: 'kernel-abi',
      message: `NT_GNU_ABI_TAG requires Linux ${facts.abiTag}, above the oldest supported kernel ${kernel}: it fails there with "FATAL: kernel too old"`,
      fix: `link against a C library built for kernels ≥ ${kernel} (the tag comes from the libc's crt1.o), or raise the kernel floor`,
    },
  ];
};

export const versionRules: readonly Rule[] = [glibcVersion, libraryVersions, kernelAbi];
