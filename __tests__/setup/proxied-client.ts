/**
 * Run inside a network namespace of its own (`unshare -n`, loopback only), where no mirror or
 * registry can be reached directly: relays 127.0.0.1:<port> to the recording proxy's unix socket,
 * names it in HTTP_PROXY/HTTPS_PROXY, and drives every way the tool fetches: the mirror list, a
 * private apt's update and resolution, package downloads over http and https, `npm pack`, and
 * a NO_PROXY that names the mirror host. Prints one JSON object (ProxiedRun) on stdout.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrivateApt } from '../../src/adapters/apt.js';
import { downloadFromMirrors, downloadVerified } from '../../src/adapters/download.js';
import { hostMirrors } from '../../src/adapters/host-tools.js';
import { aptProxyConfig, httpFetch } from '../../src/adapters/http-proxy.js';
import { fetchNpmPackage } from '../../src/adapters/npm-package.js';
import type { NpmPackagePin } from '../../src/domain/toolchain/npm-lock.js';
import { relayToSocket } from '../fakes/proxy.js';

export interface ProxiedInput {
  socket: string;
  /** The host's mirror (http or https) and its keyring. */
  mirror: string;
  keyring: string | undefined;
  /** An apt etc dir whose sources name a mirror list that only the proxy serves. */
  etc: string;
  work: string;
  npm: NpmPackagePin;
  proxyUser: string;
}

/** Each step's outcome: what it gave, or the message it failed with. */
export type Outcome<T> = { ok: T } | { error: string };

export interface ProxiedRun {
  direct: Outcome<number>;
  mirrors: Outcome<string[]>;
  resolved: Outcome<{ filename: string; sha256: string }>;
  download: Outcome<boolean>;
  https: Outcome<boolean>;
  npm: Outcome<string>;
  bypassDownload: Outcome<boolean>;
  bypassApt: string;
  /** Every argument apt-get and apt-cache were started with, one a line. */
  aptArgv: string;
  /** The mode of the private apt's proxy file. */
  proxyFileMode: number;
}

async function step<T>(f: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await f() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const input = JSON.parse(process.argv[2] ?? '{}') as ProxiedInput;
const relay = await relayToSocket(input.socket);
for (const name of ['http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY'])
  Reflect.deleteProperty(process.env, name);
process.env.npm_config_cache = join(input.work, 'npm-cache');

const direct = await step(
  async () => (await httpFetch(`${input.mirror}/dists/bullseye/Release`)).status,
);

const proxy = `http://${input.proxyUser}@127.0.0.1:${relay.port}`;
process.env.HTTP_PROXY = proxy;
process.env.HTTPS_PROXY = proxy;
// Entries that do not match the mirror's host leave it proxied.
process.env.NO_PROXY = 'intranet.example, .corp.example,localhost';

const mirrors = await step(async () =>
  (
    await hostMirrors({
      extra: [],
      useHost: true,
      hostCodename: 'bookworm',
      codename: 'bullseye',
      arch: 'amd64',
      etc: input.etc,
    })
  ).map((m) => m.uri),
);

// apt-get and apt-cache are found on PATH: shims that log their arguments, then run apt's own.
const shims = join(input.work, 'shims');
await mkdir(shims, { recursive: true });
const argvLog = join(input.work, 'apt-argv.log');
await writeFile(argvLog, '');
for (const name of ['apt-get', 'apt-cache']) {
  await writeFile(
    join(shims, name),
    `#!/bin/sh\nprintf '%s\\n' "$@" >> '${argvLog}'\nexec /usr/bin/${name} "$@"\n`,
  );
  await chmod(join(shims, name), 0o755);
}
process.env.PATH = `${shims}:${process.env.PATH ?? ''}`;

const apt = new PrivateApt({
  stateDir: join(input.work, 'apt'),
  mirror: input.mirror,
  keyring: input.keyring,
  suite: 'bullseye',
  arch: 'amd64',
});
const resolved = await step(async () => {
  await apt.update();
  const [pkg] = await apt.resolve(['libgcc-s1-arm64-cross']);
  if (pkg === undefined) throw new Error('not resolved');
  return pkg;
});
const pkg = 'ok' in resolved ? resolved.ok : null;
await mkdir(join(input.work, 'debs'), { recursive: true });
const request = (dir: string) => ({
  dest: join(input.work, dir, 'libgcc.deb'),
  sha256: pkg?.sha256 ?? '',
  size: pkg === null ? 0 : pkg.size,
  name: 'libgcc-s1-arm64-cross',
});

const download = await step(async () => {
  if (pkg === null) throw new Error('nothing resolved');
  const got = await downloadFromMirrors(
    { ...request('debs'), path: pkg.filename, version: pkg.version },
    [input.mirror],
  );
  return !got.reused;
});

// The same file over https, where the mirror serves it: through CONNECT.
const https = await step(async () => {
  if (pkg === null) throw new Error('nothing resolved');
  await mkdir(join(input.work, 'tls'));
  const url = `${input.mirror.replace(/^http:/, 'https:')}/${pkg.filename}`;
  return !(await downloadVerified({ ...request('tls'), url })).reused;
});

const npm = await step(() => fetchNpmPackage(input.npm, join(input.work, 'npm'), input.work));

// NO_PROXY names the mirror's host: we go direct, which this namespace cannot.
process.env.NO_PROXY = `intranet.example,${new URL(input.mirror).hostname.toUpperCase()}`;
const bypassDownload = await step(async () => {
  await mkdir(join(input.work, 'bypass'));
  const url = `${input.mirror}/${pkg?.filename ?? 'x.deb'}`;
  return !(await downloadVerified({ ...request('bypass'), url })).reused;
});
const bypassApt = aptProxyConfig(input.mirror);
const aptArgv = await readFile(argvLog, 'utf8');
const proxyFileMode = (await stat(join(input.work, 'apt', 'etc', 'apt.conf.d', 'proxy.conf'))).mode;

relay.close();
const run: ProxiedRun = {
  direct,
  mirrors,
  resolved,
  download,
  https,
  npm,
  bypassDownload,
  bypassApt,
  aptArgv,
  proxyFileMode,
};
process.stdout.write(JSON.stringify(run));
process.exit(0);
