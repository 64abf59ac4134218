/**
 * Tool cache paths the user chooses: with a space, a quote or `$(…)` the cgo environment still
 * builds, whether it is eval'd by a shell (`--format shell`), appended to $GITHUB_ENV (`--format
 * github`) or read as JSON: CC and CXX are quoted the way Go reads them, and nothing in the path
 * is ever run. A path with both quotes, which Go cannot read, is refused with one clear line.
 * The toolchain (linux/amd64 at 2.31 with gcc) is installed once and its tool directory linked
 * into each odd tool cache, where `env` finds it complete (no network).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from '../setup/cli.js';
import { CLI, ROOT, SYSTEM_NODE } from '../setup/paths.js';
import { parseCommandFile } from '../setup/runner.js';
import {
  buildCgoApp,
  envJson,
  runAgainst,
  TOOL_CACHE,
  UNREACHABLE_MIRROR,
} from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-paths-'));
const lock = join(work, 'lock.yml');
const TARGET = ['--target', 'linux/amd64', '--glibc', '2.31', '--compiler', 'gcc'];
/** Offline: the toolchain must be found complete where it was linked. */
const OFFLINE = ['--lock', lock, '--frozen', '--mirror', UNREACHABLE_MIRROR, '--no-host-mirrors'];
let installed: string;

beforeAll(() => {
  installed = envJson([...TARGET, '--lock', lock]).toolchain.dir;
});

/** A tool cache under `name` holding the installed toolchain (hard links: no copy, no download). */
function oddCache(name: string): string {
  const root = join(mkdtempSync(join(work, 'tc-')), name);
  const rel = installed.slice(TOOL_CACHE.length + 1);
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  for (const suffix of ['', '.complete', '.manifest.json'])
    execFileSync('cp', ['-al', `${installed}${suffix}`, `${join(root, rel)}${suffix}`]);
  return root;
}

const env = (root: string) => ({ ...process.env, RUNNER_TOOL_CACHE: root });

/**
 * What `$(touch $CGO_ABI_GUARD_PWNED)` in a path makes if any shell runs it, wherever that
 * shell runs (a directory name cannot hold the absolute path: the variable does).
 */
const PWNED = join(work, 'pwned');
process.env.CGO_ABI_GUARD_PWNED = PWNED;
const RUN = 'touch $CGO_ABI_GUARD_PWNED'; // the work directory's path has no space

describe.each([
  ['a space', 'tool cache'],
  ['a single quote', "runner's cache"],
  ['double quotes', 'the "tool" cache'],
  ['$(…) and backquotes', `cache $(${RUN}) \`${RUN}\``],
])('a tool cache path with %s', (_what, name) => {
  let root: string;
  beforeAll(() => {
    root = oddCache(name);
  });

  it('builds with the JSON env (CC as Go reads it), and the program runs on glibc 2.31', () => {
    const { env: vars, toolchain } = envJson([...TARGET, ...OFFLINE], { RUNNER_TOOL_CACHE: root });
    expect(toolchain.cacheHit).toBe(true);
    expect(toolchain.dir.startsWith(root)).toBe(true);
    const binary = join(work, `app-json-${String(Date.now())}`);
    buildCgoApp(vars, binary);
    const run = runAgainst('amd64', toolchain.sysroot, binary);
    expect(run.stdout).toContain('sqrt(2)=1.414214');
    expect(run.status).toBe(0);
    expect(existsSync(PWNED)).toBe(false);
  });

  it("builds in a shell that eval's the shell env, and nothing in the path runs", () => {
    const project = join(ROOT, '__tests__', 'fixtures', 'src', 'cgoapp');
    const out = join(work, `app-shell-${String(Date.now())}`);
    const script = `eval "$("$NODE" "$CLI" env ${[...TARGET, ...OFFLINE].map((a) => `'${a}'`).join(' ')})" && cd "$PROJECT" && go build -o "$OUT" .`;
    const r = spawnSync('sh', ['-c', script], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...env(root),
        PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
        NODE: SYSTEM_NODE,
        CLI,
        PROJECT: project,
        OUT: out,
        GOFLAGS: '-trimpath -buildvcs=false',
        GOTOOLCHAIN: 'local',
        GOPROXY: 'off',
      },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(PWNED)).toBe(false);
  });

  it('builds with the $GITHUB_ENV lines, read as the runner reads them', () => {
    const r = runCli(['env', ...TARGET, ...OFFLINE, '--format', 'github'], env(root));
    expect(r.status, r.stderr).toBe(0);
    const vars = parseCommandFile(r.stdout);
    expect(vars.CC).toContain(root);
    const binary = join(work, `app-github-${String(Date.now())}`);
    buildCgoApp(vars, binary);
    expect(existsSync(binary)).toBe(true);
    expect(existsSync(PWNED)).toBe(false);
  });
});

describe('a tool cache path with both quotes', () => {
  it('is refused in one line naming it: Go cannot read such a CC', () => {
    const root = oddCache(`it's "odd"`);
    const r = runCli(['env', ...TARGET, ...OFFLINE], env(root));
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      `cgo-abi-guard env: ${root}/${installed.slice(TOOL_CACHE.length + 1)}/bin/cc holds both ' and ", which Go cannot read in CC (it splits CC at spaces and takes quotes without escapes): use a tool cache path without one of them (RUNNER_TOOL_CACHE)`,
    );
    expect(r.status).toBe(2);
  });
});
