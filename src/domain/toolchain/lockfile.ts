/**
 * The lockfile: per toolchain key, every package with its exact version and SHA-256, so that the
 * same lock installs the same bytes. YAML (via `yaml`), checked on read; errors name the entry.
 */
import { createHash } from 'node:crypto';
import { parseDocument, stringify } from 'yaml';
import { checkNpmPin, npmIdentity, type NpmPackagePin } from './npm-lock.js';
import { capIdentity, checkCap, type LockedCap } from './capping.js';

export interface LockedPackage {
  name: string;
  version: string;
  arch: string;
  /** Path on the mirror (`pool/main/…/x.deb`). */
  filename: string;
  size: number;
  sha256: string;
}

export interface LockedToolchain {
  key: string;
  /** `debian/bullseye` */
  release: string;
  packages: LockedPackage[];
  /** `source: npm`: one npm package instead of Debian packages (floors below every release). */
  npm?: NpmPackagePin;
  /**
   * Packages run at install time and not installed (the release's host `strip`): they shape the
   * tree's bytes, so they are locked too. Absent in entries written before stripping.
   */
  tools?: LockedPackage[];
  /** A release newer than the floor, its glibc capped at the floor (capping.ts). */
  cap?: LockedCap;
  /**
   * Only these programs of the packages are installed (`usr/bin/<name>` or `<name>-static`), and
   * nothing else of them: the one qemu of a target out of qemu-user-static's twenty-odd.
   */
  programs?: string[];
  /**
   * The target's own C libraries in the sysroot (the `packages` input): the names asked for and
   * every package extracted for them, of the target's architecture.
   */
  target?: TargetPackages;
  /**
   * A package set's entry (layers.ts): the key of the toolchain's entry it goes over. Such an
   * entry pins its target packages alone (`packages` is empty) and its tree is theirs.
   */
  over?: string;
  /**
   * SHA-256 of the installed tree's manifest (every file, link and size), recorded at the first
   * install: a cached tree that no longer matches it has been modified.
   */
  tree?: string;
}

export interface TargetPackages {
  /** The package names asked for (`libpcap-dev`), sorted. */
  requested: string[];
  packages: LockedPackage[];
}

export interface Lockfile {
  version: 1;
  toolchains: LockedToolchain[];
}

export const LOCK_HEADER =
  '# cgo-abi-guard lockfile: the exact packages of each toolchain. Commit it; it is enforced when present.\n';

export function emptyLock(): Lockfile {
  return { version: 1, toolchains: [] };
}

/**
 * A toolchain's entry is about 3.5 kB: 2 MiB hold some 500 toolchains. Parsing YAML costs about
 * 30 times the text in memory, so the cap keeps a stray or hostile file from taking gigabytes.
 */
export const MAX_LOCKFILE_BYTES = 2 * 1024 * 1024;
/** This tool writes no aliases; a hand-written lockfile may use a few, never an alias bomb. */
const MAX_ALIAS_COUNT = 100;

export function lockfileTooLarge(fileName: string, size: string): string {
  return `${fileName}: ${size} is more than a cgo-abi-guard lockfile holds (at most ${String(MAX_LOCKFILE_BYTES / 1024 / 1024)} MiB, some 500 toolchains): is it the right file?`;
}

export function parseLockfile(text: string, fileName: string): Lockfile | { error: string } {
  // Characters, not bytes, here: a bound all the same (the reader caps bytes before reading).
  if (text.length > MAX_LOCKFILE_BYTES)
    return { error: lockfileTooLarge(fileName, `${String(text.length)} characters`) };
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined)
    return { error: `${fileName}: not valid YAML: ${first.message.split('\n')[0] ?? ''}` };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library refuses an alias bomb ("Excessive alias count …") with a ReferenceError.
    return { error: `${fileName}: refused: ${(error as Error).message}` };
  }
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.toolchains)) {
    return {
      error: `${fileName}: not a cgo-abi-guard lockfile (expected "version: 1" and a "toolchains" list)`,
    };
  }
  const toolchains: LockedToolchain[] = [];
  for (const [i, entry] of (raw.toolchains as unknown[]).entries()) {
    const where = `${fileName}: toolchains[${i}]`;
    if (isRecord(entry) && entry.source !== undefined && entry.source !== 'npm')
      return { error: `${where}: source must be npm or absent (Debian packages)` };
    // An npm entry names no Debian packages, a package set's none but its target packages.
    const listed = !isRecord(entry)
      ? null
      : entry.source === 'npm' || (entry.over !== undefined && entry.packages === undefined)
        ? []
        : entry.packages;
    if (
      !isRecord(entry) ||
      typeof entry.key !== 'string' ||
      typeof entry.release !== 'string' ||
      !Array.isArray(listed)
    ) {
      return { error: `${where}: needs key, release and packages` };
    }
    const npm = entry.source === 'npm' ? checkNpmPin(entry.npm) : undefined;
    if (typeof npm === 'string') return { error: `${where} (${entry.key}): ${npm}` };
    const packages: LockedPackage[] = [];
    for (const p of listed) {
      const checked = checkPackage(p);
      if (typeof checked === 'string') return { error: `${where} (${entry.key}): ${checked}` };
      packages.push(checked);
    }
    const tools: LockedPackage[] = [];
    if (entry.tools !== undefined && !Array.isArray(entry.tools))
      return { error: `${where} (${entry.key}): tools must be a list of packages` };
    for (const p of Array.isArray(entry.tools) ? entry.tools : []) {
      const checked = checkPackage(p);
      if (typeof checked === 'string')
        return { error: `${where} (${entry.key}): tools: ${checked}` };
      tools.push(checked);
    }
    const target = checkTarget(entry.target);
    if (typeof target === 'string') return { error: `${where} (${entry.key}): target: ${target}` };
    const cap = entry.cap === undefined ? undefined : checkCap(entry.cap);
    if (typeof cap === 'string') return { error: `${where} (${entry.key}): ${cap}` };
    const over = entry.over;
    if (over !== undefined && (typeof over !== 'string' || over === '' || target === undefined))
      return { error: `${where} (${entry.key}): over must name a toolchain's key, with target` };
    const programs = checkPrograms(entry.programs);
    if (typeof programs === 'string') return { error: `${where} (${entry.key}): ${programs}` };
    const tree = entry.tree;
    if (tree !== undefined && (typeof tree !== 'string' || !/^[0-9a-f]{64}$/.test(tree))) {
      return { error: `${where} (${entry.key}): tree must be 64 hex digits` };
    }
    toolchains.push({
      key: entry.key,
      release: entry.release,
      packages,
      ...(entry.tools === undefined ? {} : { tools }),
      ...(npm === undefined ? {} : { npm }),
      ...(target === undefined ? {} : { target }),
      ...(over === undefined ? {} : { over }),
      ...(cap === undefined ? {} : { cap }),
      ...(programs === undefined ? {} : { programs }),
      ...(tree === undefined ? {} : { tree }),
    });
  }
  return { version: 1, toolchains };
}

function checkPackage(p: unknown): LockedPackage | string {
  if (!isRecord(p) || typeof p.name !== 'string') return 'a package entry has no name';
  const { name, version, arch, filename, size, sha256 } = p;
  if (typeof version !== 'string' || typeof arch !== 'string' || typeof filename !== 'string') {
    return `package ${name}: needs version, arch and filename`;
  }
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
    return `package ${name}: size must be a positive integer`;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    return `package ${name}: sha256 must be 64 hex digits`;
  if (filename.startsWith('/') || filename.split('/').includes('..'))
    return `package ${name}: filename must be a path inside the mirror`;
  return { name, version, arch, filename, size, sha256 };
}

function checkTarget(t: unknown): TargetPackages | undefined | string {
  if (t === undefined) return undefined;
  if (!isRecord(t) || !Array.isArray(t.requested) || !Array.isArray(t.packages))
    return 'needs requested (package names) and packages';
  const requested = t.requested.filter((n): n is string => typeof n === 'string');
  if (requested.length !== t.requested.length || requested.length === 0)
    return 'requested must be a list of package names';
  const packages: LockedPackage[] = [];
  for (const p of t.packages as unknown[]) {
    const checked = checkPackage(p);
    if (typeof checked === 'string') return checked;
    packages.push(checked);
  }
  return { requested, packages };
}

const PROGRAM = /^[a-z0-9][a-z0-9_+.-]*$/;

function checkPrograms(p: unknown): string[] | undefined | string {
  if (p === undefined) return undefined;
  const names = Array.isArray(p) ? p.filter((n): n is string => typeof n === 'string') : [];
  if (!Array.isArray(p) || names.length !== p.length || names.length === 0)
    return 'programs must be a list of program names';
  const bad = names.find((n) => !PROGRAM.test(n));
  return bad === undefined ? names : `programs: not a program name: ${JSON.stringify(bad)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function findToolchain(lock: Lockfile, key: string): LockedToolchain | undefined {
  return lock.toolchains.find((t) => t.key === key);
}

/** The lock with `entry` added or replaced, toolchains sorted by key (stable output). */
export function withToolchain(lock: Lockfile, entry: LockedToolchain): Lockfile {
  const others = lock.toolchains.filter((t) => t.key !== entry.key);
  return { version: 1, toolchains: [...others, entry].sort((a, b) => a.key.localeCompare(b.key)) };
}

const byName = (packages: readonly LockedPackage[]): LockedPackage[] =>
  [...packages].sort((a, b) => a.name.localeCompare(b.name));

export function renderLockfile(lock: Lockfile): string {
  const toolchains = lock.toolchains.map((t) => ({
    key: t.key,
    release: t.release,
    ...(t.over === undefined ? {} : { over: t.over }),
    ...(t.tree === undefined ? {} : { tree: t.tree }),
    ...(t.cap === undefined ? {} : { cap: t.cap }),
    ...(t.programs === undefined ? {} : { programs: [...t.programs].sort() }),
    ...(t.npm === undefined
      ? {
          ...(t.over !== undefined && t.packages.length === 0
            ? {}
            : { packages: byName(t.packages) }),
          ...(t.tools === undefined ? {} : { tools: byName(t.tools) }),
          ...(t.target === undefined
            ? {}
            : {
                target: {
                  requested: [...t.target.requested].sort(),
                  packages: byName(t.target.packages),
                },
              }),
        }
      : { source: 'npm', npm: t.npm }),
  }));
  // No anchors and aliases for shared objects (two floors with the same npm pin): plain entries.
  return (
    LOCK_HEADER +
    stringify({ version: 1, toolchains }, { lineWidth: 0, aliasDuplicateObjects: false })
  );
}

/**
 * The content identity of a lock entry: what its bytes are (every package's name, version, arch
 * and SHA-256, or the npm pin), whatever key or floor names it. Installs are kept and cached by
 * it. The tools are part of it (they change the tree), and the programs an install keeps of its
 * packages; an entry without either keeps its identity.
 */
export function contentIdentity(entry: LockedToolchain): string {
  if (entry.npm !== undefined) return npmIdentity(entry.npm);
  const line = (p: LockedPackage, prefix = ''): string =>
    `${prefix}${p.name} ${p.version} ${p.arch} ${p.sha256}`;
  return [
    ...byName(entry.packages).map((p) => line(p)),
    ...byName(entry.tools ?? []).map((p) => line(p, 'tool ')),
    ...byName(entry.target?.packages ?? []).map((p) => line(p, 'target ')),
    ...(entry.cap === undefined ? [] : [capIdentity(entry.cap)]),
    ...[...(entry.programs ?? [])].sort().map((p) => `program ${p}`),
  ].join('\n');
}

/** 12 hex digits of a content identity's SHA-256: in tool-cache versions and cache keys. */
export function contentHash(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 12);
}
