/**
 * The target's C libraries (`libpcap-dev`, `libsqlite3-dev`, …) for the sysroot: the requested
 * packages and the libraries they depend on, as the private apt resolved them for the target's
 * architecture, minus what the sysroot already is (the release's libc6, libgcc, libstdc++) and
 * minus tools (Multi-Arch: foreign/allowed, Essential: the host runs its own pkg-config, dpkg,
 * perl) but with the headers and pkg-config files of -dev packages' own dependencies. Pure: it walks the Depends of the stanzas apt printed.
 */
import { parseDependsField } from './apt-sources.js';

/** Packages of the release the cross sysroot already provides (glibc, gcc's runtime). */
const PROVIDED = [
  /^libc6$/,
  /^libc6-dev$/,
  /^libc-dev-bin$/,
  /^linux-libc-dev$/,
  /^libgcc-s1$/,
  /^libgcc1$/,
  /^libgcc-\d+-dev$/,
  /^gcc-\d+-base$/,
  /^libstdc\+\+6$/,
  /^libstdc\+\+-\d+-dev$/,
];

export function providedBySysroot(name: string): boolean {
  return PROVIDED.some((p) => p.test(name));
}

/** A Debian package name as the `packages` input and `--package` take it (no arch, no version). */
export const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]+$/;

/**
 * The names asked for, checked and in one order: the lock entry and cache key depend on it.
 * Commas, spaces and line breaks separate names (no Debian package name holds any of them).
 */
export function parsePackageList(
  items: readonly string[],
): { names: string[] } | { error: string } {
  const names = items
    .flatMap((item) => item.split(/[,\s]+/))
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const bad = names.filter((n) => !PACKAGE_NAME.test(n));
  if (bad.length > 0)
    return {
      error: `not a Debian package name: ${bad.map((b) => JSON.stringify(b)).join(', ')} (give names like libpcap-dev, without an architecture or a version: the target's and the floor release's are used)`,
    };
  const provided = names.filter(providedBySysroot);
  if (provided.length > 0)
    return {
      error: `${provided.join(', ')} ${provided.length === 1 ? 'is' : 'are'} part of the toolchain's sysroot already (glibc and gcc's runtime of the floor's release): leave ${provided.length === 1 ? 'it' : 'them'} out of packages`,
    };
  return { names: [...new Set(names)].sort() };
}

export interface Stanza {
  name: string;
  version: string;
  architecture: string;
  multiArch: string;
  essential: boolean;
  depends: string[][];
  provides: string[];
}

export function stanzaOf(fields: ReadonlyMap<string, string>): Stanza | null {
  const name = fields.get('package');
  const version = fields.get('version');
  if (name === undefined || version === undefined) return null;
  const deps = [fields.get('pre-depends'), fields.get('depends')].filter(
    (f): f is string => f !== undefined,
  );
  return {
    name,
    version,
    architecture: fields.get('architecture') ?? '',
    multiArch: fields.get('multi-arch') ?? 'no',
    essential: fields.get('essential') === 'yes',
    depends: parseDependsField(deps.join(',')),
    provides: parseDependsField(fields.get('provides') ?? '').flat(),
  };
}

/** A library of the target, not a tool: what the sysroot needs of a dependency. */
function isTargetLibrary(s: Stanza): boolean {
  return !s.essential && s.multiArch !== 'foreign' && s.multiArch !== 'allowed';
}

/**
 * What a -dev package needs of a package apt marks Multi-Arch: foreign, like a tool, is often its
 * headers and pkg-config files: libx11-dev's x11proto-dev (`Architecture: all`) has `kbproto.pc`
 * and `X11/X.h`; libgdk-pixbuf-2.0-dev's shared-mime-info has the `shared-mime-info.pc` that
 * gdk-pixbuf-2.0.pc requires. Without them `pkg-config vips` fails. Taken (their programs are never
 * run), but not what such a package needs in turn beyond libraries. A dependency on an
 * interpreter (`python3:any`, Multi-Arch: allowed) stays a tool.
 */
function isDevCompanion(from: Stanza, s: Stanza): boolean {
  return (
    from.name.endsWith('-dev') &&
    !s.essential &&
    s.multiArch !== 'allowed' &&
    !HOST_TOOLS.has(s.name)
  );
}

/** What the host runs itself, with no file a cross build reads. */
const HOST_TOOLS = new Set(['pkg-config', 'pkgconf', 'pkgconf-bin']);

/**
 * The packages to extract: the requested ones, then each dependency apt chose that is a target
 * library the sysroot does not already provide, in a stable order (by name).
 */
export function targetClosure(
  requested: readonly string[],
  resolved: readonly Stanza[],
): { packages: Stanza[] } | { error: string } {
  const byName = new Map(resolved.map((s) => [s.name, s]));
  const byProvides = new Map<string, Stanza>();
  for (const s of resolved) for (const p of s.provides) byProvides.set(p, s);
  const chosen = new Map<string, Stanza>();
  const queue: Stanza[] = [];
  for (const name of requested) {
    const s = byName.get(name) ?? byProvides.get(name);
    if (s === undefined) return { error: `apt resolved no package ${name}` };
    queue.push(s);
  }
  while (queue.length > 0) {
    const s = queue.shift();
    if (s === undefined || chosen.has(s.name)) continue;
    chosen.set(s.name, s);
    for (const group of s.depends) {
      // apt installed one alternative of each group: the first one it resolved.
      const pick = group
        .map((alt) => byName.get(alt) ?? byProvides.get(alt))
        .find((x) => x !== undefined);
      if (pick === undefined || chosen.has(pick.name)) continue;
      if (providedBySysroot(pick.name)) continue;
      if (!isTargetLibrary(pick) && !isDevCompanion(s, pick)) continue;
      queue.push(pick);
    }
  }
  return { packages: [...chosen.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
