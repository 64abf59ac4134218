/**
 * Static builds on the runner protocol, built here by Go for real: go-sqlite3 with cgo off at
 * `libc: none` (its stub "requires cgo to work"), a pure-Go program, a static cgo build against
 * the floor's glibc in one step, musl-gcc static and dynamic — linux/amd64 and linux/arm64, the
 * static executables smoke-run by themselves (arm64 under the pinned qemu-user-static).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchedLines } from '../../src/domain/report/matchers.js';
import type { RunReport } from '../../src/domain/report/run-report.js';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import { ROOT } from '../setup/paths.js';
import { NODE24, Runner, type StepRun } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-static-'));
const lockfile = join(shared, 'cgo-abi-guard.lock.yml');

function project(from: string): string {
  const dir = mkdtempSync(join(shared, 'project-'));
  cpSync(join(ROOT, from), dir, { recursive: true });
  return dir;
}

type Smoked = SmokeResult;

/** This machine's glibc (`2.36`). */
const hostGlibc = (): string =>
  execFileSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' }).trim().split(' ')[1] ?? '';

/** The step's RunReport (read and validated by the runner helper). */
const reportOf = (run: StepRun): RunReport => {
  if (run.report === null) throw new Error(`no report: ${run.stdout}`);
  return run.report;
};
const lines = (run: StepRun, prefix: string): string[] =>
  run.stdout.split('\n').filter((l) => l.startsWith(prefix));
const smokeOf = (run: StepRun): [string, string, boolean][][] =>
  reportOf(run).targets.map((t) => t.smoke.results.map((s) => [s.glibc, s.via, s.passed]));

describe('libc: none', () => {
  const build = {
    target: 'linux/amd64,linux/arm64',
    libc: 'none',
    run: 'CGO_ENABLED=0 go build -o "sqlite-$GOARCH" .',
    lockfile,
    cache: 'false',
  };

  it('warns on go-sqlite3 built with cgo off, whose build info says CGO_ENABLED=0', async () => {
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      ...build,
      'working-directory': project('examples/sqlite'),
    });
    expect(lines(main, '::error')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs.verdict).toBe('pass');
    const warned = lines(main, '::warning title=cgo-abi-guard cgo-off');
    expect(warned).toHaveLength(2);
    expect(warned[0]).toMatch(/built with CGO_ENABLED=0: .*requires cgo to work/);
  }, 900_000);

  it('fails it when smoke is set, and the smoke run starts the stub: directly and under qemu', async () => {
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      ...build,
      'working-directory': project('examples/sqlite'),
      smoke: 'true',
    });
    expect(main.status).toBe(1);
    expect(main.outputs).toMatchObject({ verdict: 'fail', smoke: 'fail' });
    expect(lines(main, '::error title=cgo-abi-guard cgo-off')).toHaveLength(2);
    expect(smokeOf(main)).toEqual([
      [['static', 'direct', false]],
      [['static', 'qemu-aarch64', false]],
    ]);
    for (const t of reportOf(main).targets)
      expect(t.smoke.results[0]?.stderr.join('\n')).toMatch(/go-sqlite3 requires cgo to work/);
    expect(main.summary).not.toContain('nothing was built to run');
    expect(main.summary).toMatch(/^\| .*sqlite-arm64 \| static \| qemu-aarch64 \| exit 1 \|/m);
  }, 900_000);

  it('runs a pure-Go static build (cgo-off off in the policy) directly and under qemu', async () => {
    const policy = join(shared, 'pure-go.yml');
    writeFileSync(policy, 'severity:\n  cgo-off: off\n');
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      ...build,
      run: 'CGO_ENABLED=0 go build -o "purego-$GOARCH" .',
      'working-directory': project('__tests__/fixtures/src/purego'),
      policy,
      smoke: 'true',
    });
    expect(lines(main, '::error')).toEqual([]);
    expect(lines(main, '::warning')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    expect(smokeOf(main)).toEqual([
      [['static', 'direct', true]],
      [['static', 'qemu-aarch64', true]],
    ]);
    expect(main.stdout).toMatch(/^arch: arm64$/m);
  }, 900_000);
});

describe('a static cgo build where a libc is expected', () => {
  const staticGlibc = {
    target: 'linux/amd64,linux/arm64',
    glibc: '2.31',
    lockfile,
    cache: 'false',
    smoke: 'true',
  };
  const STATIC = `-ldflags '-linkmode external -extldflags -static'`;

  it('is one step at libc: glibc, with the installed toolchain (amd64, arm64)', async () => {
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      ...staticGlibc,
      run: `go build -tags netgo,osusergo ${STATIC} -o "app-$GOARCH" .`,
      'working-directory': project('__tests__/fixtures/src/cgoapp'),
    });
    expect(lines(main, '::error')).toEqual([]);
    expect(lines(main, '::warning')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    const report = reportOf(main);
    expect(
      report.targets.map((t) => t.binaries.map((b) => [b.facts?.interpreter, b.facts?.staticLibc])),
    ).toEqual([[[null, 'glibc']], [[null, 'glibc']]]);
    expect(smokeOf(main)).toEqual([
      [['static', 'direct', true]],
      [['static', 'qemu-aarch64', true]],
    ]);
    expect(main.stdout).toMatch(/^sqrt\(2\)=1\.414214$/m);
  }, 900_000);

  it('warns on its NSS calls, which the floor does not cover and the smoke run shows', async () => {
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      ...staticGlibc,
      run: `go build ${STATIC} -o "app-$GOARCH" .`,
      'working-directory': project('__tests__/fixtures/src/cgoapp'),
    });
    const report = reportOf(main);
    // Judged a static glibc build: not "cgo was probably off"; its NSS calls a warning each.
    expect(main.stdout).not.toMatch(/cgo was probably off/);
    expect(
      report.targets.map((t) => t.binaries.flatMap((b) => b.findings.map((f) => f.rule))),
    ).toEqual([['static-nss'], ['static-nss']]);
    expect(report.targets.flatMap((t) => t.binaries.map((b) => b.verdict))).toEqual([
      'pass',
      'pass',
    ]);
    // What the linker warned about, the binaries show: no second warning.
    expect(report.targets.map((t) => t.build?.staticNssLinked)).toEqual([[], []]);
    // glibc's linker warned on Go lines; the problem matchers make no annotation of them.
    expect(main.stdout).toMatch(/\.go:\d+: warning: Using 'getpwuid_r' in statically linked/);
    const matched = new MatchedLines();
    for (const line of main.stdout.split('\n')) matched.push(line);
    expect(matched.counts).toEqual({ error: 0, warning: 0, notice: 0 });
    // Measured on Debian 12: glibc 2.31's static getpwuid_r loads the runner's libnss_files
    // (2.36) and crashes; under qemu-aarch64 no arm64 NSS module is found and the lookup fails.
    const [amd64, arm64] = report.targets.map((t) => t.smoke.results[0]);
    if (hostGlibc() === '2.36') {
      expect(amd64).toMatchObject({ via: 'direct', passed: false });
      expect(amd64?.stderr.join('\n')).toMatch(/SIGSEGV/);
      expect(main.outputs).toMatchObject({ verdict: 'fail', smoke: 'fail' });
    }
    expect(arm64).toMatchObject({ via: 'qemu-aarch64', passed: true });
    // How the failed lookup reads depends on the machine's NSS setup: getpwuid_r reports an
    // error here (Debian 12) and "not found" on CI's machine. Either way uid 0, which every
    // machine has, is not found.
    expect(main.stdout).toMatch(/^user: error: user: (?:lookup userid 0|unknown userid 0)/m);
    expect(main.stdout).not.toMatch(/^user: root$/m);
  }, 900_000);

  it("sums up glibc's linker warning for a stripped C caller the binary does not show", async () => {
    const dir = mkdtempSync(join(shared, 'getpwnam-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/getpwnam\n\ngo 1.21\n');
    writeFileSync(
      join(dir, 'main.go'),
      [
        'package main',
        '',
        '/*',
        '#include <pwd.h>',
        'static int has_root(void) { return getpwnam("root") != 0; }',
        '*/',
        'import "C"',
        '',
        'import "fmt"',
        '',
        'func main() { fmt.Println("root:", C.has_root() != 0) }',
        '',
      ].join('\n'),
    );
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      target: 'linux/amd64',
      glibc: '2.31',
      run: `go build -ldflags '-s -w -linkmode external -extldflags -static' -o app .`,
      'working-directory': dir,
      lockfile,
      cache: 'false',
    });
    expect(lines(main, '::error')).toEqual([]);
    expect(main.status).toBe(0);
    const [target] = reportOf(main).targets;
    expect(target?.binaries.map((b) => [b.facts?.staticLibc, b.findings])).toEqual([['glibc', []]]);
    expect(target?.build?.staticNssLinked).toEqual(['getpwnam']);
    expect(lines(main, '::warning')).toEqual([
      expect.stringMatching(
        /^::warning title=cgo-abi-guard static-nss \(linux\/amd64\/v1\)::the linker warned that a static glibc binary calls getpwnam: .*the glibc floor does not cover this/,
      ),
    ]);
  }, 900_000);

  it("keeps a build's own musl-gcc at libc: musl: static ones judged musl, a dynamic one run on the installed musl", async () => {
    const cc = 'CC=musl-gcc';
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      target: 'linux/amd64',
      libc: 'musl',
      // The builds' own -ldflags replace the exported GOFLAGS: one is dynamic, as asked.
      link: 'dynamic',
      run: [
        `${cc} go build -ldflags '-linkmode external -extldflags -static' -o app-static .`,
        `${cc} go build -ldflags '-s -w -linkmode external -extldflags -static' -o app-stripped .`,
        `${cc} go build -ldflags '-linkmode external' -o app-dynamic .`,
      ].join('\n'),
      'working-directory': project('__tests__/fixtures/src/cgoapp'),
      lockfile,
      cache: 'false',
      smoke: 'true',
    });
    expect(lines(main, '::error')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    const [target] = reportOf(main).targets;
    const byName = (name: string): Smoked | undefined =>
      target?.smoke.results.find((s) => s.path.endsWith(`/${name}`));
    expect(byName('app-static')).toMatchObject({ glibc: 'static', via: 'direct', passed: true });
    expect(byName('app-stripped')).toMatchObject({ glibc: 'static', via: 'direct', passed: true });
    // The installed toolchain's musl (the floor's, 1.2.2) starts it through its loader.
    expect(byName('app-dynamic')).toMatchObject({
      glibc: 'musl 1.2.2',
      via: 'loader',
      passed: true,
    });
    expect(target?.binaries.map((b) => b.facts?.staticLibc).sort()).toEqual(['musl', null, null]);
  }, 900_000);
});

describe('frozen-lockfile with smoke, and no qemu in the lockfile', () => {
  it('publishes every verify result, reports the run as not run and names the input', async () => {
    const lock = join(mkdtempSync(join(shared, 'frozen-')), 'cgo-abi-guard.lock.yml');
    const inputs = {
      target: 'linux/arm64',
      glibc: '2.31',
      run: 'go build -o app .',
      'working-directory': project('__tests__/fixtures/src/cgoapp'),
      lockfile: lock,
      cache: 'false',
    };
    const first = await new Runner(TOOL_CACHE, NODE24).run('main', inputs);
    expect(first.status).toBe(0);
    expect(readFileSync(lock, 'utf8')).toContain('key: linux/arm64 glibc-2.31 gcc host-amd64');
    expect(readFileSync(lock, 'utf8')).not.toContain('qemu-user-static');

    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      ...inputs,
      'frozen-lockfile': 'true',
      smoke: 'true',
    });
    expect(main.status).toBe(1);
    // The verdict, the summary's heading and the outputs agree; the run vouches for nothing.
    expect(main.outputs.verdict).toBe('fail');
    expect(main.summary).toMatch(/^## cgo-abi-guard: fail$/m);
    expect(main.outputs.smoke).toBe('');
    expect(main.outputs.depends).toMatch(/^libc6 \(>= 2\.\d+\)/);
    expect(main.outputs['max-glibc']).toMatch(/^2\.\d+$/);
    const [target] = reportOf(main).targets;
    expect(target?.binaries.map((b) => b.verdict)).toEqual(['pass']);
    // Something to run, and the run could not be set up: an error of the run, not "not run".
    expect(target?.smoke).toMatchObject({ status: 'error', results: [] });
    expect(target?.smoke.reason).toMatch(
      /has no entry for "qemu-user-static qemu-aarch64 host-amd64" and the lockfile is frozen: run once with frozen-lockfile: false and commit the lockfile/,
    );
    expect(target?.verdict).toBe('fail');
    expect(main.summary).toMatch(/^\*smoke run: not run: .*run once with frozen-lockfile: false/m);
    expect(main.summary).toMatch(/^\| `[^`]*\/app` \| linux\/arm64 \| .* \| ✅ pass \| [^|]+ \|$/m);
    expect(lines(main, '::error title=cgo-abi-guard smoke (linux/arm64)')).toEqual([
      expect.stringMatching(/::not run: .*frozen-lockfile: false/),
    ]);
    expect(lines(main, '::error::')).toEqual([
      expect.stringMatching(/^::error::cgo-abi-guard: the smoke run could not be set up: /),
    ]);
    expect(`${main.stdout}${main.summary}`).not.toContain('--frozen');
    expect(readFileSync(lock, 'utf8')).not.toContain('qemu-user-static');
  }, 900_000);
});
