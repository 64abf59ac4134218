/**
 * Which package mirrors to try, in order: the ones the user names, then the host's own archive
 * as its apt sources give it, including apt's mirror method (`mirror+file:/etc/apt/apt-mirrors.txt`
 * on GitHub's x64 runner images, whose list holds `http://…/ubuntu/<TAB>priority:N` lines).
 */
import type { AptSourceEntry } from './apt-sources.js';

export interface Mirror {
  /** Archive root without a trailing slash (`http://host/debian`). */
  uri: string;
  /** The keyring the Release file must be signed with; null: apt's trusted keys. */
  keyring: string | null;
}

/** Where the host's archive for a suite is: a plain URI, or a mirror list to read. */
export type ArchiveSource =
  | { kind: 'uri'; uri: string; keyring: string | null }
  | { kind: 'list'; location: string; keyring: string | null; origin: string };

export interface MirrorListEntry {
  uri: string;
  /** apt tries the lowest number first; mirrors without one come last. */
  priority: number | null;
  /** Selection limits (`arch`, `codename`, `suite`, …), each with its allowed values. */
  limits: Map<string, string[]>;
}

const trimSlash = (uri: string): string => uri.replace(/\/+$/, '');

/** Only a keyring file can be handed on to our private apt, not an inline key block. */
const keyringOf = (signedBy: string | null): string | null =>
  signedBy?.startsWith('/') === true ? signedBy : null;

/**
 * `mirror+file:/etc/apt/x.txt`, `mirror+file:///etc/apt/x.txt` → the file; `mirror://host/list`
 * and `mirror+http(s)://…` → the list's URL. Anything else is not a mirror list.
 */
export function mirrorListLocation(uri: string): string | null {
  const file = /^mirror\+file:(?:\/\/)?(\/.*)$/.exec(uri);
  if (file?.[1] !== undefined) return file[1];
  const web = /^mirror(?:\+(https?))?:\/\/(.+)$/.exec(uri);
  if (web?.[2] !== undefined) return `${web[1] ?? 'http'}://${web[2]}`;
  return null;
}

/** The host's archive entries for `codename` (enabled, type deb), in the order apt lists them. */
export function archiveSources(
  entries: readonly AptSourceEntry[],
  codename: string,
): ArchiveSource[] | { error: string } {
  const out: ArchiveSource[] = [];
  for (const e of entries) {
    if (!e.enabled || !e.types.includes('deb') || !e.suites.includes(codename)) continue;
    const keyring = keyringOf(e.signedBy);
    for (const uri of e.uris) {
      const list = mirrorListLocation(uri);
      if (list !== null) out.push({ kind: 'list', location: list, keyring, origin: e.origin });
      else if (/^https?:\/\//.test(uri)) out.push({ kind: 'uri', uri: trimSlash(uri), keyring });
    }
  }
  if (out.length > 0) return out;
  const seen = entries
    .filter((e) => e.enabled)
    .map((e) => `${e.uris.join(' ')} (${e.types.join(',')}: ${e.suites.join(' ')})`);
  return {
    error:
      `no http(s) or mirror-list apt source of type deb for suite "${codename}" in the host's ` +
      `apt configuration; found: ${seen.length > 0 ? seen.join('; ') : 'no entries'}`,
  };
}

/** apt-transport-mirror's list: a URI a line, then tab-separated `key:value` metadata. */
export function parseMirrorList(text: string): MirrorListEntry[] {
  const out: MirrorListEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [uri = '', ...meta] = line.split('\t');
    let priority: number | null = null;
    const limits = new Map<string, string[]>();
    for (const item of meta.join('\t').split(/[\t ]+/)) {
      const colon = item.indexOf(':');
      if (colon <= 0) continue;
      const key = item.slice(0, colon).toLowerCase();
      const value = item.slice(colon + 1);
      if (key === 'priority') priority = /^\d+$/.test(value) ? Number(value) : null;
      else limits.set(key, [...(limits.get(key) ?? []), value]);
    }
    out.push({ uri: uri.trim(), priority, limits });
  }
  return out;
}

/**
 * The list's http(s) mirrors that may serve `codename` for `arch`, lowest priority first, those
 * without a priority last; equal priorities keep the file's order (apt picks among them at random).
 */
export function orderMirrorList(
  entries: readonly MirrorListEntry[],
  want: { codename: string; arch: string },
): string[] {
  const allows = (e: MirrorListEntry, key: string, value: string): boolean => {
    const allowed = e.limits.get(key);
    return allowed === undefined || allowed.includes(value);
  };
  return entries
    .map((e, index) => ({ e, index }))
    .filter(
      ({ e }) =>
        /^https?:\/\//.test(e.uri) &&
        allows(e, 'arch', want.arch) &&
        allows(e, 'codename', want.codename) &&
        allows(e, 'suite', want.codename),
    )
    .sort(
      (a, b) =>
        (a.e.priority ?? Number.MAX_SAFE_INTEGER) - (b.e.priority ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    )
    .map(({ e }) => trimSlash(e.uri));
}

/**
 * The user's mirrors first, then the host's, each URI once. A user mirror is checked with the
 * keyring of the host's archive (a proxy or an archive of the same distribution signs alike).
 */
export function candidateMirrors(user: readonly string[], host: readonly Mirror[]): Mirror[] {
  const keyring = host.find((m) => m.keyring !== null)?.keyring ?? null;
  const all = [...user.map((uri) => ({ uri: trimSlash(uri), keyring })), ...host];
  const seen = new Set<string>();
  return all.filter((m) => !seen.has(m.uri) && seen.add(m.uri));
}

/** A user-given mirror must be a plain http(s) archive root. */
export function checkMirrorUri(uri: string): string | null {
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(uri))
    return `mirror "${uri}" is not an http(s) URI of a package archive (like http://host/debian)`;
  return null;
}
