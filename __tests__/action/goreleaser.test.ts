/**
 * The README's goreleaser recipe, read out of README.md and run as a workflow would: the action's
 * install-only step (two targets, `packages: libseccomp-dev`) on the runner protocol; then real
 * goreleaser (from the Go module proxy) with the README's `.goreleaser.yaml` in an environment
 * made of the job's and the step's GITHUB_ENV, with an empty Go build cache, as on a fresh runner
 * (a warm one hides a missing pkg-config: cgo's pkg-config call is not part of Go's cache key);
 * then the recipe's verify step. The project is libseccomp-golang (`#cgo pkg-config: libseccomp`),
 * which this machine has no `.pc` file for: only the sysroot's can be found.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goreleaser, readmeRecipe, TEST_GOMODCACHE, type Recipe } from '../setup/goreleaser.js';
import { ROOT } from '../setup/paths.js';
import { Runner, type StepRun } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const GUARD = 'org/cgo-abi-guard@v1';
const TRIPLET: Record<string, string> = { amd64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };

function errors(run: StepRun): string[] {
  return run.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

interface Released {
  status: number | null;
  log: string;
}

describe('the README goreleaser recipe: two targets, libseccomp, an empty Go build cache', () => {
  const recipe: Recipe = readmeRecipe();
  const [install, release, verify] = recipe.steps;
  const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-goreleaser-'));
  const lockfile = join(work, 'lock.yml');
  const runner = new Runner(TOOL_CACHE);
  let exe: string;
  let installed: StepRun;

  /** A copy of the example project with this `.goreleaser.yaml`. */
  const project = (name: string, config: string): string => {
    const dir = join(work, name);
    cpSync(join(ROOT, 'examples', 'goreleaser'), dir, { recursive: true });
    writeFileSync(join(dir, '.goreleaser.yaml'), `${config}\n`);
    return dir;
  };

  /** goreleaser as a later step of the job runs it: the job's env plus the step's GITHUB_ENV. */
  const goreleaserStep = (dir: string): Released => {
    const gocache = mkdtempSync(join(work, 'gocache-'));
    const args = (release?.with.args ?? '').split(/\s+/).filter((a) => a !== '');
    const r = spawnSync(exe, [...args, '--snapshot'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
        HOME: process.env.HOME,
        GOCACHE: gocache,
        GOMODCACHE: TEST_GOMODCACHE,
        GOTOOLCHAIN: 'local',
        GOFLAGS: '-buildvcs=false',
        ...installed.exported,
      },
    });
    // The cache was empty: every cgo step, pkg-config included, really ran.
    return { status: r.status, log: `${r.stdout}\n${r.stderr}` };
  };

  beforeAll(async () => {
    exe = goreleaser();
    installed = await runner.run('main', {
      ...install?.with,
      'working-directory': work,
      lockfile,
      cache: 'false',
    });
  }, 1_800_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('is the recipe the issue is about: install only, two targets, libseccomp-dev, version 2', () => {
    expect(recipe.steps.map((s) => s.uses)).toEqual([
      GUARD,
      'goreleaser/goreleaser-action@v6',
      GUARD,
    ]);
    expect(install?.with).toEqual({
      target: 'linux/amd64,linux/arm64',
      glibc: '2.31',
      packages: 'libseccomp-dev',
    });
    expect(release?.with.args).toBe('release --clean');
    expect(recipe.config).toMatch(/^version: 2$/m);
  });

  it('exports a pkg-config per target beside its cc, and no job-wide PKG_CONFIG', () => {
    expect(errors(installed)).toEqual([]);
    expect(installed.status).toBe(0);
    for (const arch of ['amd64', 'arm64']) {
      const cc = installed.exported[`CC_${arch}`] ?? '';
      expect(cc).toMatch(/\/bin\/cc$/);
      expect(installed.exported[`PKG_CONFIG_${arch}`]).toBe(cc.replace(/cc$/, 'pkg-config'));
    }
    expect(installed.exported.PKG_CONFIG_amd64).not.toBe(installed.exported.PKG_CONFIG_arm64);
    for (const name of ['CC', 'PKG_CONFIG', 'PKG_CONFIG_LIBDIR', 'PKG_CONFIG_SYSROOT_DIR'])
      expect(installed.exported[name], name).toBeUndefined();
  });

  it("each target's pkg-config gives its sysroot's flags and refuses the host's .pc files", () => {
    const sysroots = JSON.parse(installed.outputs.sysroot ?? '{}') as Record<string, string>;
    // The host has libsqlite3-dev (as GitHub's Ubuntu images do); the sysroots do not.
    const host = spawnSync('pkg-config', ['--exists', 'sqlite3']);
    expect(host.status, 'the host has sqlite3.pc').toBe(0);
    const hostDirs = spawnSync('pkg-config', ['--variable', 'pc_path', 'pkg-config'], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(hostDirs).not.toBe('');
    const pkgconf = !spawnSync('pkg-config', ['--version'], { encoding: 'utf8' }).stdout.startsWith(
      '0.',
    );
    for (const arch of ['amd64', 'arm64']) {
      const pkgConfig = installed.exported[`PKG_CONFIG_${arch}`] ?? '';
      const sysroot = sysroots[`linux/${arch}`] ?? '';
      // Whatever the job's environment points at, only the sysroot's .pc files count.
      const env = {
        PATH: process.env.PATH,
        PKG_CONFIG_PATH: hostDirs,
        PKG_CONFIG_LIBDIR: hostDirs,
      };
      const flags = spawnSync(pkgConfig, ['--cflags', '--libs', 'libseccomp'], {
        encoding: 'utf8',
        env,
      });
      expect(flags.stderr).toBe('');
      expect(flags.status).toBe(0);
      // Every path in the flags is in the sysroot. pkg-config 0.29 (ubuntu-22.04's) leaves out
      // an -L it takes for a system directory before prefixing the sysroot; the cc wrappers and
      // the cross gcc search the sysroot's library directories themselves.
      const words = flags.stdout.trim().split(/\s+/);
      expect(words).toContain('-lseccomp');
      for (const w of words.filter((f) => /^-[IL]/.test(f)))
        expect(w.slice(2).startsWith(`${sysroot}/`), w).toBe(true);
      if (pkgconf) expect(words).toContain(`-L${sysroot}/usr/lib/${TRIPLET[arch] ?? '?'}`);
      const leak = spawnSync(pkgConfig, ['--exists', '--print-errors', 'sqlite3'], {
        encoding: 'utf8',
        env,
      });
      expect(leak.status, `${arch}: the host's sqlite3.pc must not be found`).not.toBe(0);
      expect(leak.stderr).toMatch(/Package .*sqlite3.* not found/);
    }
  });

  it('the action’s own run gets each target’s PKG_CONFIG too, and builds with it', async () => {
    const dir = project('run', recipe.config);
    const step = await runner.run(
      'main',
      {
        ...install?.with,
        run: [
          '"$PKG_CONFIG" --exists libseccomp',
          'echo "$GOARCH $PKG_CONFIG" >> pkg-config.txt',
          'go build -o "out/$GOARCH/app" .',
        ].join('\n'),
        'working-directory': dir,
        lockfile,
        cache: 'false',
      },
      { env: { GOMODCACHE: TEST_GOMODCACHE } },
    );
    expect(errors(step)).toEqual([]);
    expect(step.outputs.verdict).toBe('pass');
    expect(readFileSync(join(dir, 'pkg-config.txt'), 'utf8')).toBe(
      ['amd64', 'arm64']
        .map((a) => `${a} ${installed.exported[`PKG_CONFIG_${a}`] ?? '?'}\n`)
        .join(''),
    );
  }, 900_000);

  let built: Released;
  let dir: string;

  it('goreleaser builds both targets with the README .goreleaser.yaml on an empty Go cache', () => {
    dir = project('release', recipe.config);
    built = goreleaserStep(dir);
    expect(built.log).not.toMatch(/Package libseccomp was not found/);
    expect(built.status, built.log).toBe(0);
    const binaries = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('/app'))
      .sort();
    expect(binaries).toEqual(['app_linux_amd64_v1/app', 'app_linux_arm64_v8.0/app']);
  }, 900_000);

  it('the recipe’s verify step passes them, names libseccomp2 in depends, and runs them', async () => {
    expect(existsSync(join(dir, 'dist'))).toBe(true);
    const checked = await runner.run('main', {
      ...verify?.with,
      smoke: 'true',
      'working-directory': dir,
      lockfile,
      cache: 'false',
    });
    expect(errors(checked)).toEqual([]);
    expect(checked.status).toBe(0);
    expect(checked.outputs.verdict).toBe('pass');
    // With several targets, depends is a JSON map: each target's own Depends line.
    const depends = JSON.parse(checked.outputs.depends ?? '{}') as Record<string, string>;
    expect(Object.keys(depends).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const line of Object.values(depends)) {
      expect(line).toMatch(/^libc6 \(>= 2\.\d+(\.\d+)?\)/);
      expect(line).toMatch(/libseccomp2 \(>= 2\.\d+(\.\d+)?\)/);
    }
    // Both binaries ran on bullseye's glibc with bullseye's libseccomp (2.5.1).
    expect(checked.outputs.smoke).toBe('pass');
    expect(checked.stdout.split('\n').filter((l) => l === 'libseccomp 2.5.1').length).toBe(2);
  }, 900_000);

  it('the same run without the PKG_CONFIG lines fails as the issue reports', () => {
    // Go's default, the host's pkg-config, finds no libseccomp.pc here (a runner with the host's
    // libseccomp-dev would take it instead: the other failure the wrapper prevents).
    expect(spawnSync('pkg-config', ['--exists', 'libseccomp']).status, 'host libseccomp.pc').toBe(
      1,
    );
    const without = recipe.config
      .split('\n')
      .filter((l) => !/^\s+- PKG_CONFIG=/.test(l))
      .join('\n');
    expect(without).not.toContain('PKG_CONFIG');
    const failed = goreleaserStep(project('without', without));
    expect(failed.status).not.toBe(0);
    expect(failed.log).toMatch(/Package libseccomp was not found in the pkg-config search path/);
  }, 900_000);
});
