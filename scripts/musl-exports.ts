// Writes src/domain/data/musl-exports.ts: the names each musl floor's libc.so exports, per Debian
// architecture, read from Debian's `musl` packages (the runtime package: it ships
// `(usr/)lib/<musl triplet>/libc.so`, which is also the loader `ld-musl-<arch>.so.1`; musl-dev has
// the headers, libc.a and the start files, not libc.so).
//
//   npx tsx scripts/musl-exports.ts DEBDIR [OUT]
//
// DEBDIR holds the downloaded `musl_<version>_<arch>.deb` files (searched recursively), every
// architecture of every release the table is to cover: Debian 11 bullseye (musl 1.2.2), 12 bookworm
// (1.2.3), 13 trixie (1.2.5). OUT defaults to src/domain/data/musl-exports.ts. Needs dpkg-deb and
// readelf; formats the file with the repository's prettier.
//
// Getting the packages: apt-get with a private configuration (the host's /etc/apt untouched), the
// mirror taken from the host's own sources (its `URIs:` line); run once per suite. Package lists
// only serve architectures they are asked for, hence APT::Architectures, and the empty dpkg status
// keeps the host's installed musl from being taken as the candidate.
//
//   musl_debs() {  # musl_debs SUITE MIRROR-URI OUTDIR
//     local d; d=$(mktemp -d)
//     mkdir -p "$d/state/lists/partial" "$d/cache/archives/partial" "$3"; : >"$d/status"
//     echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $2 $1 main" >"$d/list"
//     local o=(-o "Dir::Etc::sourcelist=$d/list" -o Dir::Etc::sourceparts=/nonexistent
//       -o "Dir::State=$d/state" -o "Dir::State::status=$d/status" -o "Dir::Cache=$d/cache"
//       -o Acquire::Check-Valid-Until=false -o Acquire::Languages=none)
//     local a; for a in amd64 arm64 armel armhf i386 ppc64el riscv64 s390x; do
//       o+=(-o "APT::Architectures::=$a"); done
//     apt-get "${o[@]}" update
//     for a in amd64 arm64 armel armhf i386 ppc64el riscv64 s390x; do
//       (cd "$3" && apt-get "${o[@]}" download "musl:$a") || echo "no musl:$a in $1"; done
//     rm -rf "$d"
//   }
//   mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)  # or sources.list
//   for s in bullseye bookworm trixie; do musl_debs "$s" "$mirror" "debs/$s"; done
//
// (bullseye, in its LTS years, serves only amd64, arm64, armhf and i386.)
//
// What counts as exported: every `.dynsym` entry of libc.so that is defined (Ndx not UND), bound
// GLOBAL or WEAK (or GNU UNIQUE) with DEFAULT or PROTECTED visibility, of type FUNC, OBJECT, TLS,
// IFUNC, COMMON or NOTYPE (`_dlstart` is a NOTYPE on some architectures) — what musl's loader
// binds an undefined symbol to. SECTION and FILE entries are local and skipped; any other type
// stops the script, so a new kind of entry is looked at before it is counted.
//
// The loader's aliases: from musl 1.2.4 libc.so no longer exports the LFS64 names (`stat64`,
// `fopen64`, …), but its loader still binds an old binary's reference to one to the plain name
// (ldso/dynlink.c, get_lfs64; `readdir64_r` to `readdir_r`). The list is read from libc.so's own
// bytes (the packed names `aio_cancel\0aio_error\0…\0\0`), so the table says which loader has it.
//
// Layout of the table (to keep it small): per musl version, the names every architecture of the
// row exports, as a change to the previous row's (the first row lists them all), and the names only
// some architectures export, by the exact set of architectures that do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { compareDotted } from '../src/domain/version.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [debDir, outArg] = process.argv.slice(2);
if (debDir === undefined) {
  console.error('usage: npx tsx scripts/musl-exports.ts DEBDIR [OUT]');
  process.exit(2);
}
const out = outArg ?? join(root, 'src', 'domain', 'data', 'musl-exports.ts');

const TYPES = new Set(['FUNC', 'OBJECT', 'TLS', 'IFUNC', 'COMMON', 'NOTYPE']);
const SKIPPED_TYPES = new Set(['SECTION', 'FILE']);
const BINDS = new Set(['GLOBAL', 'WEAK', 'UNIQUE']);
const VISIBLE = new Set(['DEFAULT', 'PROTECTED']);

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
}

function debsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const at = join(dir, name);
    if (statSync(at).isDirectory()) return debsUnder(at);
    return name.endsWith('.deb') ? [at] : [];
  });
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `readelf --dyn-syms -W` → the names the library defines and exports. */
function exportedNames(text: string, file: string): Set<string> {
  const names = new Set<string>();
  for (const raw of text.split('\n')) {
    // ppc64el prints `[<localentry>: 8]` after the visibility, aarch64 may print `[VARIANT_PCS]`.
    const line = raw.replace(/\[[^\]]*\]/g, ' ');
    const m = /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?/.exec(
      line,
    );
    if (m === null) continue;
    const [, type = '', bind = '', vis = '', ndx = '', name] = m;
    if (ndx === 'UND' || name === undefined || bind === 'LOCAL') continue;
    if (SKIPPED_TYPES.has(type)) continue;
    if (!TYPES.has(type)) throw new Error(`${file}: unexpected symbol type ${type} (${name})`);
    if (!BINDS.has(bind) || !VISIBLE.has(vis)) continue;
    names.add(name.replace(/@.*$/, ''));
  }
  return names;
}

/** The LFS64 aliases musl's loader resolves (`stat64=stat`), read from libc.so's bytes; [] before 1.2.4. */
function loaderAliases(bytes: Buffer): string[] {
  const anchor = Buffer.from('aio_cancel\0aio_error\0', 'latin1');
  const at = bytes.indexOf(anchor);
  if (at < 0) return [];
  const end = bytes.indexOf(Buffer.from('\0\0', 'latin1'), at);
  const bases = bytes.toString('latin1', at, end).split('\0');
  const aliases = bases.map((b) => `${b}64=${b}`);
  if (bytes.includes(Buffer.from('\0readdir64_r\0', 'latin1')))
    aliases.push('readdir64_r=readdir_r');
  return aliases.sort(byName);
}

/** One package: its version, architecture, musl's name for it, exports and loader aliases. */
interface MuslPackage {
  package: string;
  musl: string;
  arch: string;
  muslArch: string;
  names: Set<string>;
  aliases: string[];
}

function readPackage(deb: string): MuslPackage {
  const fields: Record<string, string> = Object.fromEntries(
    run('dpkg-deb', ['--field', deb, 'Package', 'Version', 'Architecture'])
      .trim()
      .split('\n')
      .map((l): [string, string] => {
        const [key = '', value = ''] = l.split(': ');
        return [key, value];
      }),
  );
  const { Version: version = '', Architecture: arch = '' } = fields;
  if (fields.Package !== 'musl') throw new Error(`${deb}: package ${fields.Package}, not musl`);
  const tmp = mkdtempSync(join(tmpdir(), 'musl-exports-'));
  try {
    run('dpkg-deb', ['-x', deb, tmp]);
    const libs: string[] = [];
    let muslArch: string | null = null;
    for (const lib of ['lib', 'usr/lib']) {
      let entries: string[];
      try {
        entries = readdirSync(join(tmp, lib));
      } catch {
        continue;
      }
      for (const e of entries) {
        const loader = /^ld-musl-(.+)\.so\.1$/.exec(e);
        if (loader?.[1] !== undefined) muslArch = loader[1];
        const libc = join(tmp, lib, e, 'libc.so');
        try {
          if (statSync(libc).isFile()) libs.push(libc);
        } catch {
          // not a directory with libc.so
        }
      }
    }
    const [libc] = libs;
    if (libc === undefined || libs.length !== 1)
      throw new Error(`${deb}: ${libs.length} libc.so found, expected one`);
    if (muslArch === null) throw new Error(`${deb}: no ld-musl-<arch>.so.1`);
    return {
      package: version,
      musl: version.replace(/^\d+:/, '').replace(/-[^-]*$/, ''),
      arch,
      muslArch,
      names: exportedNames(run('readelf', ['--dyn-syms', '-W', libc]), relative(tmp, libc)),
      aliases: loaderAliases(readFileSync(libc)),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const packages = debsUnder(debDir).sort(byName).map(readPackage);
const versions = [...new Set(packages.map((p) => p.musl))].sort(compareDotted);
if (versions.length === 0) throw new Error(`no musl packages under ${debDir}`);

interface Row {
  musl: string;
  architectures: { arch: string; package: string; muslArch: string }[];
  added: string[];
  removed: string[];
  some: [string, string[]][];
  aliases: string;
}

const rows: Row[] = [];
let previous = new Set<string>();
for (const musl of versions) {
  const pkgs = packages.filter((p) => p.musl === musl).sort((a, b) => byName(a.arch, b.arch));
  const [first] = pkgs;
  if (first === undefined) continue;
  const seen = new Set<string>();
  for (const p of pkgs) {
    if (seen.has(p.arch)) throw new Error(`musl ${musl}: two packages for ${p.arch}`);
    seen.add(p.arch);
  }
  const aliases = first.aliases.join(' ');
  for (const p of pkgs)
    if (p.aliases.join(' ') !== aliases)
      throw new Error(`musl ${musl}: ${p.arch}'s loader aliases differ from ${first.arch}'s`);
  const common = new Set([...first.names].filter((n) => pkgs.every((p) => p.names.has(n))));
  const some = new Map<string, string[]>();
  for (const name of new Set(pkgs.flatMap((p) => [...p.names]))) {
    if (common.has(name)) continue;
    const key = pkgs
      .filter((p) => p.names.has(name))
      .map((p) => p.arch)
      .join(' ');
    some.set(key, [...(some.get(key) ?? []), name]);
  }
  rows.push({
    musl,
    architectures: pkgs.map((p) => ({ arch: p.arch, package: p.package, muslArch: p.muslArch })),
    added: [...common].filter((n) => !previous.has(n)).sort(byName),
    removed: [...previous].filter((n) => !common.has(n)).sort(byName),
    some: [...some.entries()]
      .map(([k, names]): [string, string[]] => [k, names.sort(byName)])
      .sort(([a], [b]) => byName(a, b)),
    aliases,
  });
  previous = common;
}

const q = (s: string): string => `'${s}'`;
const lines = [
  "// Generated by scripts/musl-exports.ts from Debian's `musl` packages; do not edit. To",
  '// regenerate, download the packages as its header says and run',
  '// `npx tsx scripts/musl-exports.ts DEBDIR`.',
  '/**',
  " * The names each musl floor's libc.so exports (its dynamic symbol table's defined GLOBAL and",
  " * WEAK entries), per Debian architecture: the musl analogue of a glibc floor's version nodes,",
  ' * as musl has no symbol versioning. Data only; rules/musl-exports.ts is the view of it.',
  ' */',
  '',
  'export interface MuslExportsRow {',
  "  /** musl's version, as releases.ts's `musl`. */",
  '  musl: string;',
  "  /** Debian architecture → the `musl` package read and musl's name for it (`ld-musl-<arch>`). */",
  '  architectures: Readonly<Record<string, { package: string; muslArch: string }>>;',
  '  /**',
  "   * Exported on every architecture of the row: the previous row's names with `added` and",
  '   * without `removed` (the first row adds them all). Space-separated.',
  '   */',
  '  added: string;',
  '  removed: string;',
  '  /** Exported on some architectures only: the space-separated architectures → their names. */',
  '  some: Readonly<Record<string, string>>;',
  '  /**',
  "   * Names the loader binds though libc.so does not export them, `alias=name` (musl 1.2.4's LFS64",
  '   * compatibility: `stat64=stat`); an alias binds only where its name is exported.',
  '   */',
  '  loaderAliases: string;',
  '}',
  '',
  '/** Oldest musl first. */',
  'export const MUSL_EXPORTS: readonly MuslExportsRow[] = [',
];
for (const row of rows) {
  lines.push('  {', `    musl: ${q(row.musl)},`, '    architectures: {');
  for (const a of row.architectures)
    lines.push(`      ${a.arch}: { package: ${q(a.package)}, muslArch: ${q(a.muslArch)} },`);
  lines.push('    },');
  lines.push(`    added: ${q(row.added.join(' '))},`, `    removed: ${q(row.removed.join(' '))},`);
  lines.push('    some: {');
  for (const [key, names] of row.some) lines.push(`      ${q(key)}: ${q(names.join(' '))},`);
  lines.push('    },', `    loaderAliases: ${q(row.aliases)},`, '  },');
}
lines.push('];', '');

let text = lines.join('\n');
try {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(out)) ?? {};
  text = await prettier.format(text, { ...options, filepath: out });
} catch (e) {
  console.error(`not formatted (prettier: ${e instanceof Error ? e.message : String(e)})`);
}
writeFileSync(out, text);
for (const row of rows)
  console.log(
    `musl ${row.musl}: ${row.architectures.map((a) => `${a.arch} ${a.package}`).join(', ')}`,
  );
console.log(`wrote ${relative(process.cwd(), out)} (${Buffer.byteLength(text)} bytes)`);
