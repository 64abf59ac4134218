/**
 * An optional cache of unpacked package data, for machines that install many toolchains (a
 * developer's laptop, a self-hosted runner, this project's test suite): with
 * CGO_ABI_GUARD_UNPACK_CACHE set to a directory, the uncompressed data of each package
 * (`dpkg-deb --fsys-tarfile`, most of an install's CPU time: xz) is kept there under the
 * package's SHA-256, with the SHA-256 of the data (and the file's identity then) beside it, and a later extraction of the same
 * package reads it instead of decompressing again. A kept file whose bytes no longer match is
 * never used (and is replaced). Off when unset or empty; any failure to keep a file only leaves
 * it unkept. It costs disk: about five times the packages' size.
 */
import {
  chmod,
  copyFile,
  link,
  mkdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from './sha256.js';

export const UNPACK_CACHE_ENV = 'CGO_ABI_GUARD_UNPACK_CACHE';

function cacheDir(): string | null {
  const dir = process.env[UNPACK_CACHE_ENV];
  return dir === undefined || dir === '' ? null : dir;
}

/**
 * What the record beside a kept file says: its SHA-256 when kept, and the identity of the file
 * then (inode, size, modification time in ns). A file written or replaced since has another
 * identity; the bytes are hashed again only then, so a reuse costs a stat, not a read.
 */
interface KeptRecord {
  sha256: string;
  identity: string;
}

const identityOf = async (path: string): Promise<string | null> => {
  const st = await stat(path, { bigint: true }).catch(() => null);
  return st === null ? null : `${st.ino} ${st.size} ${st.mtimeNs}`;
};

function parseRecord(text: string): KeptRecord | null {
  const [sha256 = '', ...rest] = text.trim().split(' ');
  return /^[0-9a-f]{64}$/.test(sha256) && rest.length === 3
    ? { sha256, identity: rest.join(' ') }
    : null;
}

/** The kept data of the package, when there is a copy whose bytes are the recorded ones. */
export async function keptData(deb: string): Promise<{ path: string } | { key: string } | null> {
  const dir = cacheDir();
  if (dir === null) return null;
  const key = await sha256File(deb);
  const path = join(dir, `${key}.tar`);
  const text = await readFile(`${path}.sha256`, 'utf8').catch(() => null);
  const recorded = text === null ? null : parseRecord(text);
  if (recorded === null) return { key };
  const identity = await identityOf(path);
  if (identity === null) return { key };
  if (identity === recorded.identity) return { path };
  const actual = await sha256File(path).catch(() => null);
  return actual === recorded.sha256 ? { path } : { key };
}

/** Keeps `tar` (the package's data just unpacked) under `key`; best effort. */
export async function keepData(key: string, tar: string): Promise<void> {
  const dir = cacheDir();
  if (dir === null) return;
  const path = join(dir, `${key}.tar`);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await link(tar, temp).catch(() => copyFile(tar, temp));
    await chmod(temp, 0o644);
    const sum = await sha256File(temp);
    await rm(`${path}.sha256`, { force: true });
    await rename(temp, path);
    const identity = await identityOf(path);
    if (identity === null) return;
    await writeFile(`${temp}.sha256`, `${sum} ${identity}\n`, { mode: 0o644 });
    await rename(`${temp}.sha256`, `${path}.sha256`);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
    await rm(`${temp}.sha256`, { force: true }).catch(() => undefined);
  }
}
