/**
 * Paths the action does not choose: a working directory with glob characters, and several steps
 * of one job sharing RUNNER_TEMP (verify-only: libc none, nothing is installed); a tool cache
 * path with a space, a quote and `$(…)`, through which the step builds and a later step builds
 * again with what the action wrote to $GITHUB_ENV.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { ROOT } from '../setup/paths.js';
import { Runner, type StepRun } from '../setup/runner.js';
import { envJson, runAgainst, TOOL_CACHE, UNREACHABLE_MIRROR } from '../setup/toolchain.js';

function project(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cgo-abi-guard-paths-')), name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(fixture('amd64-nocgo'), join(dir, 'app'));
  return dir;
}

const inputs = (dir: string, artifacts: string): Record<string, string> => ({
  target: 'linux/amd64',
  libc: 'none',
  artifacts,
  'working-directory': dir,
  cache: 'false',
});

function judgedPaths(step: StepRun): string[] {
  return (step.report?.targets ?? []).flatMap((t) => t.binaries.map((b) => b.path));
}

describe('action paths', () => {
  it('finds artifacts under a working directory named with glob characters', async () => {
    const dir = project('we[i]rd {x,y} *');
    const step = await new Runner().run('main', inputs(dir, 'app*'));
    expect(step.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(step.outputs.verdict).toBe('pass');
    expect(judgedPaths(step)).toEqual([join(dir, 'app')]);
  });

  it('writes one report per step, though the steps share RUNNER_TEMP', async () => {
    const runner = new Runner();
    const one = project('one');
    const two = project('two');
    const first = await runner.run('main', inputs(one, 'app'));
    const second = await runner.run('main', inputs(two, 'app'));
    expect(first.outputs.report).not.toBe(second.outputs.report);
    for (const step of [first, second])
      expect(step.outputs.report?.startsWith(runner.temp)).toBe(true);
    expect(existsSync(first.outputs.report ?? '')).toBe(true);
    expect(judgedPaths(first)).toEqual([join(one, 'app')]);
    expect(judgedPaths(second)).toEqual([join(two, 'app')]);
  });
});

describe('a tool cache path with a space, a quote and $(…)', () => {
  it('builds in the step and in a later step with the exported CC, and runs nothing from the path', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-paths-'));
    const lockfile = join(work, 'lock.yml');
    const installed = envJson([
      ...['--target', 'linux/amd64', '--glibc', '2.31', '--compiler', 'gcc', '--lock', lockfile],
    ]).toolchain.dir;
    // Would a shell run the path, it would make this file (the variable holds its absolute path).
    const pwned = join(work, 'pwned');
    const root = join(work, "runner's tool cache $(touch $CGO_ABI_GUARD_PWNED)");
    const rel = installed.slice(TOOL_CACHE.length + 1);
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    for (const suffix of ['', '.complete', '.manifest.json'])
      execFileSync('cp', ['-al', `${installed}${suffix}`, `${join(root, rel)}${suffix}`]);
    const dir = join(work, 'project');
    cpSync(join(ROOT, '__tests__/fixtures/src/cgoapp'), dir, { recursive: true });
    const runner = new Runner(root);
    const step = await runner.run(
      'main',
      {
        target: 'linux/amd64',
        glibc: '2.31',
        run: 'go build -o app .',
        'working-directory': dir,
        lockfile,
        'frozen-lockfile': 'true',
        mirror: UNREACHABLE_MIRROR,
        'host-mirrors': 'false',
        cache: 'false',
      },
      { env: { CGO_ABI_GUARD_PWNED: pwned } },
    );
    expect(step.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    // Go reads CC split at spaces, quotes without escapes: the path in double quotes.
    expect(step.exported.CC).toBe(`"${root}/${rel}/bin/cc"`);
    // A later step of the job: the runner's environment plus $GITHUB_ENV, a plain go build.
    const later = spawnSync('go', ['build', '-o', 'app-later', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
        HOME: process.env.HOME,
        GOFLAGS: '-trimpath -buildvcs=false',
        GOTOOLCHAIN: 'local',
        GOPROXY: 'off',
        CGO_ABI_GUARD_PWNED: pwned,
        ...step.exported,
      },
    });
    expect(later.stderr).toBe('');
    expect(later.status).toBe(0);
    const sysroot = (JSON.parse(step.outputs.sysroot ?? '{}') as Record<string, string>)[
      'linux/amd64'
    ];
    for (const app of ['app', 'app-later']) {
      const r = runAgainst('amd64', sysroot ?? '', join(dir, app));
      expect(r.stdout).toContain('sqrt(2)=1.414214');
      expect(r.status).toBe(0);
    }
    expect(existsSync(pwned)).toBe(false);
  });
});
