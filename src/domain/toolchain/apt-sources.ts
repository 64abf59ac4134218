/**
 * Pure parsers for the package-fetching layer: the host's apt sources (deb822 `.sources` and
 * one-line `sources.list`), `apt-get --print-uris download` lines, `apt-cache show` stanzas and
 * `dpkg-deb --contents` listings, plus the safety check of a package's entries before extraction.
 */

export interface AptSourceEntry {
  types: string[];
  uris: string[];
  suites: string[];
  components: string[];
  /** A keyring path, or an inline armored key (deb822 only); null when not given. */
  signedBy: string | null;
  enabled: boolean;
  /** The file the entry came from (for messages). */
  origin: string;
}

const words = (value: string | undefined): string[] =>
  (value ?? '').split(/\s+/).filter((w) => w !== '');

/** deb822 control-style stanzas: `Key: value`, continuation lines, `#` comments, blank lines. */
export function parseStanzas(text: string): Map<string, string>[] {
  const stanzas: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      if (current.size > 0) stanzas.push(current);
      current = new Map();
      last = null;
    } else if (/^[ \t]/.test(line) && last !== null) {
      const body = line.trim() === '.' ? '' : line.trim();
      current.set(last, `${current.get(last) ?? ''}\n${body}`);
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) stanzas.push(current);
  return stanzas;
}

export function parseDeb822Sources(text: string, origin = ''): AptSourceEntry[] {
  return parseStanzas(text)
    .filter((s) => s.has('types') || s.has('uris'))
    .map((s) => ({
      types: words(s.get('types')),
      uris: words(s.get('uris')),
      suites: words(s.get('suites')),
      components: words(s.get('components')),
      signedBy: s.get('signed-by')?.trim() ?? null,
      enabled: !/^(no|false|0)$/i.test(s.get('enabled')?.trim() ?? 'yes'),
      origin,
    }));
}

/** `deb [signed-by=/k.gpg arch=amd64] http://mirror/debian bookworm main contrib` */
export function parseOneLineSources(text: string, origin = ''): AptSourceEntry[] {
  const entries: AptSourceEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^(deb|deb-src)\s+(?:\[([^\]]*)\]\s*)?(\S+)\s+(\S+)(.*)$/.exec(line);
    if (m === null) continue;
    const options = new Map<string, string>();
    for (const option of words(m[2])) {
      const eq = option.indexOf('=');
      if (eq > 0) options.set(option.slice(0, eq).toLowerCase(), option.slice(eq + 1));
    }
    entries.push({
      types: [m[1] ?? 'deb'],
      uris: [m[3] ?? ''],
      suites: [m[4] ?? ''],
      components: words(m[5]),
      signedBy: options.get('signed-by') ?? null,
      enabled: true,
      origin,
    });
  }
  return entries;
}

/** Each file in its format: given, or by name (`*.sources` is deb822, else one-line). */
export function parseAptSources(
  files: { path: string; text: string; format?: 'deb822' | 'one-line' }[],
): AptSourceEntry[] {
  return files.flatMap((f) =>
    (f.format ?? (f.path.endsWith('.sources') ? 'deb822' : 'one-line')) === 'deb822'
      ? parseDeb822Sources(f.text, f.path)
      : parseOneLineSources(f.text, f.path),
  );
}

export interface PrintUri {
  url: string;
  filename: string;
  size: number;
  sha256: string;
}

/** `'http://…/pool/main/x/x_1.0_amd64.deb' x_1.0_amd64.deb 1234 SHA256:abc…` */
export function parsePrintUris(text: string): PrintUri[] {
  const out: PrintUri[] = [];
  for (const line of text.split('\n')) {
    const m = /^'([^']+)'\s+(\S+)\s+(\d+)\s+SHA256:([0-9a-f]{64})\s*$/i.exec(line.trim());
    if (m === null) continue;
    const [, url = '', filename = '', size = '0', sha = ''] = m;
    out.push({ url, filename, size: Number(size), sha256: sha.toLowerCase() });
  }
  return out;
}

/** `gcc-aarch64-linux-gnu_4%3a10.2.1-1_amd64.deb` → name, version (epoch decoded), arch. */
export function parseDebFilename(
  filename: string,
): { name: string; version: string; arch: string } | null {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  const m = /^([^_]+)_([^_]+)_([^_]+)\.deb$/.exec(base);
  if (m === null) return null;
  const [, name = '', version = '', arch = ''] = m;
  return { name, version: version.replace(/%3a/gi, ':'), arch };
}

/** A Depends field → groups of alternatives, names only (`libc6 (>= 2.14), a | b:any`). */
export function parseDependsField(value: string): string[][] {
  return value
    .split(',')
    .map((group) =>
      group
        .split('|')
        .map((alt) => alt.trim().split(/[\s(:[<]/)[0] ?? '')
        .filter((name) => name !== ''),
    )
    .filter((group) => group.length > 0);
}

export type DebEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface DebEntry {
  /** As listed (after undoing tar's escapes), e.g. `./usr/bin/x`. */
  path: string;
  type: DebEntryType;
  /** Symlink or hardlink target; null otherwise, or when the line cannot be split safely. */
  linkTarget: string | null;
}

const TYPE_BY_CHAR: Record<string, DebEntryType> = {
  '-': 'file',
  d: 'dir',
  l: 'symlink',
  h: 'hardlink',
};
const LISTING =
  /^(\S)\S{9}\s+\S+\s+(?:\d+|\d+,\s*\d+)\s+\d{4}-\d\d-\d\d\s+\d\d:\d\d(?::\d\d)?\s(.*)$/;

/** Undoes GNU tar's `escape` quoting; runs of octal escapes are UTF-8 bytes. */
function unescapeTar(s: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f' };
  return s.replace(/((?:\\[0-7]{3})+)|\\(.)/g, (_, octal: string | undefined, e: string) => {
    if (octal === undefined) return simple[e] ?? e;
    const bytes = octal
      .split('\\')
      .slice(1)
      .map((o) => parseInt(o, 8));
    return new TextDecoder().decode(Uint8Array.from(bytes));
  });
}

/** `dpkg-deb --contents` (GNU `tar -tv`) lines. Unrecognised lines become `other` entries. */
export function parseDebContents(text: string): DebEntry[] {
  const entries: DebEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = LISTING.exec(line);
    if (m === null) {
      entries.push({ path: line, type: 'other', linkTarget: null });
      continue;
    }
    const type = TYPE_BY_CHAR[m[1] ?? ''] ?? 'other';
    const rest = m[2] ?? '';
    const sep = type === 'symlink' ? ' -> ' : type === 'hardlink' ? ' link to ' : null;
    const parts = sep === null ? [rest] : rest.split(sep);
    // A name or target that itself contains the separator cannot be split with certainty.
    const linkTarget = parts.length === 2 ? unescapeTar(parts[1] ?? '') : null;
    const path = unescapeTar(parts.length === 2 ? (parts[0] ?? '') : rest);
    entries.push({ path, type, linkTarget });
  }
  return entries;
}

const components = (p: string): string[] => p.split('/').filter((c) => c !== '' && c !== '.');

/** Climbs `rel` from the directory `dir` (components under the root); null if it leaves it. */
function climb(dir: string[], rel: string): string[] | null {
  const stack = [...dir];
  for (const c of components(rel)) {
    if (c !== '..') stack.push(c);
    else if (stack.pop() === undefined) return null;
  }
  return stack;
}

/**
 * Problems that make a package unsafe to extract: absolute or `..` paths, entries written
 * through a symlink of the same package, relative symlinks or hardlinks that leave the root,
 * devices, fifos and unrecognised lines. Absolute symlink targets are accepted: they are
 * rewritten relative into the install afterwards.
 */
export function checkEntries(entries: DebEntry[]): string[] {
  const problems: string[] = [];
  const symlinks = new Set(
    entries.filter((e) => e.type === 'symlink').map((e) => components(e.path).join('/')),
  );
  const throughSymlink = (parts: string[]): string | null => {
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (symlinks.has(prefix)) return prefix;
    }
    return null;
  };
  for (const e of entries) {
    const parts = components(e.path);
    if (e.type === 'other') {
      problems.push(`${e.path}: device, fifo or unrecognised entry`);
      continue;
    }
    if (e.path.startsWith('/')) problems.push(`${e.path}: absolute path`);
    if (parts.includes('..')) problems.push(`${e.path}: path contains ".."`);
    const via = throughSymlink(parts);
    if (via !== null) problems.push(`${e.path}: written through the symlink ${via}`);
    if (e.type === 'symlink') {
      if (e.linkTarget === null) problems.push(`${e.path}: ambiguous symlink entry`);
      else if (!e.linkTarget.startsWith('/') && climb(parts.slice(0, -1), e.linkTarget) === null)
        problems.push(`${e.path}: symlink to ${e.linkTarget} leaves the root`);
    }
    if (e.type === 'hardlink') {
      const t = e.linkTarget;
      if (t === null) problems.push(`${e.path}: ambiguous hardlink entry`);
      else if (t.startsWith('/') || components(t).includes('..'))
        problems.push(`${e.path}: hardlink to ${t} leaves the root`);
      else if (throughSymlink(components(t)) !== null)
        problems.push(`${e.path}: hardlink to ${t} goes through a symlink`);
    }
  }
  return problems;
}

/** The `Architectures:` a suite's (In)Release lists, or null when it lists none (a flat repo). */
export function releaseArchitectures(text: string): string[] | null {
  const m = /^Architectures:[ \t]*(.*)$/m.exec(text);
  return m === null ? null : (m[1] ?? '').split(/\s+/).filter((a) => a !== '');
}
