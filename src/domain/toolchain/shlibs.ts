/**
 * What a binary needs at run time of the target packages, as a Debian `Depends:` line, the way
 * dpkg-shlibdeps derives it: each NEEDED soname found in an installed package's `symbols` file
 * (the lowest version is the highest minimum of the symbols the binary takes from it) or `shlibs`
 * file; glibc's own libraries as `libc6 (>= highest GLIBC_ version needed)`.
 */
import { compareDebianVersions } from './debian-version.js';

export interface SharedLibrary {
  soname: string;
  /** The package that ships it (`libpcap0.8`) and its version in the lock. */
  package: string;
  version: string;
  /** The symbols file's dependency template (`libpcap0.8 #MINVER#`), if the package has one. */
  template: string | null;
  /** symbol@version (`pcap_open_live@Base`) → the package version that introduced it. */
  symbols: Map<string, string>;
  /** The shlibs file's dependency (`libpcap0.8 (>= 1.0.0)`), if the package has one. */
  shlibs: string | null;
}

/** A `symbols` file (deb-symbols(5)) → one entry per soname it describes. */
export function parseSymbolsFile(
  text: string,
): { soname: string; template: string; symbols: Map<string, string> }[] {
  const out: { soname: string; template: string; symbols: Map<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    // `* Field: value` and `| alternative` lines belong to the entry above them.
    if (!/^[\s*|]/.test(line)) {
      const [soname, ...template] = line.trim().split(/\s+/);
      if (soname !== undefined)
        out.push({ soname, template: template.join(' '), symbols: new Map() });
      continue;
    }
    const current = out.at(-1);
    const body = line.trim();
    if (current === undefined || body.startsWith('*') || body.startsWith('|')) continue;
    // ` pcap_activate@Base 1.0.0` or `(c++)"ns::f()@Base" 1.2`: name, then the minimum version.
    const m = /^(\(.*?\))?("[^"]+"|\S+)\s+(\S+)/.exec(body);
    if (m?.[2] === undefined || m[3] === undefined) continue;
    current.symbols.set(m[2].replace(/^"|"$/g, ''), m[3]);
  }
  return out;
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

/** glibc's libraries, whose package is libc6 in every release: their floor is the GLIBC need. */
const GLIBC_SONAME =
  /^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libresolv\.so\.2|libutil\.so\.1|libanl\.so\.1|ld-linux.*|ld64\.so\.\d)$/;

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

/** The `Depends:` value: one clause per package, in NEEDED order, libc6 first. */
export function dependsLine(input: DependsInput): string {
  const clauses = new Map<string, string>();
  if (input.glibc !== null || input.needed.some((n) => GLIBC_SONAME.test(n)))
    clauses.set('libc6', input.glibc === null ? 'libc6' : `libc6 (>= ${input.glibc})`);
  for (const soname of input.needed) {
    const runtime = GCC_RUNTIME[soname];
    if (runtime !== undefined && !clauses.has(runtime)) clauses.set(runtime, runtime);
    const lib = input.libraries.find((l) => l.soname === soname);
    if (lib === undefined) continue;
    const clause = clauseOf(lib, input.symbols);
    const before = clauses.get(lib.package);
    clauses.set(lib.package, before === undefined ? clause : stronger(before, clause));
  }
  return [...clauses.values()].join(', ');
}

function clauseOf(lib: SharedLibrary, used: DependsInput['symbols']): string {
  if (lib.template !== null) {
    let min: string | null = null;
    for (const { symbol, version } of used) {
      const v = lib.symbols.get(`${symbol}@${version === '' ? 'Base' : version}`);
      if (v !== undefined && v !== '0' && (min === null || compareDebianVersions(v, min) > 0))
        min = v;
    }
    return lib.template.replace(/\s*#MINVER#/, min === null ? '' : ` (>= ${min})`).trim();
  }
  return lib.shlibs ?? lib.package;
}

/** Several binaries' Depends values as one: each package once, at the highest version asked. */
export function mergeDepends(lines: readonly string[]): string {
  const clauses = new Map<string, string>();
  for (const line of lines)
    for (const clause of line.split(',').map((c) => c.trim())) {
      if (clause === '') continue;
      const name = clause.split(/[\s(]/)[0] ?? clause;
      const before = clauses.get(name);
      clauses.set(name, before === undefined ? clause : stronger(before, clause));
    }
  return [...clauses.values()].join(', ');
}

/** Of two clauses for one package, the one asking for the higher version. */
function stronger(a: string, b: string): string {
  const va = /\(>= ([^)]+)\)/.exec(a)?.[1];
  const vb = /\(>= ([^)]+)\)/.exec(b)?.[1];
  if (va === undefined) return b;
  if (vb === undefined) return a;
  return compareDebianVersions(va, vb) >= 0 ? a : b;
}
