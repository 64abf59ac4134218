/**
 * Paths of the build machine a binary carries: in Go's build info (`CGO_CFLAGS`, `-ldflags` …,
 * golang/go#52372), in the file names of DWARF's line tables (a header's directory, a `.c`
 * file's), and in `.symtab`'s file symbols (old GNU ld names a start file by the path it was
 * given). A runner's path in a binary makes two builds of one source differ by where they ran.
 */

export type BuildPathSource = 'build-info' | 'dwarf' | 'symtab';

export interface BuildPath {
  in: BuildPathSource;
  /** The directory (for a file name, its directory), absolute. */
  path: string;
}

/** Directories kept per binary: enough to show where a build ran, not every header. */
export const MAX_BUILD_PATHS = 64;

/** Absolute directories of file names (those of `/_/`, -trimpath's, are not the machine's). */
function directories(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    if (!name.startsWith('/') || name.startsWith('/_/')) continue;
    const cut = name.lastIndexOf('/');
    out.add(cut <= 0 ? '/' : normalise(name.slice(0, cut)));
  }
  return [...out];
}

/** `/a/b/../c/./d` → `/a/c/d`, as the name reads (no link is followed). */
function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Absolute paths inside build-setting values: `-I/x/include`, `-L/x/lib`, `--sysroot=/x`. */
function settingPaths(settings: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const value of Object.values(settings))
    for (const m of value.matchAll(/(?:^|[\s='"]|-[ILB])(\/[^\s'"]+)/g))
      if (m[1] !== undefined) out.push(normalise(m[1]));
  return out;
}

export interface BuildPathInput {
  settings: Readonly<Record<string, string>>;
  dwarfFiles: readonly string[];
  fileSymbols: readonly string[];
}

/** The distinct directories by where they were seen, build info first, at most MAX_BUILD_PATHS. */
export function buildPaths(input: BuildPathInput): BuildPath[] {
  const seen = new Set<string>();
  const out: BuildPath[] = [];
  const add = (from: BuildPathSource, paths: readonly string[]): void => {
    for (const path of paths) {
      const key = `${from}\0${path}`;
      if (seen.has(key) || out.length >= MAX_BUILD_PATHS) continue;
      seen.add(key);
      out.push({ in: from, path });
    }
  };
  add('build-info', settingPaths(input.settings));
  add('dwarf', directories(input.dwarfFiles));
  add('symtab', directories(input.fileSymbols));
  return out;
}

/** The build paths inside one of the prefixes (a prefix matches itself and what is below it). */
export function pathsUnder(paths: readonly BuildPath[], prefixes: readonly string[]): BuildPath[] {
  const roots = prefixes.filter((p) => p.startsWith('/')).map((p) => normalise(p));
  return paths.filter((b) =>
    roots.some((r) => r !== '/' && (b.path === r || b.path.startsWith(`${r}/`))),
  );
}
