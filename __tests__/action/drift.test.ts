/**
 * The pull-request view on the runner protocol: a push to the default branch saves the run's
 * report to the Actions cache (a local stand-in for the cache service); a pull request's run
 * restores it and says what its binaries need more of, on the Go line that caused it — also in a
 * `-s -w` build — in the summary and the `drift` output; `drift: fail` fails the step; no
 * baseline is one notice (a broken or hostile baseline file: drift-baseline.test.ts).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import type { DriftReport } from '../../src/domain/drift/drift.js';
import { runCli } from '../setup/cli.js';
import { Runner, runMainAndPost } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-drift-'));
const workspace = join(work, 'app');
const lockfile = join(work, 'cgo-abi-guard.lock.yml');
let server: CacheServer;
/** The push run's report: the baseline the pull request runs restore. */
let baseReport = '';
// One runner for both runs: hosted runners give every job the same RUNNER_TEMP.
const runner = new Runner(TOOL_CACHE);

const MAIN_GO = `package main

/*
#include <stdio.h>
static void hello(void) { puts("hello"); }
*/
import "C"

func main() {
	C.hello()
	fill()
}
`;
const FILL_BASE = `package main

func fill() {}
`;
// getrandom: glibc 2.25. The call is on line 12.
const FILL_HEAD = `package main

/*
#include <sys/random.h>
*/
import "C"

import "unsafe"

func fill() {
	var b [16]byte
	C.getrandom(unsafe.Pointer(&b[0]), 16, 0)
}
`;
const CALL_LINE = 12;

function event(name: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const path = join(work, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ repository: { default_branch: 'main' } }));
  return {
    ...server.env,
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: path,
    GITHUB_WORKSPACE: workspace,
    GITHUB_WORKFLOW: 'release',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    GITHUB_RUN_ATTEMPT: '1',
    ...extra,
  };
}

const push = (): NodeJS.ProcessEnv =>
  event('push', { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) });
const pull = (base = 'main'): NodeJS.ProcessEnv =>
  event('pull_request', {
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_BASE_REF: base,
    GITHUB_SHA: 'b'.repeat(40),
  });

const inputs = (ldflags = ''): Record<string, string> => ({
  target: 'linux/amd64',
  glibc: '2.31',
  run: `go build ${ldflags} -o app .`,
  'working-directory': workspace,
  lockfile,
  cache: 'false',
});

const lines = (stdout: string, level: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith(`::${level}`));

beforeAll(async () => {
  server = await startCacheServer('v2');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'go.mod'), 'module example.com/app\n\ngo 1.22\n');
  writeFileSync(join(workspace, 'main.go'), MAIN_GO);
  writeFileSync(join(workspace, 'fill.go'), FILL_BASE);
  const base = await runMainAndPost(runner, inputs(), { env: push() });
  expect(base.main.status, base.main.stdout).toBe(0);
  expect(base.post?.stdout).toMatch(
    /saved the baseline cgo-abi-guard-baseline-v1-release-build-linux\/amd64\/v1-main-a{40}-/,
  );
  baseReport = base.main.outputs.report ?? '';
  writeFileSync(join(workspace, 'fill.go'), FILL_HEAD);
}, 600_000);

afterAll(async () => {
  await server.close();
});

describe('a pull request that adds a call of getrandom (glibc 2.25)', () => {
  for (const [name, ldflags] of [
    ['a plain build', ''],
    ['a -s -w build', "-ldflags '-s -w'"],
  ] as const)
    it(`warns on the Go line that calls it, in ${name}`, async () => {
      const main = await runner.run('main', inputs(ldflags), { env: pull() });
      expect(main.status, main.stdout).toBe(0);
      expect(main.outputs.verdict).toBe('pass');
      const drift = JSON.parse(main.outputs.drift ?? 'null') as {
        changes: { kind: string; subject: string; base: string; head: string; symbols: string[] }[];
      };
      const glibc = drift.changes.find((c) => c.kind === 'version' && c.subject === 'GLIBC');
      expect(glibc?.head).toBe('2.25');
      expect(glibc?.symbols).toEqual(['getrandom']);
      const base = glibc?.base ?? '';
      const warnings = lines(main.stdout, 'warning');
      const on = warnings.filter((w) =>
        w.startsWith(
          `::warning title=cgo-abi-guard drift (linux/amd64/v1),file=fill.go,line=${CALL_LINE}::`,
        ),
      );
      expect(on, warnings.join('\n')).toHaveLength(1);
      expect(on[0]).toContain(`GLIBC ${base} → 2.25 on linux/amd64/v1: getrandom`);
      expect(on[0]).toMatch(/Caused by fill\.go:12 in main\.fill/);
      expect(main.summary).toMatch(/### ABI changes against main @ a{12}/);
      expect(main.summary).toContain(`GLIBC ${base} → 2.25`);
      expect(main.report?.drift?.changes.length).toBeGreaterThan(0);
    }, 300_000);

  it('is what `diff` gives on the two reports (apart from the callers, read from the binaries)', async () => {
    const main = await runner.run('main', inputs(), { env: pull() });
    const strip = (changes: { callers: unknown }[]): unknown[] =>
      changes.map((c) => ({ ...c, callers: [] }));
    const cli = runCli([
      'diff',
      baseReport,
      main.outputs.report ?? '',
      '--format',
      'json',
      '--fail',
    ]);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(1);
    const diff = JSON.parse(cli.stdout) as DriftReport;
    expect(strip(diff.changes)).toEqual(strip(main.report?.drift?.changes ?? []));
    expect(diff.changes.length).toBeGreaterThan(0);
    const text = runCli(['diff', baseReport, main.outputs.report ?? '']);
    expect(text.status).toBe(0);
    // A matrix's merge shows the leg's drift beside its binary.
    const merged = runCli(['merge', main.outputs.report ?? '', '--format', 'markdown']);
    expect(merged.stdout).toMatch(
      /\| ✅ pass \| GLIBC 2\.25 \| GLIBC [\d.]+ → 2\.25 on linux\/amd64\/v1: getrandom \|$/m,
    );
    expect(text.stdout).toMatch(
      /^ {2}raised {2}\S+\/app: GLIBC [\d.]+ → 2\.25 on linux\/amd64\/v1: getrandom$/m,
    );
  }, 300_000);

  it('puts calls from C — a cgo preamble, a .c file — on their own lines, from DWARF', async () => {
    // getrandom from a static function of the preamble (line 7; gcc inlines it into the cgo
    // wrapper Go calls on line 17) and from a .c file of the package (line 3).
    writeFileSync(
      join(workspace, 'fill.go'),
      [
        'package main',
        '',
        '/*',
        '#include <sys/random.h>',
        'long crand(void *p, unsigned long n);',
        'static long myrand(void *p, unsigned long n) {',
        '\treturn getrandom(p, n, 0);',
        '}',
        '*/',
        'import "C"',
        '',
        'import "unsafe"',
        '',
        'func fill() {',
        '\tvar b [16]byte',
        '\tp := unsafe.Pointer(&b[0])',
        '\tC.myrand(p, 16)',
        '\tC.crand(p, 16)',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(workspace, 'rand.c'),
      '#include <sys/random.h>\nlong crand(void *p, unsigned long n) {\n\treturn getrandom(p, n, 0);\n}\n',
    );
    try {
      const main = await runner.run('main', inputs(), { env: pull() });
      expect(main.status, main.stdout).toBe(0);
      const glibc = main.report?.drift?.changes.find((c) => c.subject === 'GLIBC');
      const at = (glibc?.callers ?? []).map(
        (c) => `${c.file ?? ''}:${c.line ?? 0} ${c.function ?? ''}`,
      );
      expect(at.sort()).toEqual(['fill.go:17 main.fill', 'fill.go:7 C.myrand', 'rand.c:3 crand']);
      for (const line of ['fill\\.go,line=7', 'fill\\.go,line=17', 'rand\\.c,line=3'])
        expect(main.stdout).toMatch(
          new RegExp(
            `^::warning title=cgo-abi-guard drift \\(linux/amd64/v1\\),file=${line}::`,
            'm',
          ),
        );
    } finally {
      writeFileSync(join(workspace, 'fill.go'), FILL_HEAD);
      rmSync(join(workspace, 'rand.c'));
    }
  }, 300_000);

  it("names the standard library's cgo code without pointing into GOROOT", async () => {
    const lookup = join(workspace, 'lookup.go');
    writeFileSync(
      lookup,
      'package main\n\nimport "net"\n\nfunc init() { _, _ = net.LookupHost("localhost") }\n',
    );
    try {
      const main = await runner.run(
        'main',
        { ...inputs(), godebug: 'netdns=cgo' },
        { env: pull() },
      );
      expect(main.status, main.stdout).toBe(0);
      const raisedChanges = (main.report?.drift?.changes ?? []).filter(
        (c) => c.direction === 'raised',
      );
      const callers = raisedChanges.flatMap((c) => c.callers);
      expect(callers.some((c) => c.from.startsWith('net (cgo resolver'))).toBe(true);
      for (const c of callers) if (c.from.startsWith('net ')) expect(c.file).toBeUndefined();
      for (const c of callers) if (c.file !== undefined) expect(c.file).toBe('fill.go');
      expect(main.stdout).not.toMatch(/file=\/|file=[^,]*go\/src/);
    } finally {
      rmSync(lookup);
    }
  }, 300_000);

  it('fails the step with drift: fail, and the summary says fail', async () => {
    const main = await runner.run('main', { ...inputs(), drift: 'fail' }, { env: pull() });
    expect(main.status).toBe(1);
    expect(main.outputs.verdict).toBe('fail');
    expect(lines(main.stdout, 'error').join('\n')).toMatch(
      /^::error title=cgo-abi-guard drift \(linux\/amd64\/v1\),file=fill\.go,line=12::/m,
    );
    expect(main.stdout).toMatch(/^::error::cgo-abi-guard: ABI drift against the baseline/m);
    expect(main.summary).toMatch(/^## cgo-abi-guard: fail/);
  }, 300_000);

  it('without a baseline of the base branch: one notice, and a pass', async () => {
    const main = await runner.run('main', inputs(), { env: pull('release-1.x') });
    expect(main.status).toBe(0);
    const notices = lines(main.stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/no baseline: no report of release-1\.x in the Actions cache yet/);
    expect(main.outputs.drift).toBe('');
  }, 300_000);
});
