/**
 * What each link through the cc / c++ wrappers took from the archives and objects it was given,
 * recorded when CGO_ABI_GUARD_LINK_LOG names a directory (the SBOM's static part, docs/sbom.md).
 * The wrapper runs the link again through itself with the linker's map (`-Map`), reads the GNU
 * build ID of what it wrote (`readelf -n`: the note cmd/go's build-ID rewrite leaves alone) and
 * keeps the part of the map that names the inputs as `<dir>/<build-id>.link`. The SBOM finds a
 * binary's record by its build ID; a binary without one, or linked without the wrappers, has none
 * and is said to have none. One format, written and read here.
 */
import { posix } from 'node:path';

export const LINK_LOG_ENV = 'CGO_ABI_GUARD_LINK_LOG';
const HEAD = 'cgo-abi-guard link record 1';

/** GNU ld (Debian's cross binutils, the host's, crosstool-ng's) or LLVM's lld. */
export type Linker = 'gnu' | 'lld';

/**
 * The shell text a compiler wrapper runs before its `exec`: with the log on and a link to do (an
 * `-o` and none of -c, -S, -E), it links through itself with the map and writes the record, then
 * exits with the link's status. The map is reduced to its inputs: for GNU ld the head (archive
 * members included, and why) and the LOAD lines; for lld the files of its input sections.
 */
export function linkRecorder(linker: Linker): string {
  const reduce =
    linker === 'gnu'
      ? `sed -n -e '1,/^Memory Configuration/p' -e '/^LOAD /p' "$map"`
      : `grep -F ':(' "$map" | sed -e 's/:([^()]*)$//' -e 's/^[[:space:]]*[0-9a-f]*[[:space:]]*[0-9a-f]*[[:space:]]*[0-9a-f]*[[:space:]]*[0-9]*[[:space:]]*//' | sort -u`;
  return [
    `if [ -n "\${${LINK_LOG_ENV}:-}" ] && [ -z "\${CGO_ABI_GUARD_LINKING:-}" ]; then`,
    '  link=1 out= prev=',
    '  for a; do',
    '    case $a in -c|-S|-E|-M|-MM|-fsyntax-only) link= ;; -o?*) out=${a#-o} ;; esac',
    '    if [ "$prev" = -o ]; then out=$a; fi',
    '    prev=$a',
    '  done',
    `  log=\${${LINK_LOG_ENV}}`,
    '  if [ -n "$link" ] && [ -n "$out" ] && mkdir -p "$log" && map=$(mktemp "$log/.map.XXXXXX"); then',
    '    CGO_ABI_GUARD_LINKING=1 "$0" -Xlinker "-Map=$map" "$@" || { status=$?; rm -f "$map"; exit "$status"; }',
    `    id=$(readelf -n "$out" 2>/dev/null | sed -n 's/^.*Build ID:[[:space:]]*\\([0-9a-f][0-9a-f]*\\)[[:space:]]*$/\\1/p' | head -n 1)`,
    '    if [ -n "$id" ]; then',
    `      { printf '%s\\nlinker ${linker}\\nroot %s\\n' '${HEAD}' "$root"; ${reduce}; } > "$map.r" && mv -f "$map.r" "$log/$id.link"`,
    '    fi',
    '    rm -f "$map" "$map.r"',
    '    exit 0',
    '  fi',
    'fi',
    '',
  ].join('\n');
}

/** One input a link took: an object, or an archive with the members it included. */
export interface LinkInput {
  /** As the linker opened it, normalised (`..` resolved). */
  path: string;
  /** The archive's members included; empty for an object. */
  members: string[];
}

export interface LinkRecord {
  /** The wrapper's install tree (`<dir>/root`, physical). */
  root: string;
  inputs: LinkInput[];
}

const GNU_SECTIONS =
  /^(Allocating common symbols|Discarded input sections|As-needed library included|Memory Configuration|Merging program properties|Linker script and memory map)/;
/** `path(member)`, alone or followed by what referenced it. */
const MEMBER = /^(.+?)\(([^()]+)\)(?:\s.*)?$/;

/** The record's inputs; an error when it is not one. */
export function parseLinkRecord(text: string): LinkRecord | { error: string } {
  const lines = text.split('\n');
  const linker = /^linker (gnu|lld)$/.exec(lines[1] ?? '')?.[1];
  const root = /^root (\/.*)$/.exec(lines[2] ?? '')?.[1];
  if (lines[0] !== HEAD || linker === undefined || root === undefined)
    return { error: 'not a cgo-abi-guard link record' };
  const archives = new Map<string, Set<string>>();
  const objects = new Set<string>();
  const member = (path: string, name: string): void => {
    const p = posix.normalize(path);
    archives.set(p, (archives.get(p) ?? new Set()).add(name));
  };
  const body = lines.slice(3);
  if (linker === 'gnu') {
    let inMembers = false;
    for (const line of body) {
      if (line.startsWith('Archive member included')) inMembers = true;
      else if (GNU_SECTIONS.test(line)) inMembers = false;
      else if (line.startsWith('LOAD ')) {
        const path = line.slice(5).trim();
        if (path.endsWith('.o')) objects.add(posix.normalize(path));
      } else if (inMembers && /^\S/.test(line)) {
        const m = MEMBER.exec(line.trimEnd());
        if (m?.[1] !== undefined && m[2] !== undefined) member(m[1], m[2]);
      }
    }
  } else {
    for (const line of body) {
      const file = line.trim();
      if (file === '' || file.startsWith('<') || !file.includes('/')) continue;
      const m = /^(.+)\(([^()]+)\)$/.exec(file);
      if (m?.[1] !== undefined && m[2] !== undefined) member(m[1], m[2]);
      else if (file.endsWith('.o')) objects.add(posix.normalize(file));
    }
  }
  const inputs: LinkInput[] = [
    ...[...archives].map(([path, members]) => ({ path, members: [...members].sort() })),
    ...[...objects].map((path) => ({ path, members: [] })),
  ];
  return { root, inputs: inputs.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** The GNU build ID in `readelf -n` output, as the wrapper names the record by it; null: none. */
export function gnuBuildId(notes: string): string | null {
  return /Build ID:\s*([0-9a-f]+)\s*$/m.exec(notes)?.[1] ?? null;
}
