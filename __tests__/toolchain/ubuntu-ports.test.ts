/**
 * An x64 Ubuntu runner, simulated: /etc/os-release says jammy and /etc/apt is the hosted images'
 * (deb822, the archive behind a mirror+file: list), in a private mount namespace. Such a runner's
 * apt lists only amd64/i386; arm64 packages are in Ubuntu's ports archive. `env --package` must
 * resolve the target's packages there, and an amd64 target's from the runner's own mirrors. apt
 * reaches no archive: every request goes to a recording proxy on 127.0.0.1 (http_proxy), which
 * says what apt asked for and answers 503.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetArchive } from '../../src/domain/toolchain/target-mirrors.js';
import { unshareMissing } from '../setup/namespaces.js';
import { CLI, SYSTEM_NODE } from '../setup/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-ubuntu-'));
const requested: string[] = [];
let proxy: Server;
let port = 0;

beforeAll(async () => {
  proxy = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  port = (proxy.address() as AddressInfo).port;
  const etc = join(dir, 'etc');
  mkdirSync(join(etc, 'apt', 'sources.list.d'), { recursive: true });
  writeFileSync(
    join(etc, 'os-release'),
    'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=jammy\n',
  );
  writeFileSync(
    join(etc, 'apt', 'sources.list.d', 'ubuntu.sources'),
    'Types: deb\nURIs: mirror+file:/etc/apt/apt-mirrors.txt\nSuites: jammy jammy-updates jammy-backports\nComponents: main universe restricted multiverse\n',
  );
  writeFileSync(
    join(etc, 'apt', 'apt-mirrors.txt'),
    'http://runner-mirror.test/ubuntu/\tpriority:1\n',
  );
});

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
});

/**
 * `env` on the simulated runner: the fake os-release and /etc/apt mounted over the real ones.
 * Asynchronous: the recording proxy answers from this very process.
 */
function envOnUbuntu(target: string): Promise<{ status: number | null; stderr: string }> {
  const etc = join(dir, 'etc');
  const script = [
    'set -e',
    `mount --bind ${etc}/os-release /etc/os-release`,
    `mount --bind ${etc}/apt /etc/apt`,
    `exec "$@"`,
  ].join('\n');
  const child = spawn(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      script,
      'sh',
      SYSTEM_NODE,
      CLI,
      'env',
      '--target',
      target,
      '--glibc',
      '2.35',
      '--package',
      'libpcap-dev',
      '--lock',
      join(dir, `${target.replace(/\W/g, '-')}.lock.yml`),
    ],
    {
      env: {
        ...process.env,
        RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
        http_proxy: `http://127.0.0.1:${port}`,
        HTTP_PROXY: `http://127.0.0.1:${port}`,
      },
      timeout: 120_000,
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => {
    child.on('close', (status) => {
      resolve({ status, stderr });
    });
  });
}

describe('target packages on an x64 Ubuntu runner', () => {
  it('can run the simulation (root, unshare -m)', () => {
    expect(unshareMissing(['-m'])).toBeNull();
  });

  it('resolves arm64 packages from Ubuntu ports, not from the runner’s amd64 mirror', async () => {
    requested.length = 0;
    const r = await envOnUbuntu('linux/arm64');
    expect(r.status).toBe(2);
    expect(requested).toContainEqual(
      expect.stringMatching(/^http:\/\/ports\.ubuntu\.com\/ubuntu-ports\/dists\/jammy\//),
    );
    expect(requested.filter((u) => u.includes('runner-mirror.test'))).toEqual([]);
    expect(r.stderr).toMatch(
      /no mirror serves ubuntu jammy for arm64: .*http:\/\/ports\.ubuntu\.com\/ubuntu-ports/,
    );
  });

  it('resolves amd64 packages from the runner’s own mirror list', async () => {
    requested.length = 0;
    const r = await envOnUbuntu('linux/amd64');
    expect(r.status).toBe(2);
    expect(requested).toContainEqual(
      expect.stringMatching(/^http:\/\/runner-mirror\.test\/ubuntu\/dists\/jammy\//),
    );
    expect(requested.filter((u) => u.includes('ports.ubuntu.com'))).toEqual([]);
  });
});

describe('the archive of a target architecture', () => {
  it.each([
    ['debian', 'amd64', 'arm64', null],
    ['ubuntu', 'amd64', 'amd64', null],
    ['ubuntu', 'amd64', 'i386', null],
    ['ubuntu', 'amd64', 'arm64', 'http://ports.ubuntu.com/ubuntu-ports'],
    ['ubuntu', 'amd64', 'riscv64', 'http://ports.ubuntu.com/ubuntu-ports'],
    ['ubuntu', 'arm64', 'armhf', null],
    ['ubuntu', 'arm64', 'amd64', 'http://archive.ubuntu.com/ubuntu'],
  ] as const)('%s host %s, target %s: %s', (family, host, target, archive) => {
    expect(targetArchive(family, host, target)).toBe(archive);
  });
});
