/**
 * Why a link failed: each undefined symbol placed by the version of glibc (or libstdc++, libgcc)
 * that added it, against what the floor's sysroot has, with what to change.
 */
import { cxxFloorFor } from '../rules/cxx-floors.js';
import { compareDotted } from '../version.js';
import type { UndefinedSymbol } from './link-errors.js';
import { addedIn, cxxFloorWith, type Placement, type SymbolHistory } from './symbol-history.js';
import type { DefiningLibrary, SysrootDefinitions } from './sysroot-libraries.js';

export interface LinkSymbol {
  symbol: string;
  /** `glibc 2.28`, `libstdc++ GLIBCXX_3.4.29 (gcc 11)`; null when this machine's libraries lack it. */
  addedIn: string | null;
  /** Objects (and functions) that reference it. */
  from: string[];
  /** Why the floor's sysroot fails it, and what to change. */
  why: string;
  fix: string;
}

export interface LinkExplanation {
  symbols: LinkSymbol[];
  /** One line per group of symbols with the same cause, most referenced first. */
  lines: string[];
}

const SHOWN = 4;

export function explainLink(
  undefs: readonly UndefinedSymbol[],
  floor: string | null,
  history: SymbolHistory | null,
  sysroot: SysrootDefinitions = new Map(),
): LinkExplanation | null {
  if (undefs.length === 0) return null;
  const sorted = [...undefs].sort((a, b) => b.count - a.count || a.symbol.localeCompare(b.symbol));
  const symbols = sorted.map((u) => placeOne(u, floor, history, sysroot.get(u.symbol)));
  const groups = new Map<string, LinkSymbol[]>();
  for (const s of symbols) {
    const key = `${s.why}\n${s.fix}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const lines = [...groups.values()].map((group) => {
    const names = group.map((s) => s.symbol);
    const more = names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '';
    const from = [...new Set(group.flatMap((s) => s.from.map(objectOf)))].slice(0, 2);
    const first = group[0];
    const referenced = from.length === 0 ? '' : `; referenced from ${from.join(', ')}`;
    return `${names.slice(0, SHOWN).join(', ')}${more}: ${first?.why ?? ''}${referenced}. Fix: ${first?.fix ?? ''}`;
  });
  return { symbols, lines };
}

/** `lib.a(x.o) in mod@v1 (fn)` → `lib.a in mod@v1`: the library, not each member. */
function objectOf(from: string): string {
  return from.replace(/ \([^()]*\)$/, '').replace(/\([^()]*\)/, '');
}

function placeOne(
  u: UndefinedSymbol,
  floor: string | null,
  history: SymbolHistory | null,
  library: DefiningLibrary | undefined,
): LinkSymbol {
  const base = { symbol: u.symbol, from: u.from };
  const placed = history === null ? null : addedIn(history, u.symbol);
  if (placed === null && library !== undefined)
    return { ...base, addedIn: null, ...notLinked(library) };
  if (placed === null)
    return {
      ...base,
      addedIn: null,
      why: "not in this machine's glibc, libstdc++ or libgcc",
      fix: 'add the library that defines it to the link (-l…), and its development package for the target to the sysroot',
    };
  const floorText = floor ?? 'the floor';
  return {
    ...base,
    addedIn: placed.label,
    ...(placed.prefix === 'GLIBC' ? glibcWhy(placed, floorText) : cxxWhy(placed, floor)),
  };
}

/** Defined by a library of the sysroot that the link did not name. */
function notLinked(lib: DefiningLibrary): { why: string; fix: string } {
  if (lib.link === null)
    return {
      why: `in ${lib.file} of the sysroot, which has no link-time library (lib….so) to name it by`,
      fix: `add the -dev package of ${lib.file} to packages, then -l for it to the link`,
    };
  return {
    why: `in ${lib.file} of the sysroot, which the link does not name`,
    fix: `add -l${lib.link}: ${lib.file} in the sysroot defines them (CGO_LDFLAGS="-l${lib.link}" for the build, or #cgo LDFLAGS: -l${lib.link} in the Go file)`,
  };
}

function glibcWhy(p: Placement, floor: string): { why: string; fix: string } {
  if (floor !== 'the floor' && compareDotted(p.version, floor) <= 0)
    return {
      why: `in glibc since ${p.version}, so glibc ${floor} has it: the link misses the library that defines it`,
      fix: 'before glibc 2.34 the thread, dl, rt, util and anl functions live in their own libraries: add -lpthread, -ldl, -lrt, -lutil or -lanl',
    };
  return {
    why: `new in ${p.label}, not in the floor's sysroot (glibc ${floor})`,
    fix: `raise the floor to ${p.version}, build the code that calls it from source against glibc ${floor}, or drop that dependency`,
  };
}

const CXX_PREFIXES = ['GLIBCXX', 'CXXABI', 'GCC'] as const;
type CxxPrefix = (typeof CXX_PREFIXES)[number];
const isCxxPrefix = (prefix: string): prefix is CxxPrefix =>
  (CXX_PREFIXES as readonly string[]).includes(prefix);

function cxxWhy(p: Placement, floor: string | null): { why: string; fix: string } {
  const prefix = p.prefix;
  const row = floor === null || !isCxxPrefix(prefix) ? null : cxxFloorFor(floor);
  const has =
    row === null || !isCxxPrefix(prefix)
      ? ''
      : `, not in the floor's C++ runtime (${row.distros}: ${prefix}_${row[prefix]})`;
  const up = cxxFloorWith(prefix, p.version);
  const raise =
    up === null
      ? ''
      : `, raise the floor to one whose C++ runtime has it (glibc ${up.glibc} or above: ${up.distros})`;
  return {
    why: `new in ${p.label}${has}: that code was compiled by a newer compiler`,
    fix: `build that code with the floor's compiler${raise}, or drop that dependency`,
  };
}
