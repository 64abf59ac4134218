/**
 * A self-hosted runner behind a company proxy: the network reaches nothing but the proxy. In a
 * network namespace of its own (loopback only: no mirror, no registry, no DNS), the tool's
 * fetches run with HTTP_PROXY/HTTPS_PROXY naming a recording proxy outside it (the real host
 * mirror and npm registry behind it): the mirror list, apt's update and resolution, package
 * downloads (plain HTTP as forward requests, https through CONNECT), `npm pack`. The direct
 * route refuses, and NO_PROXY naming the mirror's host sends the download there.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy, type RecordingProxy } from '../fakes/proxy.js';
import { unshareMissing } from '../setup/namespaces.js';
import { ROOT } from '../setup/paths.js';
import type { ProxiedInput, ProxiedRun } from '../setup/proxied-client.js';
import { hostMirror, tempDir } from './helpers.js';

const MISSING = unshareMissing(['-n']);
const LIST_HOST = 'mirrors.proxy-only.invalid';
const USER = 'cgo';
const PASSWORD = 'p@ss word';

let dir: string;
let cleanup: (() => Promise<void>) | undefined;
let proxy: RecordingProxy | undefined;
let mirror: URL;
let registry: URL;
let run: ProxiedRun;

/** Runs the client in a new network namespace with only loopback up. */
function inNamespace(
  input: ProxiedInput,
): Promise<{ code: number | null; out: string; err: string }> {
  const script = join(ROOT, '__tests__/setup/proxied-client.ts');
  const args = ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh'];
  const child = spawn(
    'unshare',
    [...args, process.execPath, '--import', 'tsx', script, JSON.stringify(input)],
    { cwd: ROOT },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      resolve({ code, out, err });
    });
  });
}

beforeAll(async () => {
  if (MISSING !== null) return;
  ({ dir, cleanup } = await tempDir('proxy'));
  const host = await hostMirror();
  mirror = new URL(host.uri);
  registry = new URL(
    execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim(),
  );
  // The host's apt sources name a mirror list that only the proxy can serve.
  await mkdir(join(dir, 'etc', 'sources.list.d'), { recursive: true });
  await writeFile(
    join(dir, 'etc', 'sources.list'),
    `deb mirror+http://${LIST_HOST}/debian.txt bookworm main\n`,
  );
  proxy = await startRecordingProxy(
    join(dir, 'proxy.sock'),
    new Map([[LIST_HOST, `${host.uri}\tpriority:1\n`]]),
  );
  // A small package the project itself pins: name, version and integrity from the lockfile.
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string; integrity: string }>;
  };
  const ms = lock.packages['node_modules/ms'];
  if (ms === undefined) throw new Error('package-lock.json pins no ms');
  const r = await inNamespace({
    socket: join(dir, 'proxy.sock'),
    mirror: host.uri,
    keyring: host.keyring,
    etc: join(dir, 'etc'),
    work: join(dir, 'work'),
    npm: { name: 'ms', version: ms.version, integrity: ms.integrity },
    proxyUser: `${USER}:${encodeURIComponent(PASSWORD)}`,
  });
  if (r.code !== 0) throw new Error(`the client failed (${String(r.code)}): ${r.err}`);
  run = JSON.parse(r.out) as ProxiedRun;
}, 600_000);

afterAll(async () => {
  await proxy?.close();
  await cleanup?.();
});

const records = () => proxy?.records ?? [];
const targets = (method: string): string[] =>
  records()
    .filter((r) => r.method === method)
    .map((r) => r.target);

describe('behind a proxy, with no direct route', () => {
  it('can make a network namespace (root, unshare -n)', () => {
    expect(MISSING).toBeNull();
  });

  it('cannot reach the mirror directly there', () => {
    expect(run.direct).toHaveProperty('error');
  });

  it('reads the mirror list through the proxy', () => {
    expect(run.mirrors).toEqual({ ok: [mirror.href.replace(/\/$/, '')] });
    expect(targets('GET')).toContain(`http://${LIST_HOST}/debian.txt`);
  });

  it('passes the proxy to apt: its update and resolution go through it', () => {
    expect(run.resolved).toHaveProperty('ok');
    const suite = `${mirror.href.replace(/\/$/, '')}/dists/bullseye/`;
    const aptAsked = records().filter((r) => r.target.startsWith(suite));
    expect(aptAsked.length).toBeGreaterThan(0);
    // apt sends the proxy's credentials as given, percent-decoded.
    expect(aptAsked.every((r) => r.credentials === `${USER}:${PASSWORD}`)).toBe(true);
  });

  it("keeps the proxy's credentials off apt's command line: in a file only this user reads", () => {
    expect(run.aptArgv).toMatch(/^update$/m);
    expect(run.aptArgv).not.toMatch(/Proxy|p%40ss|p@ss/);
    expect(run.proxyFileMode & 0o777).toBe(0o600);
  });

  it('downloads a package through it: plain HTTP as a forward request, not CONNECT', () => {
    expect(run.download).toEqual({ ok: true });
    if (!('ok' in run.resolved)) throw new Error('nothing resolved');
    const url = `${mirror.href.replace(/\/$/, '')}/${run.resolved.ok.filename}`;
    const asked = records().filter((r) => r.target === url);
    expect(asked.map((r) => r.method)).toContain('GET');
    expect(asked.every((r) => r.credentials === `${USER}:${PASSWORD}`)).toBe(true);
    expect(targets('CONNECT')).not.toContain(`${mirror.hostname}:80`);
  });

  it('downloads over https through a CONNECT tunnel', () => {
    expect(run.https).toEqual({ ok: true });
    const connect = records().filter((r) => r.target === `${mirror.hostname}:443`);
    expect(connect.map((r) => r.method)).toContain('CONNECT');
    expect(connect.every((r) => r.credentials === `${USER}:${PASSWORD}`)).toBe(true);
  });

  it('npm pack (npm toolchains) goes through it by npm reading the same variables', () => {
    expect(run.npm).toHaveProperty('ok');
    const port = registry.port || (registry.protocol === 'https:' ? '443' : '80');
    const asked = records().filter(
      (r) => r.target === `${registry.hostname}:${port}` || r.target.startsWith(registry.origin),
    );
    expect(asked.length).toBeGreaterThan(0);
  });

  it('goes direct for a host NO_PROXY names (and tells apt DIRECT), which fails here', () => {
    expect(run.bypassDownload).toHaveProperty('error');
    const error = 'error' in run.bypassDownload ? run.bypassDownload.error : '';
    expect(error).toMatch(new RegExp(`cannot reach ${mirror.host} \\(`));
    expect(run.bypassApt).toBe('Acquire::http::Proxy "DIRECT";\nAcquire::https::Proxy "DIRECT";\n');
  });
});
