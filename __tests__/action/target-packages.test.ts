/**
 * The target's C libraries in the sysroot (`packages`), through the action on the runner
 * protocol, with real packages from the Debian registry and real modules from the Go module proxy
 * (examples/target-packages): gopacket/pcap against libpcap, go-sqlite3 with -tags libsqlite3
 * against the system SQLite, and libpcap linked statically — for linux/amd64 and linux/arm64 with
 * gcc and clang. Each binary passes verify, names the libraries the target must have, runs on the
 * floor's own glibc with the package's library, and the depends output is a Depends line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import type { BinaryReport } from '../../src/domain/report/run-report.js';
import { runCli, verifyReportOf } from '../setup/cli.js';
import { ROOT } from '../setup/paths.js';
import { Runner, runMainAndPost, type StepRun } from '../setup/runner.js';
import { seedPackageCache, TOOL_CACHE, UNREACHABLE_MIRROR } from '../setup/toolchain.js';

const BUILD = [
  'mkdir -p out/$GOARCH',
  'go build -o out/$GOARCH/pcapver ./pcapver',
  'go build -tags libsqlite3 -o out/$GOARCH/sqlitever ./sqlitever',
  'go build -o out/$GOARCH/pcapstatic ./pcapstatic',
].join('\n');

function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + lstatSync(join(e.parentPath, e.name)).size, 0);
}

/** What each release's packages are: bullseye's and bookworm's libpcap and SQLite. */
const SQLITE: Record<string, string> = { '2.31': '3.34.1', '2.36': '3.40.1' };
const PCAP: Record<string, string> = { '2.31': '1.10.0', '2.36': '1.10.3' };
const TRIPLET: Record<string, string> = { amd64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };

type Binary = BinaryReport;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-packages-'));
  cpSync(join(ROOT, 'examples', 'target-packages'), dir, { recursive: true });
  return dir;
}

/** Runs a built binary on the sysroot's own glibc, with the packages' libraries. */
function runOnFloor(goarch: string, sysroot: string, binary: string): string {
  const t = TRIPLET[goarch] ?? '';
  const glibc = join(sysroot, 'usr', t);
  const libs = [join(sysroot, 'lib', t), join(sysroot, 'usr', 'lib', t)];
  const r =
    goarch === 'amd64'
      ? spawnSync(
          join(glibc, 'lib', 'ld-linux-x86-64.so.2'),
          ['--library-path', [join(glibc, 'lib'), ...libs].join(':'), binary],
          { encoding: 'utf8' },
        )
      : spawnSync(
          'qemu-aarch64',
          ['-L', glibc, '-E', `LD_LIBRARY_PATH=${libs.join(':')}`, binary],
          { encoding: 'utf8' },
        );
  expect(r.stderr, binary).toBe('');
  expect(r.status, binary).toBe(0);
  return r.stdout;
}

function errors(run: StepRun): string[] {
  return run.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

describe.each([
  ['2.31', 'gcc'],
  ['2.31', 'clang'],
  ['2.36', 'gcc'],
])('packages libpcap-dev, libsqlite3-dev at glibc %s with %s', (glibc, compiler) => {
  const dir = project();
  let main: StepRun;

  beforeAll(async () => {
    const run = await runMainAndPost(new Runner(TOOL_CACHE), {
      target: 'linux/amd64,linux/arm64',
      glibc,
      compiler,
      packages: 'libpcap-dev, libsqlite3-dev',
      run: BUILD,
      'working-directory': dir,
      lockfile: join(dir, 'lock.yml'),
      cache: 'false',
      smoke: 'true',
    });
    main = run.main;
  }, 900_000);

  it('builds, verifies and smoke-runs both targets', () => {
    expect(errors(main)).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs.verdict).toBe('pass');
    expect(main.outputs.smoke).toBe('pass');
    // The smoke run's log: each binary printed its library's version on the floor's glibc.
    const pcap = `libpcap version ${PCAP[glibc] ?? '?'} `;
    expect(main.stdout.split('\n').filter((l) => l.startsWith(pcap)).length).toBe(4);
    expect(main.stdout).toContain(`system sqlite ${SQLITE[glibc] ?? '?'} (`);
  });

  it('names the libraries the target must have; the static build has no libpcap in NEEDED', () => {
    for (const t of main.report?.targets ?? []) {
      const by = (name: string): Binary | undefined =>
        t.binaries.find((b) => b.path.endsWith(`/${name}`));
      expect(by('pcapver')?.runtime?.libraries.map((l) => l.soname)).toEqual(['libpcap.so.0.8']);
      expect(by('sqlitever')?.runtime?.libraries.map((l) => l.package)).toEqual(['libsqlite3-0']);
      const stat = by('pcapstatic');
      expect(stat?.verdict).toBe('pass');
      expect(stat?.facts?.needed).not.toContainEqual(expect.stringMatching(/^libpcap/));
      expect(t.binaries.every((b) => b.verdict === 'pass')).toBe(true);
    }
  });

  it('runs each binary on the floor glibc with the release’s own libpcap and SQLite', () => {
    const sysroots = JSON.parse(main.outputs.sysroot ?? '{}') as Record<string, string>;
    for (const goarch of ['amd64', 'arm64']) {
      const sysroot = sysroots[`linux/${goarch}`] ?? '';
      const out = (name: string): string =>
        runOnFloor(goarch, sysroot, join(dir, 'out', goarch, name));
      const pcap = `libpcap version ${PCAP[glibc] ?? '?'} `;
      expect(out('pcapver').startsWith(pcap)).toBe(true);
      expect(out('pcapstatic').startsWith(pcap)).toBe(true);
      const sqlite = (SQLITE[glibc] ?? '?').replace(/\./g, '\\.');
      expect(out('sqlitever')).toMatch(new RegExp(`^system sqlite ${sqlite} \\(\\d+\\)$`, 'm'));
    }
  });

  it('gives each target the Depends of its runtime packages with versions', () => {
    const depends = JSON.parse(main.outputs.depends ?? '{}') as Record<string, string>;
    expect(Object.keys(depends)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const line of Object.values(depends)) {
      expect(line).toMatch(/^libc6 \(>= 2\.\d+(\.\d+)?\)/);
      expect(line).toMatch(/libpcap0\.8 \(>= \d+\.\d+(\.\d+)?\)/);
      expect(line).toMatch(/libsqlite3-0 \(>= 3\.\d+\.\d+\)/);
    }
  });

  it.runIf(glibc === '2.36')(
    'judges the libraries a binary loads at the floor too: bookworm’s libpcap below 2.36',
    () => {
      const sysroots = JSON.parse(main.outputs.sysroot ?? '{}') as Record<string, string>;
      const r = runCli([
        'verify',
        '--format',
        'json',
        '--glibc',
        '2.31',
        '--sysroot',
        sysroots['linux/arm64'] ?? '',
        join(dir, 'out', 'arm64', 'pcapver'),
      ]);
      expect(r.status).toBe(1);
      const messages = verifyReportOf(r)
        .binaries[0]?.findings.filter((f) => f.rule === 'needed')
        .map((f) => f.message);
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^loads libpcap\.so\.0\.8 \(libpcap0\.8 1\.10\.3-\S+\), which needs GLIBC_2\.3[2-9] \(floor 2\.31\)/,
        ),
      );
      // Transitively loaded package libraries too, each once.
      expect(messages?.filter((m) => m.startsWith('loads libdbus-1.so.3 ')).length).toBe(1);
    },
  );

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('target packages in the lockfile and the Actions cache', () => {
  const dir = project();
  const lockfile = join(dir, 'lock.yml');
  const toolCache = join(dir, 'tc');
  let server: CacheServer;
  const inputs = (
    packages: string,
    extra: Record<string, string> = {},
  ): Record<string, string> => ({
    target: 'linux/arm64',
    glibc: '2.31',
    packages,
    run: 'mkdir -p out && go build -o out/pcapver ./pcapver',
    'working-directory': dir,
    lockfile,
    ...extra,
  });
  /** A new runner on the same tool cache path, empty but for the download cache. */
  const runner = (): Runner => {
    rmSync(toolCache, { recursive: true, force: true });
    seedPackageCache(toolCache, 'debs');
    return new Runner(toolCache);
  };

  beforeAll(async () => {
    server = await startCacheServer('v2');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('run 1 resolves and pins them; run 2 installs from the lock and the cache, no apt, no mirror', async () => {
    const first = await runMainAndPost(runner(), inputs('libpcap-dev'), { env: server.env });
    expect(errors(first.main)).toEqual([]);
    expect(first.main.stdout).toMatch(/resolving libpcap-dev for arm64 from debian bullseye/);
    expect(first.post?.stdout).toMatch(/saved the toolchain cache/);
    // Two entries: the toolchain's, which every package list on it shares, and the packages'.
    expect(server.entries()).toEqual([
      expect.stringMatching(
        /^cgo-abi-guard-v2-aarch64-linux-gnu-gcc-2\.31\.0-bullseye\.h[0-9a-f]{12}-x64/,
      ),
      expect.stringMatching(
        /^cgo-abi-guard-v2-aarch64-linux-gnu-packages-2\.31\.0-bullseye\.h[0-9a-f]{12}-x64/,
      ),
    ]);
    // The private apt resolved for amd64 and arm64, and keeps nothing of it.
    expect(bytesUnder(join(toolCache, '.cgo-abi-guard-state', 'apt'))).toBeLessThan(50e6);
    const lock = readFileSync(lockfile, 'utf8');
    expect(lock).toMatch(/key: linux\/arm64 glibc-2\.31 gcc host-amd64 packages libpcap-dev\n/);
    expect(lock).toMatch(/\n {4}over: linux\/arm64 glibc-2\.31 gcc host-amd64\n/);
    expect(lock).toMatch(
      /target:\n\s+requested:\n\s+- libpcap-dev\n\s+packages:\n(\s+- name: \S+\n(\s+\w+: \S+\n){5})+/,
    );
    expect(lock).toMatch(/- name: libpcap0\.8\n\s+version: 1\.10\.0-2\n\s+arch: arm64\n/);

    const second = await runMainAndPost(
      runner(),
      inputs('libpcap-dev', { mirror: UNREACHABLE_MIRROR, 'host-mirrors': 'false' }),
      { env: server.env },
    );
    expect(errors(second.main)).toEqual([]);
    expect(second.main.status).toBe(0);
    expect(second.main.stdout).not.toMatch(/resolving/);
    expect(second.main.summary).toMatch(/from cache/);
    expect(readFileSync(lockfile, 'utf8')).toBe(lock);
  }, 900_000);

  it('a changed list is resolved anew; a frozen lockfile refuses a list it lacks', async () => {
    const changed = await runMainAndPost(runner(), inputs('libpcap-dev, libseccomp-dev'), {
      env: server.env,
    });
    expect(errors(changed.main)).toEqual([]);
    expect(changed.main.stdout).toMatch(/resolving libpcap-dev, libseccomp-dev for arm64/);
    expect(readFileSync(lockfile, 'utf8')).toMatch(/packages libpcap-dev,libseccomp-dev\n/);

    const frozen = await runner().run('main', {
      ...inputs('libpcap-dev, zlib1g-dev', { 'frozen-lockfile': 'true' }),
    });
    expect(frozen.status).not.toBe(0);
    expect(errors(frozen)).toContainEqual(
      expect.stringMatching(
        /has no entry for "linux\/arm64 glibc-2\.31 gcc host-amd64 packages libpcap-dev,zlib1g-dev" and the lockfile is frozen/,
      ),
    );
  }, 900_000);
});
