/**
 * What an install is, named by its content: the tool-cache version of a lock entry and the
 * Actions cache key of that install. Two lock entries with the same content identity (floors 2.17
 * and 2.28 met by one npm toolchain; floors 2.31 and 2.33 by one bullseye release) share one
 * install and one cache entry. @actions/cache rejects keys with commas or over 512 characters;
 * @actions/tool-cache finds an exact version only when it is valid semver.
 */
import { createHash } from 'node:crypto';
import { contentHash, contentIdentity, type LockedToolchain } from './lockfile.js';

/** Where an install lives: `<tool cache>/<toolName>/<version>/<host arch>`. */
export interface InstallId {
  toolName: string;
  version: string;
}

/**
 * `<base>.h<content hash>`: the base (`2.31.0-bullseye`) is for people reading the tool cache;
 * the hash of the content identity is what tells installs apart.
 */
export function installId(toolName: string, base: string, entry: LockedToolchain): InstallId {
  return { toolName, version: `${base}.h${contentHash(contentIdentity(entry))}` };
}

/** A release as the readable base of a version: glibc 2.31 of bullseye → `2.31.0-bullseye`. */
export function versionBase(glibc: string, codename: string): string {
  const [major = '0', minor = '0', patch = '0'] = glibc.split('.');
  return `${major}.${minor}.${patch}-${codename}`;
}

export interface CacheKeyInput {
  install: InstallId;
  /** The host architecture as the tool cache names it (`x64`, `arm64`). */
  hostArch: string;
  /** The runner image (`ImageOS`, `ImageVersion`), when the runner sets them. */
  imageOs?: string | undefined;
  imageVersion?: string | undefined;
}

export const CACHE_KEY_PREFIX = 'cgo-abi-guard-v2';
const TOOL_PREFIX = 'cgo-abi-guard-';
const MAX_KEY_LENGTH = 512;

/** The Actions cache key of an install on this host and runner image. */
export function installCacheKey(input: CacheKeyInput): string {
  const { toolName, version } = input.install;
  const tool = toolName.startsWith(TOOL_PREFIX) ? toolName.slice(TOOL_PREFIX.length) : toolName;
  const image = [input.imageOs, input.imageVersion].filter(
    (part): part is string => part !== undefined && part.trim() !== '',
  );
  const parts = [tool, version, input.hostArch, ...image].map(keyPart).filter((p) => p !== '');
  const key = [CACHE_KEY_PREFIX, ...parts].join('-');
  if (key.length <= MAX_KEY_LENGTH) return key;
  // Only absurd inputs get here; a hash of the whole key keeps it unique and valid.
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${key.slice(0, MAX_KEY_LENGTH - digest.length - 1)}-${digest}`;
}

/** Keeps letters, digits, `.`, `_`, `+` and `-`; anything else (commas included) becomes `_`. */
function keyPart(value: string): string {
  return value
    .trim()
    .replace(/[^A-Za-z0-9._+-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}
