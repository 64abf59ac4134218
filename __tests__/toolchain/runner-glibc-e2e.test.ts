/**
 * A floor above the runner's glibc, for real. A release's cross gcc is a program of that release:
 * trixie's (glibc 2.41) does not start on Debian 12's glibc 2.36, which this machine is. Floor 2.41
 * with gcc takes bookworm, whose gcc runs here, and the binary needs no more than the floor;
 * `release: trixie` with gcc is refused before anything is installed, naming clang, and clang with
 * trixie's sysroot builds; target packages for riscv64 (none in bookworm) say why trixie was not
 * taken and that clang takes it. Then an Ubuntu 22.04-like runner (glibc 2.35) as the code reads it
 * (getconf, in a private mount namespace): floor 2.36 takes bullseye, for the CLI and the action.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareDotted } from '../../src/domain/version.js';
import { STACK_TRACE, verifyJson, type CliRun } from '../setup/cli.js';
import { olderGlibcWrap, unshareMissing } from '../setup/namespaces.js';
import { CLI, ROOT, SYSTEM_NODE } from '../setup/paths.js';
import { Runner } from '../setup/runner.js';
import {
  buildCgoApp,
  envJson,
  runAgainst,
  runEnv,
  TOOL_CACHE,
  UNREACHABLE_MIRROR,
  type EnvJson,
} from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-runner-glibc-'));
chmodSync(work, 0o755);
const lock = join(work, 'lock.yml');
const ARM64 = ['--target', 'linux/arm64'];
/** Nothing can be downloaded: a refusal must come before any install starts. */
const OFFLINE = ['--mirror', UNREACHABLE_MIRROR, '--no-host-mirrors'];
/** A first install downloads and extracts a toolchain: minutes on a busy machine. */
const INSTALLS = 900_000;

/** Built with the printed env, judged at the floor, started on the sysroot's own glibc. */
function buildsUnderFloor({ env, toolchain }: EnvJson, floor: string, name: string): void {
  const binary = join(work, name);
  buildCgoApp(env, binary);
  const verdict = verifyJson([...ARM64, '--glibc', floor, binary]);
  expect(verdict.binaries[0]?.findings).toEqual([]);
  expect(verdict.status).toBe(0);
  const versions = verdict.binaries[0]?.facts?.versions as Record<string, string>;
  expect(compareDotted(versions.GLIBC ?? '99', floor)).toBeLessThanOrEqual(0);
  const run = runAgainst('arm64', toolchain.sysroot, binary);
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('sqrt(2)=1.414214');
  expect(run.status).toBe(0);
}

/** A refusal: exit 2, exactly the one line, no stack, and nothing in a fresh tool cache. */
function refusedBeforeInstalling(r: CliRun, toolCache: string, line: string): void {
  expect(r.stderr).toBe(`cgo-abi-guard env: ${line}\n`);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(readdirSync(toolCache).filter((n) => n !== '.cgo-abi-guard-state')).toEqual([]);
  expect(existsSync(join(work, 'refused.lock.yml'))).toBe(false);
}

function freshToolCache(): string {
  const dir = mkdtempSync(join(work, 'tool-cache-'));
  chmodSync(dir, 0o777);
  return dir;
}

describe("floor 2.41 on this machine's glibc 2.36 (Debian 12: trixie's gcc-14 needs GLIBC_2.38)", () => {
  beforeAll(() => {
    const getconf = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' });
    expect(getconf.stdout.trim(), 'this test reproduces a Debian 12 runner').toBe('glibc 2.36');
  });

  it(
    'gcc: takes bookworm, whose cross gcc runs here; builds, needs no more than the floor',
    () => {
      const r = runEnv([...ARM64, '--glibc', '2.41', '--lock', lock, '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        "floor 2.41 for linux/arm64 is met by debian/bookworm (glibc 2.36): debian/trixie, the floor's own release, has a cross gcc that needs glibc 2.41 on the runner, which has 2.36",
      );
      const json = JSON.parse(r.stdout) as EnvJson;
      expect(json.toolchain).toMatchObject({
        release: 'debian/bookworm',
        mode: 'cross-gcc',
        key: 'linux/arm64 glibc-2.41 gcc host-amd64 release-bookworm',
      });
      buildsUnderFloor(json, '2.41', 'app-2.41-gcc');
    },
    INSTALLS,
  );

  it('gcc with release trixie: refused before installing, in one line naming clang', () => {
    const toolCache = freshToolCache();
    const r = runEnv(
      [
        ...ARM64,
        '--glibc',
        '2.41',
        '--release',
        'trixie',
        '--lock',
        join(work, 'refused.lock.yml'),
      ].concat(OFFLINE),
      { RUNNER_TOOL_CACHE: toolCache },
    );
    refusedBeforeInstalling(
      r,
      toolCache,
      "debian/trixie's cross gcc needs glibc 2.41 on the runner, which has 2.36: use compiler: clang (--compiler clang), which runs the host clang with trixie's sysroot only, or leave release unset (floor 2.41 is met by debian/bookworm, whose gcc runs here)",
    );
  });

  it(
    "clang, the way out: the host clang with trixie's sysroot builds under the floor",
    () => {
      const json = envJson([
        ...ARM64,
        ...['--glibc', '2.41', '--compiler', 'clang', '--release', 'trixie', '--lock', lock],
      ]);
      expect(json.toolchain).toMatchObject({ release: 'debian/trixie', mode: 'clang' });
      buildsUnderFloor(json, '2.41', 'app-2.41-clang-trixie');
    },
    INSTALLS,
  );

  it('riscv64 at 2.41 with gcc: bookworm has no riscv64, and the error says clang takes trixie', () => {
    // Debian has riscv64 as a release architecture from 13 (trixie) on.
    const r = runEnv([
      ...['--target', 'linux/riscv64', '--glibc', '2.41', '--package', 'libsqlite3-dev'],
      ...['--lock', join(work, 'riscv64.lock.yml')],
    ]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).toMatch(/suite bookworm has no riscv64 packages/);
    expect(r.stderr).toContain(
      "(the floor's own release, debian/trixie, was not taken because its cross gcc needs glibc 2.41 on the runner, which has 2.36: with compiler: clang (--compiler clang) it is)",
    );
    expect(r.status).toBe(2);
  }, 600_000);
});

describe('an Ubuntu 22.04-like runner (getconf: glibc 2.35), floor 2.36', () => {
  const line =
    "debian/bookworm's cross gcc needs glibc 2.36 on the runner, which has 2.35: use compiler: clang (--compiler clang), which runs the host clang with bookworm's sysroot only, or leave release unset (floor 2.36 is met by debian/bullseye, whose gcc runs here)";
  let wrap: string[];
  const envAt235 = (args: readonly string[], toolCache = TOOL_CACHE): CliRun => {
    const r = spawnSync(wrap[0] ?? '', [...wrap.slice(1), SYSTEM_NODE, CLI, 'env', ...args], {
      encoding: 'utf8',
      env: { ...process.env, RUNNER_TOOL_CACHE: toolCache },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, report: null };
  };

  beforeAll(() => {
    const missing = unshareMissing(['-m']);
    if (missing !== null) throw new Error(missing);
    wrap = olderGlibcWrap('2.35', work);
  });

  it(
    'the CLI with gcc takes bullseye, whose cross gcc runs there; builds under the floor',
    () => {
      const r = envAt235([...ARM64, '--glibc', '2.36', '--lock', lock, '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        'floor 2.36 for linux/arm64 is met by debian/bullseye (glibc 2.31)',
      );
      const json = JSON.parse(r.stdout) as EnvJson;
      expect(json.toolchain).toMatchObject({
        release: 'debian/bullseye',
        key: 'linux/arm64 glibc-2.36 gcc host-amd64 release-bullseye',
      });
      buildsUnderFloor(json, '2.36', 'app-2.36-at-2.35');
    },
    INSTALLS,
  );

  it('the CLI with release bookworm and gcc: refused before installing', () => {
    const toolCache = freshToolCache();
    const args = [...ARM64, '--glibc', '2.36', '--release', 'bookworm'];
    const r = envAt235([...args, '--lock', join(work, 'refused.lock.yml'), ...OFFLINE], toolCache);
    refusedBeforeInstalling(r, toolCache, line);
    // The same request on this machine's own 2.36 is not refused: the fake glibc decided it.
    const here = runEnv([...args, '--lock', join(work, 'here.lock.yml'), ...OFFLINE], {
      RUNNER_TOOL_CACHE: freshToolCache(),
    });
    expect(here.stderr).not.toContain('needs glibc 2.36 on the runner');
  });

  it('the action with release bookworm and gcc fails the step with that line, nothing installed', async () => {
    const toolCache = freshToolCache();
    const project = mkdtempSync(join(work, 'project-'));
    cpSync(join(ROOT, '__tests__', 'fixtures', 'src', 'cgoapp'), project, { recursive: true });
    const runner = new Runner(toolCache, undefined, { wrap });
    const main = await runner.run(
      'main',
      {
        target: 'linux/arm64',
        glibc: '2.36',
        release: 'bookworm',
        lockfile: join(work, 'refused.lock.yml'),
        mirror: UNREACHABLE_MIRROR,
        'host-mirrors': 'false',
        run: 'go build -o app .',
      },
      { cwd: project },
    );
    expect(main.stdout).toContain(`::error::${line}`);
    expect(main.outputs['runner-glibc']).toBe('2.35');
    expect(readdirSync(toolCache).filter((n) => n !== '.cgo-abi-guard-state')).toEqual([]);
    expect(existsSync(join(project, 'app'))).toBe(false);
  });
});
