/** downloadVerified against the host's real mirror and a local server that serves bad bytes. */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedPackage } from '../../src/adapters/apt.js';
import { downloadVerified } from '../../src/adapters/download.js';
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
