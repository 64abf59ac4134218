/**
 * A cgo compile error naming a C identifier the sysroot's headers do not declare
 * (`could not determine what C.bpf_map_get_info_by_fd refers to`): code written for a newer C
 * library than the target package the sysroot has. Which package (the one whose symbols are
 * nearest the name), its version there, and the releases that have a newer one.
 */
import type { SharedLibrary } from '../toolchain/shlibs.js';

/** Go 1.26 says `what C.x refers to`; older Go `kind of name for C.x`. */
const UNDECLARED = /could not determine (?:what C\.(\w+) refers to|kind of name for C\.(\w+))/g;

export function undeclaredCNames(output: string): string[] {
  const names = [...output.matchAll(UNDECLARED)].map((m) => m[1] ?? m[2] ?? '');
  return [...new Set(names.filter((n) => n !== ''))];
}

/** Shortest shared prefix that says a name belongs to a library's API (`bpf_`, `pcap_`). */
const MIN_PREFIX = 4;

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The library whose symbols file has the names nearest `name` (the longest shared prefix, at
 * least `bpf_`), when one alone has them; null when none or several do.
 */
export function nearestLibrary(
  name: string,
  libraries: readonly SharedLibrary[],
): SharedLibrary | null {
  let best: SharedLibrary | null = null;
  let bestLength = MIN_PREFIX - 1;
  let tie = false;
  for (const lib of libraries) {
    let length = 0;
    for (const key of lib.symbols.keys())
      length = Math.max(length, sharedPrefix(name, key.replace(/@.*$/, '')));
    if (length > bestLength) {
      best = lib;
      bestLength = length;
      tie = false;
    } else if (length === bestLength && best !== null && best.package !== lib.package) tie = true;
  }
  return tie ? null : best;
}

export interface NewerRelease {
  /** `debian trixie` */
  release: string;
  glibc: string;
  version: string;
}

export interface UndeclaredFacts {
  names: readonly string[];
  /** The package whose names are nearest, with its version in the sysroot. */
  library: { package: string; version: string; hasSymbol: boolean } | null;
  /** The target packages in the sysroot (`libbpf-dev 1:1.1.0-1`), when no library is nearest. */
  packages: readonly { name: string; version: string }[];
  /** `debian bookworm` */
  release: string;
  /** Releases of the same family with a newer version of the library's package; or why not known. */
  newer: readonly NewerRelease[] | { unknown: string };
}

export function undeclaredHint(f: UndeclaredFacts): string {
  const [first] = f.names;
  const named = f.names.map((n) => `C.${n}`).join(', ');
  const head = `${named} ${f.names.length === 1 ? 'is' : 'are'} declared by none of the sysroot's headers`;
  if (f.library === null || first === undefined) {
    const list = f.packages.map((p) => `${p.name} ${p.version}`).join(', ');
    return `${head} (its target packages, from ${f.release}: ${list || 'none'}): add the -dev package that declares ${f.names.length === 1 ? 'it' : 'them'} to packages, or, if one of these does in a newer version, that version is newer than the sysroot's`;
  }
  const lib = f.library;
  const missing = lib.hasSymbol ? '' : `, and ${first} is not among its symbols`;
  const since = `${head}: code written for a newer ${lib.package} than the sysroot's ${lib.version} (${f.release}; the nearest names are its${missing})`;
  if ('unknown' in f.newer)
    return `${since}. Newer releases could not be asked (${f.newer.unknown})`;
  if (f.newer.length === 0)
    return `${since}. No newer release of the family has a newer ${lib.package}: build the C library from source, or use a version of the Go module written for ${lib.version}`;
  const newer = f.newer.map((n) => `${n.release} has ${n.version} (glibc ${n.glibc})`).join(', ');
  const up = f.newer[0];
  return `${since}. ${newer}: use a version of the Go module written for ${lib.package} ${lib.version}, or raise the floor to ${up?.glibc ?? '?'} for ${up?.release ?? '?'}'s packages`;
}
