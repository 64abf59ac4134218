/**
 * Go build info from the bytes of a binary's `.go.buildinfo` section (the format
 * `debug/buildinfo` reads; Go 1.18+ stores the strings inline after a 32-byte header).
 */

export interface GoBuildInfo {
  goVersion: string;
  path: string;
  /** The main module's path (`mod` line), empty when not recorded. */
  module: string;
  /** `build` lines: `CGO_ENABLED` → `1`, `GOARCH` → `arm64`, `-ldflags` → `…`. */
  settings: Record<string, string>;
  /** `dep` lines: module path → version; a replaced one as `=> <path> <version>`. */
  deps: Record<string, string>;
}

const MAGIC = '\xff Go buildinf:';
const HEADER_SIZE = 32;
const FLAG_INLINE_STRINGS = 0x2;

export type BuildInfoResult = { info: GoBuildInfo } | { error: string };

export function parseGoBuildInfo(bytes: Uint8Array): BuildInfoResult {
  if (bytes.length < HEADER_SIZE) return { error: '.go.buildinfo is shorter than its header' };
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC.charCodeAt(i))
      return { error: '.go.buildinfo does not start with the Go build info magic' };
  }
  const flags = bytes[15] ?? 0;
  if ((flags & FLAG_INLINE_STRINGS) === 0) {
    return { error: 'build info written by Go older than 1.18 (pointer format) is not read' };
  }
  const version = readString(bytes, HEADER_SIZE);
  if (version === null) return { error: 'Go version string in .go.buildinfo is truncated' };
  const mod = readString(bytes, version.end);
  if (mod === null) return { error: 'module info string in .go.buildinfo is truncated' };
  return { info: parseModInfo(version.value, stripSentinels(mod.value)) };
}

function readString(bytes: Uint8Array, start: number): { value: string; end: number } | null {
  let length = 0;
  let shift = 0;
  let pos = start;
  for (;;) {
    const b = bytes[pos];
    if (b === undefined || shift > 35) return null;
    pos++;
    length += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
  }
  if (pos + length > bytes.length) return null;
  return { value: new TextDecoder().decode(bytes.subarray(pos, pos + length)), end: pos + length };
}

/** The module info string is wrapped in 16-byte sentinels (see runtime/debug/mod.go). */
function stripSentinels(mod: string): string {
  if (mod.length >= 33 && mod.charAt(mod.length - 17) === '\n')
    return mod.slice(16, mod.length - 16);
  return mod;
}

export function parseModInfo(goVersion: string, text: string): GoBuildInfo {
  const info: GoBuildInfo = { goVersion, path: '', module: '', settings: {}, deps: {} };
  // A Map, then own properties: a module named `__proto__` is a key like any other.
  const deps = new Map<string, string>();
  let dep: string | null = null;
  for (const line of text.split('\n')) {
    const [kind, rest] = splitOnce(line, '\t');
    if (kind === 'path') info.path = rest;
    if (kind === 'mod') info.module = splitOnce(rest, '\t')[0];
    if (kind === 'dep') {
      const [path, tail] = splitOnce(rest, '\t');
      dep = path;
      deps.set(path, splitOnce(tail, '\t')[0]);
    }
    if (kind === '=>' && dep !== null) {
      const [path, tail] = splitOnce(rest, '\t');
      deps.set(dep, `=> ${path} ${splitOnce(tail, '\t')[0]}`.trim());
    }
    if (kind !== 'build') continue;
    const [key, value] = splitOnce(rest, '=');
    info.settings[unquote(key)] = unquote(value);
  }
  return { ...info, deps: Object.fromEntries(deps) };
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

/** Go quotes keys and values that hold spaces or quotes with strconv.Quote. */
function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}
