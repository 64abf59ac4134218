/**
 * The smoke run's qemu goes through the Actions cache like a toolchain: run 1 installs the
 * linux/arm64 toolchain and qemu-aarch64 alone of qemu-user-static (their packages hard-linked from
 * the shared package cache) and its post step saves both; run 2, on an empty tool cache with every
 * mirror unreachable, restores both and runs the arm64 binary under qemu on glibc 2.31. Run 3
 * reads a lockfile from before (one entry for all of qemu-user-static) with the same pins.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import { fixture } from '../setup/fixtures.js';
import { Runner, runMainAndPost } from '../setup/runner.js';
import { seedPackageCache, UNREACHABLE_MIRROR } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-cache-qemu-'));
const project = join(work, 'project');
const inputs = {
  target: 'linux/arm64',
  glibc: '2.31',
  compiler: 'clang',
  artifacts: 'app',
  'working-directory': project,
  lockfile: join(work, 'lock.yml'),
  smoke: 'true',
};
const QEMU_KEY = /cgo-abi-guard-v2-qemu-aarch64-0\.0\.0-[a-z]+\.h[0-9a-f]{12}-x64/;
let server: CacheServer;

beforeAll(async () => {
  mkdirSync(project);
  copyFileSync(fixture('arm64-clang-bullseye'), join(project, 'app'));
  seedPackageCache(join(work, 'tc'), 'debs');
  server = await startCacheServer('v2');
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const errors = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith('::error'));

describe("the smoke run's qemu", () => {
  it('is saved by run 1 and restored by run 2 with every mirror unreachable', async () => {
    const first = await runMainAndPost(new Runner(join(work, 'tc')), inputs, { env: server.env });
    expect(errors(first.main.stdout)).toEqual([]);
    expect(first.main.status).toBe(0);
    expect(first.main.outputs.smoke).toBe('pass');
    expect(first.post?.stdout).toMatch(new RegExp(`saved the toolchain cache ${QEMU_KEY.source}`));
    expect(server.entries().length).toBe(2);

    rmSync(join(work, 'tc'), { recursive: true, force: true });
    const offline = { ...inputs, mirror: UNREACHABLE_MIRROR, 'host-mirrors': 'false' };
    const second = await runMainAndPost(new Runner(join(work, 'tc')), offline, {
      env: server.env,
    });
    expect(errors(second.main.stdout)).toEqual([]);
    expect(second.main.status).toBe(0);
    expect(second.main.outputs.smoke).toBe('pass');
    expect(second.main.stdout).toMatch(
      new RegExp(`restored the toolchain cache ${QEMU_KEY.source}`),
    );
    expect(second.main.stdout).not.toMatch(/cgo-abi-guard: installed /);
    expect(second.post?.stdout).not.toMatch(/saved the toolchain cache/);

    // The install is aarch64's qemu alone (the package is 371 MB of twenty-odd emulators).
    const versions = join(work, 'tc', 'cgo-abi-guard-qemu-aarch64');
    const [version] = readdirSync(versions);
    const root = join(versions, version ?? '', 'x64', 'root');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => relative(root, join(e.parentPath, e.name)));
    // On a Debian host: trixie's qemu-user (static-pie, qemu 10), named without -static there.
    expect(files).toEqual(['usr/bin/qemu-aarch64']);
    expect(statSync(join(root, files[0] ?? '')).size).toBeLessThan(20e6);
    expect(readFileSync(inputs.lockfile, 'utf8')).toMatch(
      /- key: qemu-user-static qemu-aarch64 host-amd64\n {4}release: debian\/trixie\n(?: {4}(?:tree|programs):.*\n(?: {6}- .*\n)*)* {4}packages:\n {6}- name: qemu-user\n/,
    );
  });

  it('is installed from a lockfile of the older form, whose one entry pinned all of qemu-user-static', async () => {
    const lockfile = inputs.lockfile;
    const written = readFileSync(lockfile, 'utf8');
    const [, entry = ''] =
      /(\n {2}- key: qemu-user-static qemu-aarch64 host-amd64\n(?: {4}.*\n)+)/.exec(written) ?? [];
    expect(entry).toMatch(/programs:\n\s+- qemu-aarch64\n/);
    const older = entry
      .replace('qemu-user-static qemu-aarch64 host-amd64', 'qemu-user-static host-amd64')
      .replace(/ {4}tree: \S+\n/, '')
      .replace(/ {4}programs:\n {6}- qemu-aarch64\n/, '');
    writeFileSync(lockfile, written.replace(entry, older));
    rmSync(join(work, 'tc'), { recursive: true, force: true });
    const offline = { ...inputs, mirror: UNREACHABLE_MIRROR, 'host-mirrors': 'false' };
    const third = await runMainAndPost(new Runner(join(work, 'tc')), offline, {
      env: server.env,
    });
    expect(errors(third.main.stdout)).toEqual([]);
    expect(third.main.outputs.smoke).toBe('pass');
    // The same pins, so the same install: restored, nothing resolved or downloaded.
    expect(third.main.stdout).toMatch(
      new RegExp(`restored the toolchain cache ${QEMU_KEY.source}`),
    );
    expect(third.main.stdout).not.toMatch(/resolving/);
    expect(readFileSync(lockfile, 'utf8')).toBe(written);
  });
});
