/**
 * The @actions/cache key of an installed toolchain: readable, and different whenever the bytes
 * could differ — target, glibc floor, compiler, the locked packages (as a hash), the host
 * architecture and the runner image. @actions/cache rejects keys with commas or over 512 chars.
 */
import { createHash } from 'node:crypto';
import { lockHash } from './lockfile.js';

export interface CacheKeyInput {
  /** The toolchain plan's key, e.g. `linux/arm64 glibc-2.31 gcc host-amd64`. */
  targetKey: string;
  /** `lockIdentity()` of the locked toolchain: every package name, version, arch and hash. */
  lockIdentity: string;
  /** The host architecture as the tool cache names it (`x64`, `arm64`). */
  hostArch: string;
  /** The runner image (`ImageOS`, `ImageVersion`), when the runner sets them. */
  imageOs?: string | undefined;
  imageVersion?: string | undefined;
}

export const CACHE_KEY_PREFIX = 'cgo-abi-guard-v1';
const MAX_KEY_LENGTH = 512;

export function toolchainCacheKey(input: CacheKeyInput): string {
  const target = input.targetKey
    .split(/[\s/]+/)
    .filter((token) => token !== '' && !token.startsWith('host-'))
    .map((token) => token.replace(/-(?=\d)/g, ''));
  const hash = lockHash(input.lockIdentity);
  const image = [input.imageOs, input.imageVersion].filter(
    (part): part is string => part !== undefined && part.trim() !== '',
  );
  const parts = [...target, input.hostArch, hash, ...image].map(keyPart).filter((p) => p !== '');
  const key = [CACHE_KEY_PREFIX, ...parts].join('-');
  if (key.length <= MAX_KEY_LENGTH) return key;
  // Only absurd inputs get here; a hash of the whole key keeps it unique and valid.
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${key.slice(0, MAX_KEY_LENGTH - digest.length - 1)}-${digest}`;
}

/** Keeps letters, digits, `.`, `_` and `+`; anything else (commas included) becomes `_`. */
function keyPart(value: string): string {
  return value
    .trim()
    .replace(/[^A-Za-z0-9._+]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
