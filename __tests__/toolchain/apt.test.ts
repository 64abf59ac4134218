/** The private apt against the host's real Debian mirror (suite bullseye, no root needed). */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateApt } from '../../src/adapters/apt.js';
import { withReachableApt } from '../../src/steps/resolve-packages.js';
import { hostMirror, tempDir, type HostMirror } from './helpers.js';

let mirror: HostMirror;
let apt: PrivateApt;
let cleanup: () => Promise<void>;
let dir: string;
let updateMs = 0;

beforeAll(async () => {
  mirror = await hostMirror();
  ({ dir, cleanup } = await tempDir('apt'));
  apt = new PrivateApt({
    stateDir: join(dir, 'state'),
    mirror: mirror.uri,
    suite: 'bullseye',
    arch: 'amd64',
    keyring: mirror.keyring,
  });
  const started = Date.now();
  await apt.update();
  updateMs = Date.now() - started;
});

afterAll(async () => {
  await cleanup();
});

describe('PrivateApt', () => {
  it('updates the signed bullseye index', () => {
    expect(updateMs).toBeGreaterThan(0);
    console.log(`private apt update (bullseye amd64): ${updateMs} ms`);
  });

  it('resolves exact versions, pool paths, sizes and SHA-256 in the order asked', async () => {
    const got = await apt.resolve([
      'libc6-dev-arm64-cross',
      'gcc-10-aarch64-linux-gnu',
      'libc6-dev',
    ]);
    expect(got.map((p) => p.name)).toEqual([
      'libc6-dev-arm64-cross',
      'gcc-10-aarch64-linux-gnu',
      'libc6-dev',
    ]);
    const [libc, gcc, dev] = got;
    expect(libc).toMatchObject({
      arch: 'all',
      version: expect.stringMatching(/^2\.31-/) as string,
    });
    expect(libc?.filename).toMatch(
      /^pool\/main\/c\/cross-toolchain-base\/libc6-dev-arm64-cross_2\.31-.*_all\.deb$/,
    );
    expect(gcc).toMatchObject({
      arch: 'amd64',
      version: expect.stringMatching(/^10\.2\./) as string,
    });
    expect(gcc?.size).toBeGreaterThan(1_000_000);
    expect(gcc?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Debian security updates carry a "+": the pool path has it literally.
    expect(dev?.filename).toContain(`libc6-dev_${dev?.version ?? ''}_amd64.deb`);
  });

  it('decodes an epoch in the version', async () => {
    const [meta] = await apt.resolve(['gcc-aarch64-linux-gnu']);
    expect(meta?.version).toMatch(/^4:10\./);
    expect(meta?.filename).toMatch(/gcc-aarch64-linux-gnu_10\.[^_]*_amd64\.deb$/);
  });

  it('runs apt-get and apt-cache side by side (each writes its own proxy file)', async () => {
    const [depends, [meta]] = await Promise.all([
      apt.dependsOf('gcc-aarch64-linux-gnu'),
      apt.resolve(['gcc-aarch64-linux-gnu']),
      apt.resolve(['libc6-dev-arm64-cross']),
    ]);
    expect(depends).toContain('gcc-10-aarch64-linux-gnu');
    expect(meta?.name).toBe('gcc-aarch64-linux-gnu');
    expect(await readdir(join(dir, 'state', 'etc', 'apt.conf.d'))).toEqual(['proxy.conf']);
  });

  it('names a package that does not exist', async () => {
    await expect(apt.resolve(['libc6', 'no-such-package-here'])).rejects.toThrow(
      /^package no-such-package-here not found in .* suite bullseye$/,
    );
    await expect(apt.resolve(['gcc*'])).rejects.toThrow('not a package name: gcc*');
    await expect(apt.dependsOf('no-such-package-here')).rejects.toThrow(/not found/);
  });

  it('reads Depends: the cross gcc meta package names its gcc-10', async () => {
    const deps = await apt.dependsOf('gcc-aarch64-linux-gnu');
    expect(deps).toContain('gcc-10-aarch64-linux-gnu');
    expect(await apt.dependsOf('gcc-10-aarch64-linux-gnu')).toEqual(
      expect.arrayContaining(['binutils-aarch64-linux-gnu', 'libmpc3', 'libisl23']),
    );
  });

  it('fails quickly with one line when the mirror cannot be reached', async () => {
    const t = await tempDir('apt-down');
    const down = new PrivateApt({
      stateDir: t.dir,
      mirror: 'http://127.0.0.1:9/debian',
      suite: 'bullseye',
      arch: 'amd64',
    });
    const started = Date.now();
    const error = await down.update().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error?.message).toMatch(
      /^apt could not update http:\/\/127\.0\.0\.1:9\/debian suite bullseye: .*refused/,
    );
    expect(error?.message).not.toContain('\n');
    await t.cleanup();
  });

  it('refuses an index not signed by the given keyring', async () => {
    const t = await tempDir('apt-key');
    await writeFile(join(t.dir, 'empty.gpg'), '');
    const bad = new PrivateApt({
      stateDir: join(t.dir, 'state'),
      mirror: mirror.uri,
      suite: 'bullseye',
      arch: 'amd64',
      keyring: join(t.dir, 'empty.gpg'),
    });
    await expect(bad.update()).rejects.toThrow(
      /suite bullseye: signature check failed \(.*NO_PUBKEY/,
    );
    await t.cleanup();
  });

  it('says a suite has no packages of the architecture instead of "not found" for each name', async () => {
    // Debian 11 has no riscv64 port (riscv64 is a release architecture from Debian 13).
    const t = await tempDir('apt-arch');
    const riscv = new PrivateApt({
      stateDir: join(t.dir, 'state'),
      mirror: mirror.uri,
      suite: 'bullseye',
      arch: 'riscv64',
      keyring: mirror.keyring,
    });
    await expect(riscv.update()).rejects.toThrow(
      /suite bullseye has no riscv64 packages \(its Release lists all amd64 .*\)$/,
    );
    await t.cleanup();
  });

  it('keeps no index lists or package caches once a resolution is done, and resolves again later', async () => {
    const t = await tempDir('apt-prune');
    const at = {
      release: { family: 'debian', codename: 'bullseye' },
      arch: 'amd64',
      stateRoot: t.dir,
      log: () => undefined,
    };
    const mirrors = [{ uri: mirror.uri, keyring: mirror.keyring ?? null }];
    const state = join(t.dir, 'apt', 'debian-bullseye-amd64');
    const during: string[] = [];
    const resolve = (): Promise<string[]> =>
      withReachableApt(mirrors, at, async (apt) => {
        during.push(...(await readdir(join(state, 'cache'))));
        return (await apt.resolve(['libc6-dev-arm64-cross'])).map((p) => p.version);
      });
    const first = await resolve();
    // What apt had while resolving (its package cache; no second copy of it) is gone after.
    expect(during).toContain('pkgcache.bin');
    expect(during).not.toContain('srcpkgcache.bin');
    expect((await readdir(state)).sort()).toEqual(['apt.conf', 'etc', 'status']);
    expect(await resolve()).toEqual(first);
    // A failed resolution leaves nothing either.
    await expect(
      withReachableApt(mirrors, at, (apt) => apt.resolve(['no-such-package-here'])),
    ).rejects.toThrow(/not found/);
    expect((await readdir(state)).sort()).toEqual(['apt.conf', 'etc', 'status']);
    await t.cleanup();
  });
});
