/**
 * What a binary needs at run time of the target packages, as a Debian `Depends:` line, the way
 * dpkg-shlibdeps derives it: each NEEDED soname found in an installed package's `symbols` file
 * (at the smallest version of its symbols, raised to the highest minimum of the symbols the
 * binary takes from it) or `shlibs` file; glibc's own libraries as
 * `libc6 (>= highest GLIBC_ version needed)`.
 */
import { GLIBC_NEEDED, GLIBC_OTHER } from '../data/allowlists.js';
import { ARCHITECTURES } from '../data/architectures.js';
import { compareDebianVersions } from './debian-version.js';

export interface SharedLibrary {
  soname: string;
  /** The package that ships it (`libpcap0.8`) and its version in the lock. */
  package: string;
  version: string;
  /** The symbols file's dependency template (`libpcap0.8 #MINVER#`), if the package has one. */
  template: string | null;
  /** Its alternative templates (`| libc6 (>> 2.36), libc6 (<< 2.37)`), a symbol's dep_id 1, 2, …. */
  alternatives?: string[];
  /** symbol@version (`pcap_open_live@Base`) → the package version that introduced it. */
  symbols: Map<string, SymbolMinimum>;
  /**
   * The smallest minimum version of the symbols of the main template (dep_id 0), what
   * dpkg-shlibdeps starts the library's dependency at before any symbol is looked up.
   */
  smallest?: string | null;
  /** The shlibs file's dependency (`libpcap0.8 (>= 1.0.0)`), if the package has one. */
  shlibs: string | null;
}

export interface SymbolMinimum {
  minver: string;
  /** Which template it raises: 0 the main one, n the n-th alternative. */
  depId: number;
}

export interface SymbolsFileEntry {
  soname: string;
  template: string;
  alternatives: string[];
  symbols: Map<string, SymbolMinimum>;
  smallest: string | null;
}

/**
 * A `symbols` file (deb-symbols(5)) → one entry per soname it describes, read as
 * Dpkg::Shlibs::SymbolFile does: `#MISSING: v#` symbols count for the smallest version only, and
 * patterns ((c++), (symver), (regex), `*@VERSION`) neither for it nor for an exact lookup.
 */
export function parseSymbolsFile(text: string): SymbolsFileEntry[] {
  const out: SymbolsFileEntry[] = [];
  for (const line of text.split('\n')) {
    const current = out.at(-1);
    const symbol = /^(?:\s+|#(?:DEPRECATED|MISSING): ([^#]+)#\s*)(.*)/.exec(line);
    if (symbol !== null) {
      if (current !== undefined) addSymbol(current, symbol[2] ?? '', symbol[1] !== undefined);
      continue;
    }
    if (line.startsWith('#') || line === '') continue;
    const alternative = /^\|\s*(.*)$/.exec(line);
    if (alternative?.[1] !== undefined) {
      current?.alternatives.push(alternative[1]);
      continue;
    }
    if (line.startsWith('*')) continue;
    const object = /^(\S+)\s+(.*)$/.exec(line);
    if (object?.[1] !== undefined && object[2] !== undefined)
      out.push({
        soname: object[1],
        template: object[2],
        alternatives: [],
        symbols: new Map(),
        smallest: null,
      });
  }
  return out;
}

const PATTERN_TAG = /(?:^|\|)\s*(?:c\+\+|symver|regex)\s*(?:$|[|=])/;

/** ` pcap_activate@Base 1.0.0`, `(c++)"ns::f()@Base" 1.2`, ` sym@GLIBC_PRIVATE 0 1`. */
function addSymbol(entry: SymbolsFileEntry, spec: string, deprecated: boolean): void {
  const m = /^(?:\(([^)]*)\))?("[^"]+"|'[^']+'|\S+)\s(\S+)(?:\s(\d+))?/.exec(spec.trim());
  if (m?.[2] === undefined || m[3] === undefined) return;
  const name = m[2].replace(/^["']|["']$/g, '');
  if (PATTERN_TAG.test(m[1] ?? '') || name.startsWith('*@')) return;
  const depId = Number(m[4] ?? '0');
  if (depId === 0 && (entry.smallest === null || compareDebianVersions(m[3], entry.smallest) < 0))
    entry.smallest = m[3];
  if (!deprecated) entry.symbols.set(name, { minver: m[3], depId });
}

/** A `shlibs` file (deb-shlibs(5)): `libpcap 0.8 libpcap0.8 (>= 1.0.0)` → soname → dependency. */
export function parseShlibsFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^udeb:\s*/, '').trim();
    if (line === '' || line.startsWith('#') || raw.startsWith('udeb:')) continue;
    const [name, version, ...dependency] = line.split(/\s+/);
    if (name === undefined || version === undefined || dependency.length === 0) continue;
    // `libpcap 0.8` is libpcap.so.0.8; dpkg-shlibdeps reads libfoo-1.2.so as `libfoo 1.2` too.
    for (const soname of [`${name}.so.${version}`, `${name}-${version}.so`])
      out.set(soname, dependency.join(' '));
  }
  return out;
}

/**
 * glibc's libraries and loaders (data/allowlists.ts, data/architectures.ts), whose package is
 * libc6 in every release: their floor is the GLIBC need.
 */
const GLIBC_SONAMES: ReadonlySet<string> = new Set([
  ...GLIBC_NEEDED,
  ...GLIBC_OTHER,
  ...ARCHITECTURES.map((a) => a.glibc.loader.slice(a.glibc.loader.lastIndexOf('/') + 1)),
]);

export interface DependsInput {
  needed: readonly string[];
  /** Undefined dynamic symbols the binary binds: `pcap_open_live` with version `''` or `Base`. */
  symbols: readonly { symbol: string; version: string }[];
  /** The highest GLIBC_ version the binary needs, if any. */
  glibc: string | null;
  libraries: readonly SharedLibrary[];
}

/** gcc's runtime libraries, which the toolchain's sysroot has: their packages, unversioned. */
const GCC_RUNTIME: Record<string, string> = {
  'libstdc++.so.6': 'libstdc++6',
  'libgcc_s.so.1': 'libgcc-s1',
};

/**
 * The `Depends:` value: one clause per package, in NEEDED order, libc6 first. A library with a
 * symbols file gets what dpkg-shlibdeps gives it: its template at the smallest minimum version of
 * all its symbols (a library linked but unused too), raised by the minimum of each symbol the
 * binary takes from it; one without, its shlibs dependency.
 */
export function dependsLine(input: DependsInput): string {
  const clauses = new Map<string, string>();
  const add = (clause: string): void => {
    addClause(clauses, clause);
  };
  if (input.glibc !== null || input.needed.some((n) => GLIBC_SONAMES.has(n)))
    add(input.glibc === null ? 'libc6' : `libc6 (>= ${input.glibc})`);
  const minimums = templateMinimums(input);
  for (const soname of input.needed) {
    const runtime = GCC_RUNTIME[soname];
    if (runtime !== undefined) add(runtime);
    const lib = input.libraries.find((l) => l.soname === soname);
    if (lib === undefined) continue;
    const versions = minimums.get(lib);
    if (lib.template === null || versions === undefined) {
      add(lib.shlibs ?? lib.package);
      continue;
    }
    const templates = [lib.template, ...(lib.alternatives ?? [])];
    for (const [id, version] of versions.entries()) {
      const template = templates[id];
      if (template === undefined || version === undefined) continue;
      const minver = version === '' || version === '0' ? '' : `(>= ${version})`;
      const filled = template.replace(/#MINVER#/g, minver).replace(/\s+/g, ' ');
      for (const clause of filled.split(',')) if (clause.trim() !== '') add(clause.trim());
    }
  }
  return [...clauses.values()].join(', ');
}

/**
 * Per NEEDED library with a symbols file, the version of each of its templates it is asked at
 * ('' unversioned; absent: not asked): dpkg-shlibdeps's update_dependency_version, from the
 * smallest version, then each undefined symbol in the first NEEDED library that lists it.
 */
function templateMinimums(input: DependsInput): Map<SharedLibrary, (string | undefined)[]> {
  const out = new Map<SharedLibrary, (string | undefined)[]>();
  const withSymbols = input.needed
    .map((soname) => input.libraries.find((l) => l.soname === soname))
    .filter((l): l is SharedLibrary => l !== undefined && l.template !== null);
  const raise = (lib: SharedLibrary, depId: number, minver: string): void => {
    const versions = out.get(lib) ?? [];
    const now = versions[depId];
    if (
      now === undefined ||
      now === '' ||
      (minver !== '' && compareDebianVersions(minver, now) > 0)
    )
      versions[depId] = minver;
    out.set(lib, versions);
  };
  for (const lib of withSymbols) raise(lib, 0, lib.smallest ?? '');
  for (const { symbol, version } of input.symbols) {
    const key = `${symbol}@${version === '' ? 'Base' : version}`;
    for (const lib of withSymbols) {
      const found = lib.symbols.get(key);
      if (found === undefined) continue;
      raise(lib, found.depId, found.minver);
      break;
    }
  }
  return out;
}

/** Several binaries' Depends values as one: each package once, at the highest version asked. */
export function mergeDepends(lines: readonly string[]): string {
  const clauses = new Map<string, string>();
  for (const line of lines)
    for (const clause of line.split(',').map((c) => c.trim()))
      if (clause !== '') addClause(clauses, clause);
  return [...clauses.values()].join(', ');
}

/**
 * One clause into a Depends value: a package's minimum (`>=`, or none) once, at the highest
 * version asked; any other relation (`libc6 (<< 2.37)` of GLIBC_PRIVATE) as it is, beside it.
 */
function addClause(clauses: Map<string, string>, clause: string): void {
  const name = clause.split(/[\s(]/)[0] ?? clause;
  const key = /\((?!>=)/.test(clause) ? clause : name;
  const before = clauses.get(key);
  clauses.set(key, before === undefined ? clause : stronger(before, clause));
}

/** Of two clauses for one package, the one asking for the higher version. */
function stronger(a: string, b: string): string {
  const va = /\(>= ([^)]+)\)/.exec(a)?.[1];
  const vb = /\(>= ([^)]+)\)/.exec(b)?.[1];
  if (va === undefined) return b;
  if (vb === undefined) return a;
  return compareDebianVersions(va, vb) >= 0 ? a : b;
}

/**
 * The `depends` output: for one target its binaries' value; for several, a JSON map of target
 * to its own (keyed like `cc`): one merged value would ask every architecture for the highest
 * version any of them needs.
 */
export function dependsOutput(
  targets: readonly { target: string; depends: readonly string[] }[],
): string {
  const [only] = targets;
  if (targets.length === 1 && only !== undefined) return mergeDepends(only.depends);
  return JSON.stringify(
    Object.fromEntries(targets.map((t) => [t.target, mergeDepends(t.depends)])),
  );
}
