/**
 * An npm package's tarball through the npm client as the machine configures it (registry, proxy
 * and auth from .npmrc: the project names no registry), checked against the lock's sha512
 * `integrity` before anything reads it, and the toolchain archive inside it extracted safely.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkEntries, parseDebContents } from '../domain/toolchain/apt-sources.js';
import type { NpmPackagePin } from '../domain/toolchain/npm-lock.js';
import { relocateSymlinks } from './deb.js';
import { execQuiet } from './exec.js';

export class NpmPackageError extends Error {
  override name = 'NpmPackageError';
}

interface RunOptions {
  cwd?: string;
  toFile?: string;
}

/** Runs a program with LC_ALL=C: stdout as text (or into a file); failure as its last stderr line. */
async function run(cmd: string, args: string[], o: RunOptions = {}): Promise<string> {
  // Into a file: the shell redirects, so a large archive never passes through this process.
  if (o.toFile !== undefined) await (await open(o.toFile, 'w', 0o600)).close();
  const r = await execQuiet(
    o.toFile === undefined ? cmd : 'sh',
    o.toFile === undefined ? args : ['-c', '"$@" > "$0"', o.toFile, cmd, ...args],
    o.cwd === undefined ? {} : { cwd: o.cwd },
  );
  if (r.exitCode === 0) return r.stdout;
  if (r.failure?.endsWith('not found') === true || r.exitCode === 127)
    throw new NpmPackageError(`${cmd} not found on PATH`);
  const lines = r.stderr.trim().split('\n');
  const last =
    lines
      .filter((l) => /error|ERR/i.test(l))
      .slice(0, 3)
      .join(' ') || lines.at(-1);
  throw new NpmPackageError(
    last !== undefined && last !== ''
      ? last
      : `${cmd} exited ${r.exitCode === null ? (r.failure ?? 'on a signal') : String(r.exitCode)}`,
  );
}

/** npm's integrity string of a file: `sha512-<base64>`. */
export async function sha512Integrity(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

const spec = (pin: NpmPackagePin): string => `${pin.name}@${pin.version}`;
const tarballName = (pin: NpmPackagePin): string =>
  `${pin.name.replace(/^@/, '').replace(/\//g, '-')}-${pin.version}.tgz`;

/**
 * The package's tarball in `dir`, fetched with `npm pack` (run in `cwd`, so a project .npmrc
 * counts too) unless a file with the locked integrity is already there. A fetched tarball
 * whose integrity differs from the lock is deleted and refused: nothing reads it.
 */
export async function fetchNpmPackage(
  pin: NpmPackagePin,
  dir: string,
  cwd: string,
): Promise<string> {
  const dest = join(dir, tarballName(pin));
  if ((await stat(dest).catch(() => null))?.isFile() === true) {
    if ((await sha512Integrity(dest)) === pin.integrity) return dest;
  }
  await mkdir(dir, { recursive: true });
  const tmp = await mkdtemp(join(dir, '.pack-'));
  try {
    const args = ['pack', spec(pin), '--json', '--ignore-scripts', '--pack-destination', tmp];
    const text = await run('npm', args, { cwd }).catch((e: unknown) => {
      throw new NpmPackageError(`npm pack ${spec(pin)} failed: ${(e as Error).message}`);
    });
    const filename = packedFilename(text);
    if (filename === null)
      throw new NpmPackageError(`npm pack ${spec(pin)} printed no tarball name`);
    const got = join(tmp, filename);
    const integrity = await sha512Integrity(got).catch(() => null);
    if (integrity !== pin.integrity)
      throw new NpmPackageError(
        `${spec(pin)}: the downloaded tarball's integrity ${integrity ?? '(unreadable)'} is not the locked ${pin.integrity}; refusing it`,
      );
    await rename(got, dest);
    return dest;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function packedFilename(json: string): string | null {
  try {
    const parsed: unknown = JSON.parse(json);
    const first: unknown = Array.isArray(parsed) ? parsed[0] : null;
    if (typeof first !== 'object' || first === null) return null;
    const name = (first as Record<string, unknown>).filename;
    return typeof name === 'string' && /^[\w.@+-]+\.tgz$/.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** Lists a tar (any compression tar detects) and refuses it when any entry is unsafe. */
async function checkedListing(tarFile: string, what: string): Promise<string[]> {
  const listing = await run('tar', ['-tvf', tarFile]).catch((e: unknown) => {
    throw new NpmPackageError(`cannot read ${what}: ${(e as Error).message}`);
  });
  const entries = parseDebContents(listing);
  const problems = checkEntries(entries);
  if (problems.length > 0)
    throw new NpmPackageError(
      `refusing to extract ${what}: unsafe entry ${problems[0] ?? ''}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
    );
  return entries.map((e) => e.path.replace(/^\.\//, ''));
}

/**
 * Extracts `package/<archive>` of the npm tarball, then that archive's contents into `root`
 * (a new, empty directory). Both archives are listed and checked before extraction: no absolute
 * or `..` paths, no links out of the folder, no devices or fifos.
 */
export async function extractNpmToolchain(
  tgz: string,
  archive: string,
  root: string,
): Promise<void> {
  const work = await mkdtemp(join(root, '..', '.npm-extract-'));
  try {
    const member = `package/${archive}`;
    const outer = await checkedListing(tgz, tgz);
    if (!outer.includes(member))
      throw new NpmPackageError(
        `${tgz} has no ${member}: not the toolchain package the lock names`,
      );
    await run('tar', ['-xzf', tgz, '-C', work, '--no-same-owner', member]);
    const inner = join(work, 'inner.tar');
    await run('xz', ['-dc', join(work, member)], { toFile: inner });
    await rm(join(work, 'package'), { recursive: true, force: true });
    await checkedListing(inner, archive);
    await mkdir(root, { recursive: true });
    await run('tar', ['-xf', inner, '-C', root, '--no-same-owner', '--warning=no-timestamp']).catch(
      (e: unknown) => {
        throw new NpmPackageError(`cannot extract ${archive}: ${(e as Error).message}`);
      },
    );
    await relocateSymlinks(root);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
