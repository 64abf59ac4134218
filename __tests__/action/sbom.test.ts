/**
 * `sbom: true` through the action on real packages and modules (examples/target-packages,
 * examples/sqlite): gopacket against libpcap and go-sqlite3 -tags libsqlite3 for linux/arm64 at
 * glibc 2.31, and go-sqlite3 static on musl for linux/amd64. Each SBOM is valid CycloneDX 1.6,
 * names the loaded libraries' packages (libpcap0.8, libsqlite3-0, libc6 as its cross package) and
 * a static musl's musl-dev, with every purl and version the lockfile's; and it merges with
 * cyclonedx-gomod's SBOM of the same module by the recipe of docs/sbom.md, run as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { debPurl } from '../../src/domain/sbom/purl.js';
import { parseLockfile, type LockedPackage } from '../../src/domain/toolchain/lockfile.js';
import { cyclonedxErrors } from '../setup/cyclonedx.js';
import { cyclonedxGomod } from '../setup/cyclonedx-gomod.js';
import { CLI, ROOT, SYSTEM_NODE } from '../setup/paths.js';
import { NODE24, Runner, type StepRun } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

interface Component {
  'bom-ref': string;
  name: string;
  version?: string;
  purl?: string;
  properties?: { name: string; value: string }[];
}
interface Bom {
  metadata: { component?: Component; tools: { components: Component[] } };
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

const prop = (c: Component, name: string): string[] =>
  (c.properties ?? []).filter((p) => p.name === `cgo-abi-guard:${name}`).map((p) => p.value);

/** The packages `binary` uses, by name, with how: `libpcap0.8 dynamic`. */
function uses(bom: Bom, binary: string): string[] {
  const named = (path = ''): boolean => path === binary || path.endsWith(`/${binary}`);
  const b = bom.components.find((c) => named(prop(c, 'path')[0]));
  const refs = bom.dependencies.find((d) => d.ref === b?.['bom-ref'])?.dependsOn ?? [];
  const loads = b === undefined ? [] : prop(b, 'loads');
  const how = (ref: string): string =>
    loads.some((l) => l.endsWith(` ${ref}`)) ? 'dynamic' : 'static';
  return refs
    .map((r) => {
      const c = bom.components.find((x) => x['bom-ref'] === r);
      const runtime = c === undefined ? [] : prop(c, 'runtime-package');
      return `${runtime[0] ?? c?.name ?? r} ${how(r)}`;
    })
    .sort();
}

function lockedPackages(lockfile: string): { release: string; packages: LockedPackage[] } {
  const lock = parseLockfile(readFileSync(lockfile, 'utf8'), lockfile);
  if ('error' in lock) throw new Error(lock.error);
  return {
    release: lock.toolchains[0]?.release ?? '',
    packages: lock.toolchains.flatMap((t) => [...t.packages, ...(t.target?.packages ?? [])]),
  };
}

/** Every deb purl and version of the SBOM is a locked package's. */
function expectLocked(bom: Bom, lockfile: string): void {
  const { release, packages } = lockedPackages(lockfile);
  const [distro, codename] = release.split('/');
  const debs = bom.components.filter((c) => c.purl?.startsWith('pkg:deb/') === true);
  expect(debs.length).toBeGreaterThan(0);
  for (const c of debs) {
    const locked = packages.find((p) => p.name === c.name);
    expect(locked, c.name).toBeDefined();
    if (locked === undefined) continue;
    expect(c.version).toBe(locked.version);
    expect(c.purl).toBe(debPurl(locked, { distro: distro ?? '', codename: codename ?? '' }));
  }
}

function sbomOf(run: StepRun): Bom {
  const path = run.outputs.sbom ?? '';
  expect(path).not.toBe('');
  return JSON.parse(readFileSync(path, 'utf8')) as Bom;
}

const runner = (): Runner => new Runner(TOOL_CACHE, NODE24);

describe('sbom: gopacket and go-sqlite3 on target packages, linux/arm64 at glibc 2.31', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-sbom-'));
  cpSync(join(ROOT, 'examples', 'target-packages'), dir, { recursive: true });
  const lockfile = join(dir, 'lock.yml');
  let main: StepRun;
  let bom: Bom;

  beforeAll(async () => {
    main = await runner().run('main', {
      target: 'linux/arm64',
      glibc: '2.31',
      packages: 'libpcap-dev, libsqlite3-dev',
      run: [
        'go build -o out/pcapver ./pcapver',
        'go build -tags libsqlite3 -o out/sqlitever ./sqlitever',
        'go build -o out/pcapstatic ./pcapstatic',
      ].join('\n'),
      'working-directory': dir,
      lockfile,
      cache: 'false',
      sbom: 'true',
    });
    expect(main.status, main.stdout).toBe(0);
    bom = sbomOf(main);
  }, 900_000);

  it('is a valid CycloneDX 1.6 document', () => {
    expect(cyclonedxErrors(bom)).toEqual([]);
  });

  it('names the packages each binary loads, libc6 as the cross toolchain ships it', () => {
    // Every link takes glibc's start files and libc_nonshared.a (libc6-dev) and gcc's
    // crtbegin/crtend (libgcc-10-dev), as the wrappers' link records say.
    const start = ['libc6-dev static', 'libgcc-10-dev static'];
    expect(uses(bom, 'pcapver')).toEqual(['libc6 dynamic', ...start, 'libpcap0.8 dynamic']);
    expect(uses(bom, 'sqlitever')).toEqual(['libc6 dynamic', ...start, 'libsqlite3-0 dynamic']);
    // libpcap.a linked in: NEEDED names only libdbus (from libpcap's own dependency) and libc.
    expect(uses(bom, 'pcapstatic')).toEqual([
      'libc6 dynamic',
      'libc6-dev static',
      'libdbus-1-3 dynamic',
      'libgcc-10-dev static',
      'libpcap0.8-dev static',
    ]);
    const libc = bom.components.find((c) => prop(c, 'runtime-package')[0] === 'libc6');
    expect(libc?.name).toBe('libc6-arm64-cross');
  });

  it('lists libpcap.a as linked statically into pcapstatic only, with the members it took', () => {
    const statics = (binary: string): string[] => {
      const b = bom.components.find((c) => prop(c, 'path')[0]?.endsWith(`/${binary}`) === true);
      return b === undefined ? [] : prop(b, 'links-statically');
    };
    const pcap = statics('pcapstatic').find((l) => l.includes('/libpcap.a'));
    expect(pcap).toMatch(
      /^usr\/lib\/aarch64-linux-gnu\/libpcap\.a \(\d+ members\) pkg:deb\/debian\/libpcap0\.8-dev@/,
    );
    expect(statics('pcapver').some((l) => l.includes('libpcap'))).toBe(false);
    for (const binary of ['pcapver', 'sqlitever', 'pcapstatic'])
      expect(statics(binary), binary).toContainEqual(
        expect.stringMatching(
          /^usr\/aarch64-linux-gnu\/lib\/crt1\.o pkg:deb\/debian\/libc6-dev-arm64-cross@/,
        ),
      );
  });

  it('gives every package the purl and version the lockfile pins', () => {
    expectLocked(bom, lockfile);
    const tool = bom.metadata.tools.components.find((t) => t.name.startsWith('linux/arm64 '));
    expect(tool).toBeDefined();
  });

  it('writes the same through verify --sbom, the install found from the sysroot', () => {
    const sysroots = JSON.parse(main.outputs.sysroot ?? '{}') as Record<string, string>;
    const file = join(dir, 'cli.cdx.json');
    const args = ['--target', 'linux/arm64', '--glibc', '2.31', '--lock', lockfile];
    const r = spawnSync(
      SYSTEM_NODE,
      [CLI, 'verify', ...args, '--sysroot', sysroots['linux/arm64'] ?? '', '--sbom', file, 'out'],
      // The link records the action's build wrote (it exports where to later steps).
      { cwd: dir, encoding: 'utf8', env: { ...process.env, ...main.exported } },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cli = JSON.parse(readFileSync(file, 'utf8')) as Bom;
    expect(cyclonedxErrors(cli)).toEqual([]);
    for (const binary of ['pcapver', 'sqlitever', 'pcapstatic'])
      expect(uses(cli, binary), binary).toEqual(uses(bom, binary));
    expectLocked(cli, lockfile);
  });

  // Installing cyclonedx-gomod compiles it: minutes on a machine with empty Go caches.
  it('merges with cyclonedx-gomod’s SBOM of the same module by the documented recipe', () => {
    const gomod = cyclonedxGomod();
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
      });
    };
    git('init', '-q');
    git('add', 'go.mod', 'go.sum', 'pcapver', 'sqlitever', 'pcapstatic');
    git('commit', '-qm', 'module');
    execFileSync(gomod, ['app', '-json', '-output', 'go.cdx.json', '-main', 'pcapver', '.'], {
      cwd: dir,
      env: { ...process.env, GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '1' },
    });
    writeFileSync(join(dir, 'c.cdx.json'), readFileSync(main.outputs.sbom ?? '', 'utf8'));
    const doc = readFileSync(join(ROOT, 'docs', 'sbom.md'), 'utf8');
    const recipe = /```sh\n(jq -n [\s\S]*?)```/.exec(doc)?.[1];
    expect(recipe).toBeDefined();
    execFileSync('bash', ['-euo', 'pipefail', '-c', recipe ?? ''], {
      cwd: dir,
      env: { ...process.env, BIN: 'out/pcapver' },
    });
    const merged = JSON.parse(readFileSync(join(dir, 'app.cdx.json'), 'utf8')) as Bom;
    expect(cyclonedxErrors(merged)).toEqual([]);
    const root = merged.metadata.component?.['bom-ref'] ?? '';
    expect(root).toMatch(/^pkg:golang\/example\.com\/target-packages@/);
    const binary = bom.components.find((c) => prop(c, 'path')[0] === 'out/pcapver');
    expect(merged.dependencies.find((d) => d.ref === root)?.dependsOn).toContain(
      binary?.['bom-ref'],
    );
    const purls = merged.components.map((c) => c.purl ?? '');
    expect(purls).toContainEqual(
      expect.stringMatching(/^pkg:golang\/github\.com\/google\/gopacket@v1\.1\.19/),
    );
    expect(purls).toContainEqual(expect.stringMatching(/^pkg:deb\/debian\/libpcap0\.8@/));
    expect(merged.metadata.tools.components.map((t) => t.name)).toContain('cyclonedx-gomod');
  }, 900_000);
});

describe('sbom: go-sqlite3 static on musl, linux/amd64', () => {
  it('lists musl-dev as linked statically, as locked, in a valid document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-sbom-musl-'));
    cpSync(join(ROOT, 'examples', 'sqlite'), dir, { recursive: true });
    const lockfile = join(dir, 'lock.yml');
    const main = await runner().run('main', {
      target: 'linux/amd64',
      libc: 'musl',
      run: 'CGO_CFLAGS="-O0 -g0" go build -o sqlite-musl .',
      'working-directory': dir,
      lockfile,
      cache: 'false',
      sbom: 'true',
    });
    expect(main.status, main.stdout).toBe(0);
    const bom = sbomOf(main);
    expect(cyclonedxErrors(bom)).toEqual([]);
    // musl's libc.a with the members the link took, from the link record (not only the facts).
    const app = bom.components.find((c) => prop(c, 'path')[0] === 'sqlite-musl');
    expect(app === undefined ? [] : prop(app, 'links-statically')).toContainEqual(
      expect.stringMatching(
        /^usr\/lib\/x86_64-linux-musl\/libc\.a \(\d+ members\) pkg:deb\/debian\/musl-dev@/,
      ),
    );
    expect(uses(bom, 'sqlite-musl')).toEqual(['musl-dev static']);
    expectLocked(bom, lockfile);
  }, 900_000);
});
