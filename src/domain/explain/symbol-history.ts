/**
 * Which version of glibc (or libstdc++, libgcc) added a symbol, read from the versions a newer
 * library defines it at: libc.so.6 of glibc 2.36 defines `mtx_lock@GLIBC_2.28` (added) and
 * `mtx_lock@@GLIBC_2.34` (moved from libpthread); the oldest version is when it appeared.
 */
import { CXX_FLOORS } from '../rules/cxx-floors.js';
import { compareDotted, splitVersionName } from '../version.js';

/** Symbol name (mangled, and demangled where read so) → the version names it is defined at. */
export type SymbolHistory = ReadonlyMap<string, readonly string[]>;

const DYNSYM = /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+\S+\s+\S+\s+\S+\s+(\S+)\s+(.+?)\s*$/;

/** `readelf -W --dyn-syms` (optionally `-C`) of a library → its defined, versioned symbols. */
export function definedVersions(
  text: string,
  into = new Map<string, string[]>(),
): Map<string, string[]> {
  for (const line of text.split('\n')) {
    const m = DYNSYM.exec(line);
    if (m?.[1] === undefined || m[2] === undefined || m[1] === 'UND') continue;
    const entry = m[2].replace(/ \(\d+\)$/, '');
    const at = entry.lastIndexOf('@');
    if (at <= 0) continue;
    const name = entry.slice(0, entry[at - 1] === '@' ? at - 1 : at);
    const version = entry.slice(at + 1);
    const list = into.get(name) ?? [];
    if (!list.includes(version)) list.push(version);
    into.set(name, list);
  }
  return into;
}

export interface Placement {
  /** `GLIBC_2.28`, `GLIBCXX_3.4.29`. */
  versionName: string;
  prefix: string;
  version: string;
  /** `glibc 2.28`, `libstdc++ GLIBCXX_3.4.29 (gcc 11)`. */
  label: string;
}

/** The oldest version a symbol is defined at, preferring glibc's; null when not known. */
export function addedIn(history: SymbolHistory, symbol: string): Placement | null {
  const versions = history.get(symbol) ?? [];
  let best: Placement | null = null;
  for (const name of versions) {
    const split = splitVersionName(name);
    if (split === null) continue;
    const candidate = { versionName: name, ...split, label: labelOf(split.prefix, split.version) };
    if (best === null) best = candidate;
    else if (best.prefix !== candidate.prefix) {
      if (candidate.prefix === 'GLIBC') best = candidate;
    } else if (compareDotted(candidate.version, best.version) < 0) best = candidate;
  }
  return best;
}

/** GLIBCXX / CXXABI version → the first gcc release that has it (libstdc++'s ABI history). */
const GCC_OF: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GLIBCXX: {
    '3.4.18': '4.8',
    '3.4.19': '4.8.3',
    '3.4.20': '4.9',
    '3.4.21': '5',
    '3.4.22': '6',
    '3.4.23': '7',
    '3.4.24': '7.2',
    '3.4.25': '8',
    '3.4.26': '9',
    '3.4.27': '9.2',
    '3.4.28': '9.3',
    '3.4.29': '11',
    '3.4.30': '12',
    '3.4.31': '13',
    '3.4.32': '13.2',
    '3.4.33': '14',
    '3.4.34': '15',
  },
  CXXABI: {
    '1.3.7': '4.8',
    '1.3.8': '4.9',
    '1.3.9': '5',
    '1.3.10': '6',
    '1.3.11': '7',
    '1.3.12': '9',
    '1.3.13': '11',
    '1.3.14': '13',
    '1.3.15': '14',
    '1.3.16': '15',
  },
};

export function gccFor(prefix: string, version: string): string | null {
  if (prefix === 'GCC') return version.replace(/\.0(\.0)?$/, '');
  return GCC_OF[prefix]?.[version] ?? null;
}

function labelOf(prefix: string, version: string): string {
  if (prefix === 'GLIBC') return `glibc ${version}`;
  const gcc = gccFor(prefix, version);
  const lib = prefix === 'GCC' ? 'libgcc' : 'libstdc++';
  return `${lib} ${prefix}_${version}${gcc === null ? '' : ` (gcc ${gcc})`}`;
}

/** The lowest glibc floor whose distributions ship a C++ runtime with this version, or null. */
export function cxxFloorWith(
  prefix: string,
  version: string,
): { glibc: string; distros: string } | null {
  if (prefix !== 'GLIBCXX' && prefix !== 'CXXABI' && prefix !== 'GCC') return null;
  const row = CXX_FLOORS.find((r) => compareDotted(r[prefix], version) >= 0);
  return row === undefined ? null : { glibc: row.glibc, distros: row.distros };
}
