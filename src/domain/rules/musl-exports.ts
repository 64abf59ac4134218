/**
 * The musl floor's exports: what the floor's libc.so exports on an architecture (a view of
 * ../data/musl-exports.ts), and which undefined symbols of a dynamic musl binary it does not — the
 * musl analogue of the glibc version floor (musl has no symbol versioning, so the names are all
 * there is to check).
 *
 * The rule `musl-floor` (musl.ts) calls it for a dynamic binary judged at a musl floor and fails
 * on each `missing` name, since musl's loader refuses a binary whose non-weak symbol it cannot
 * bind ("Error relocating …: symbol not found"). When `unjudged` is not empty, a missing name may
 * be one of those libraries': said, not failed; a null result (a floor or architecture the table
 * lacks) cannot be judged.
 */
import { MUSL_NEEDED } from '../data/allowlists.js';
import { MUSL_EXPORTS } from '../data/musl-exports.js';
import { compareDotted } from '../version.js';

interface FloorTable {
  /** Debian architecture → every name libc.so exports there. */
  exports: ReadonlyMap<string, ReadonlySet<string>>;
  /** Debian architecture → musl's name for it (`x86_64`). */
  muslArch: ReadonlyMap<string, string>;
  /** Names the loader binds to another name (LFS64 aliases, musl ≥ 1.2.4). */
  aliases: ReadonlyMap<string, string>;
}

const words = (s: string): string[] => (s === '' ? [] : s.split(' '));

/** musl version → its table, oldest first (the rows' order, which their deltas follow). */
function buildTables(): Map<string, FloorTable> {
  const out = new Map<string, FloorTable>();
  let common = new Set<string>();
  for (const row of MUSL_EXPORTS) {
    common = new Set(common);
    for (const name of words(row.added)) common.add(name);
    for (const name of words(row.removed)) common.delete(name);
    const exports = new Map<string, ReadonlySet<string>>();
    const muslArch = new Map<string, string>();
    for (const [arch, { muslArch: name }] of Object.entries(row.architectures)) {
      const set = new Set(common);
      for (const [arches, names] of Object.entries(row.some))
        if (words(arches).includes(arch)) for (const n of words(names)) set.add(n);
      exports.set(arch, set);
      muslArch.set(arch, name);
    }
    const aliases = new Map<string, string>();
    for (const pair of words(row.loaderAliases)) {
      const [alias = '', name = ''] = pair.split('=');
      aliases.set(alias, name);
    }
    out.set(row.musl, { exports, muslArch, aliases });
  }
  return out;
}

let tables: Map<string, FloorTable> | null = null;
const TABLES = (): Map<string, FloorTable> => (tables ??= buildTables());

/** The musl versions the table has, oldest first. */
export function muslExportVersions(): string[] {
  return [...TABLES().keys()].sort(compareDotted);
}

/** What musl `version`'s libc.so exports on Debian architecture `debianArch`; null if not in the table. */
export function muslExports(version: string, debianArch: string): ReadonlySet<string> | null {
  return TABLES().get(version)?.exports.get(debianArch) ?? null;
}

/** The oldest musl of the table whose loader binds `symbol` on `debianArch`; null: none does. */
export function muslSince(symbol: string, debianArch: string): string | null {
  for (const version of muslExportVersions()) {
    const table = TABLES().get(version);
    if (table !== undefined && binds(table, debianArch, symbol)) return version;
  }
  return null;
}

/** Whether musl `version`'s loader binds `symbol` on `debianArch`: exported, or an alias of a name that is. */
function binds(table: FloorTable, debianArch: string, symbol: string): boolean {
  const exports = table.exports.get(debianArch);
  if (exports === undefined) return false;
  if (exports.has(symbol)) return true;
  const target = table.aliases.get(symbol);
  return target !== undefined && exports.has(target);
}

/**
 * An undefined dynamic symbol of the binary. `ElfFacts.symbolVersions` fits: it lists the
 * undefined `.dynsym` entries with their version ('' unversioned) but not their binding, so when
 * `weak` is absent the names only start files and crtstuff reference weakly are taken as weak
 * (`WEAK_BY_CONVENTION`); a caller that read the binding says so with `weak`.
 */
export interface UndefinedSymbol {
  symbol: string;
  /** The version it is bound to; '' or absent when unversioned. */
  version?: string;
  /** STB_WEAK; absent when not read. */
  weak?: boolean;
}

/**
 * Names gcc's start files and crtstuff reference weakly (`__gmon_start__` for gprof, the
 * transactional-memory clones, the old frame-info registration, `__cxa_finalize` for a DSO's
 * destructors): the loader leaves a weak reference it cannot bind at 0 instead of refusing the
 * binary, so they are never missing.
 */
export const WEAK_BY_CONVENTION: readonly string[] = [
  '__cxa_finalize',
  '__deregister_frame_info',
  '__gmon_start__',
  '__register_frame_info',
  '_ITM_deregisterTMCloneTable',
  '_ITM_registerTMCloneTable',
  '_Jv_RegisterClasses',
];

export interface MissingMuslSymbol {
  symbol: string;
  /** The oldest musl version of the table above the floor that exports it there; null if none. */
  since: string | null;
  /** Every version of the table that exports it (or whose loader binds it) there, oldest first. */
  exportedIn: string[];
}

export interface MuslFloorCheck {
  /** Non-weak unversioned undefined symbols the floor's libc.so neither exports nor binds, sorted. */
  missing: MissingMuslSymbol[];
  /**
   * NEEDED entries other than musl's own (`libc.so`, `libc.musl-<arch>.so.1`, its loader): the
   * table does not know what they export, so a `missing` name may be theirs. Empty: the check is
   * complete.
   */
  unjudged: string[];
}

export interface MuslFloorInput {
  symbols: readonly UndefinedSymbol[];
  /** The binary's DT_NEEDED. */
  needed: readonly string[];
  /** The floor: a musl version of the table (`1.2.3`). */
  musl: string;
  /** The Debian architecture (`amd64`, `armhf`). */
  arch: string;
}

/**
 * The symbols of a dynamic musl binary the floor's libc.so does not provide, each with the musl
 * versions that do; null when the table has no such floor or architecture. Skipped: weak
 * references (the loader leaves them unbound) and versioned ones (musl has no version nodes, so a
 * versioned import — `GLIBCXX_3.4` — is another library's; the version rules judge it).
 */
export function muslFloorCheck(input: MuslFloorInput): MuslFloorCheck | null {
  const floor = TABLES().get(input.musl);
  const muslArch = floor?.muslArch.get(input.arch);
  if (floor === undefined || muslArch === undefined) return null;
  const own = new Set([
    ...MUSL_NEEDED,
    `libc.musl-${muslArch}.so.1`,
    `ld-musl-${muslArch}.so.1`,
    `/lib/ld-musl-${muslArch}.so.1`,
  ]);
  const unjudged = [...new Set(input.needed.filter((n) => !own.has(n)))].sort();
  const names = new Set<string>();
  for (const s of input.symbols) {
    if (s.symbol === '' || (s.version ?? '') !== '') continue;
    if (s.weak ?? WEAK_BY_CONVENTION.includes(s.symbol)) continue;
    names.add(s.symbol);
  }
  const versions = muslExportVersions();
  const missing: MissingMuslSymbol[] = [];
  for (const symbol of [...names].sort()) {
    if (binds(floor, input.arch, symbol)) continue;
    const exportedIn = versions.filter((v) => {
      const table = TABLES().get(v);
      return table !== undefined && binds(table, input.arch, symbol);
    });
    const since = exportedIn.find((v) => compareDotted(v, input.musl) > 0) ?? null;
    missing.push({ symbol, since, exportedIn });
  }
  return { missing, unjudged };
}
