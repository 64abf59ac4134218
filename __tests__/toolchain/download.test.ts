/**
 * downloadVerified against the host's real mirror and a local server that serves bad bytes;
 * downloadFromMirrors leaving a mirror that trickles or never answers for the next one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedPackage } from '../../src/adapters/apt.js';
import {
  DEFAULT_DOWNLOAD_LIMITS,
  downloadFromMirrors,
  downloadLimits,
  downloadVerified,
} from '../../src/adapters/download.js';
import { bullseyeApt, hostMirror, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let pkg: ResolvedPackage;
let url: string;
let server: Server;
let local: string;
let served = Buffer.alloc(0);

beforeAll(async () => {
  const mirror = await hostMirror();
  ({ dir, cleanup } = await tempDir('download'));
  const apt = await bullseyeApt(join(dir, 'apt'));
  const [found] = await apt.resolve(['libgcc-s1-arm64-cross']);
  if (found === undefined) throw new Error('libgcc-s1-arm64-cross not resolved');
  pkg = found;
  url = `${mirror.uri}/${pkg.filename}`;
  server = createServer((_req, res) => {
    res.end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pkg.deb`;
});

afterAll(async () => {
  server.close();
  await cleanup();
});

const request = (dest: string, over: Partial<Parameters<typeof downloadVerified>[0]> = {}) => ({
  url,
  dest,
  sha256: pkg.sha256,
  size: pkg.size,
  name: pkg.name,
  ...over,
});

async function leftovers(sub: string): Promise<string[]> {
  return readdir(join(dir, sub)).catch(() => []);
}

describe('downloadVerified', () => {
  it('downloads a real package and checks it, then reuses it without network', async () => {
    const dest = join(dir, 'libgcc.deb');
    expect(await downloadVerified(request(dest))).toEqual({ path: dest, reused: false });
    const bytes = await readFile(dest);
    expect(bytes.length).toBe(pkg.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pkg.sha256);
    // Same bytes already there: kept, the (unreachable) URL is never asked.
    const again = await downloadVerified(request(dest, { url: 'http://127.0.0.1:9/x.deb' }));
    expect(again.reused).toBe(true);
    served = bytes;
  });

  it('refuses a wrong expected SHA-256 and leaves no file', async () => {
    await mkdir(join(dir, 'wrong'));
    const dest = join(dir, 'wrong', 'p.deb');
    const wrong = '0'.repeat(64);
    await expect(downloadVerified(request(dest, { sha256: wrong }))).rejects.toThrow(
      new RegExp(
        `^package libgcc-s1-arm64-cross: SHA-256 mismatch \\(expected ${wrong}, got ${pkg.sha256}\\)$`,
      ),
    );
    expect(await leftovers('wrong')).toEqual([]);
  });

  it('refuses served bytes with one flipped byte, and replaces a tampered existing file', async () => {
    await mkdir(join(dir, 'flip'));
    const dest = join(dir, 'flip', 'p.deb');
    const good = served;
    const bad = Buffer.from(good);
    bad[100] = (bad[100] ?? 0) ^ 0xff;
    served = bad;
    await expect(downloadVerified(request(dest, { url: local }))).rejects.toThrow(
      /SHA-256 mismatch/,
    );
    expect(await leftovers('flip')).toEqual([]);
    // A tampered file already at dest is not trusted: it is downloaded again.
    await writeFile(dest, bad);
    served = good;
    expect((await downloadVerified(request(dest, { url: local }))).reused).toBe(false);
    expect((await readFile(dest)).equals(good)).toBe(true);
    served = Buffer.concat([good, Buffer.from('x')]);
    await writeFile(dest, '');
    await expect(downloadVerified(request(dest, { url: local }))).rejects.toThrow(
      'package libgcc-s1-arm64-cross: size mismatch (expected 34496 bytes, got more)'.replace(
        '34496',
        String(pkg.size),
      ),
    );
    expect(await leftovers('flip')).toEqual(['p.deb']);
    served = good;
  });

  it('names the host when it cannot be reached', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const started = Date.now();
    await expect(
      downloadVerified(
        request(join(dir, 'down.deb'), { url: `http://127.0.0.1:${port}/debian/x.deb` }),
      ),
    ).rejects.toThrow(
      new RegExp(
        `^package libgcc-s1-arm64-cross: cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await leftovers('.')).not.toContainEqual(expect.stringMatching(/\.part$/));
  });

  it('reports an HTTP error with the status', async () => {
    await expect(
      downloadVerified(request(join(dir, '404.deb'), { url: `${url}.no-such-file` })),
    ).rejects.toThrow(/answered HTTP 404/);
  });
});

/** Mirrors on 127.0.0.1: `/good` serves the package, `/trickle` a byte per 50 ms, `/silent` nothing. */
async function slowMirrors(good: Buffer): Promise<{ base: string; close: () => Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>();
  const mirror = createServer((req, res) => {
    if (req.url?.startsWith('/good/') === true) {
      res.end(good);
      return;
    }
    if (req.url?.startsWith('/silent/') === true) return; // headers never come
    res.writeHead(200, { 'content-length': good.length });
    let at = 0;
    const timer = setInterval(() => {
      res.write(good.subarray(at, at + 1));
      at++;
    }, 50);
    timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`,
    close: async () => {
      for (const t of timers) clearInterval(t);
      mirror.closeAllConnections();
      await new Promise((resolve) => mirror.close(resolve));
    },
  };
}

describe('downloadFromMirrors with a slow mirror', () => {
  // Small so the test is quick: a window of 0.3 s, at least 2000 bytes/s (600 bytes per window).
  const limits = { minBytesPerSecond: 2000, windowMs: 300 };
  let good: Buffer;
  let base: string;
  let close: () => Promise<void>;
  const mirrored = (dest: string) => ({
    path: 'pool/main/x/p.deb',
    dest,
    sha256: pkg.sha256,
    size: pkg.size,
    name: pkg.name,
    version: pkg.version,
    limits,
  });

  beforeAll(async () => {
    const dest = join(dir, 'slow-good.deb');
    await downloadVerified(request(dest));
    good = await readFile(dest);
    ({ base, close } = await slowMirrors(good));
  });
  afterAll(async () => close());

  it('leaves a mirror that trickles after one window and takes the next, naming the slow one', async () => {
    await mkdir(join(dir, 'trickle'));
    const dest = join(dir, 'trickle', 'p.deb');
    const started = Date.now();
    const got = await downloadFromMirrors(mirrored(dest), [`${base}/trickle`, `${base}/good`]);
    expect(got.mirror).toBe(`${base}/good`);
    expect((await readFile(dest)).equals(good)).toBe(true);
    const host = base.replace('http://', '');
    expect(got.passedOver).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${base}/trickle/pool/main/x/p\\.deb: ${host} was too slow: \\d+ bytes in 0\\.3 s, below the minimum of 2000 bytes/s \\(CGO_ABI_GUARD_DOWNLOAD_MIN_RATE sets it\\)$`,
        ),
      ),
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await leftovers('trickle')).toEqual(['p.deb']);
  }, 10_000);

  it('fails naming every slow mirror when none is fast enough, and keeps no partial file', async () => {
    await mkdir(join(dir, 'all-slow'));
    const dest = join(dir, 'all-slow', 'p.deb');
    const host = base.replace('http://', '');
    await expect(
      downloadFromMirrors(mirrored(dest), [`${base}/silent`, `${base}/trickle`]),
    ).rejects.toThrow(
      new RegExp(
        `^package ${pkg.name} ${pkg.version.replace(/[.+]/g, '\\$&')} \\(pool/main/x/p\\.deb\\) could not be downloaded from any mirror; ` +
          `tried ${base}/silent/pool/main/x/p\\.deb: ${host} gave no answer within 0\\.3 s; ` +
          `${base}/trickle/pool/main/x/p\\.deb: ${host} was too slow: \\d+ bytes in 0\\.3 s`,
      ),
    );
    expect(await leftovers('all-slow')).toEqual([]);
  }, 10_000);
});

describe('download limits', () => {
  it('default to 50 kB/s judged over 30 s, and read the environment', () => {
    expect(downloadLimits({})).toEqual({ minBytesPerSecond: 50_000, windowMs: 30_000 });
    expect(DEFAULT_DOWNLOAD_LIMITS).toEqual(downloadLimits({}));
    expect(
      downloadLimits({
        CGO_ABI_GUARD_DOWNLOAD_MIN_RATE: '1000',
        CGO_ABI_GUARD_DOWNLOAD_WINDOW: '2.5',
      }),
    ).toEqual({ minBytesPerSecond: 1000, windowMs: 2500 });
    expect(() => downloadLimits({ CGO_ABI_GUARD_DOWNLOAD_WINDOW: '0' })).toThrow(
      'CGO_ABI_GUARD_DOWNLOAD_WINDOW must be a positive number of seconds, not "0"',
    );
    expect(() => downloadLimits({ CGO_ABI_GUARD_DOWNLOAD_MIN_RATE: 'fast' })).toThrow(
      'CGO_ABI_GUARD_DOWNLOAD_MIN_RATE must be a positive number of bytes per second, not "fast"',
    );
  });
});
