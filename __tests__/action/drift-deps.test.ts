/**
 * Drift caused by a dependency, with a real module: a pull request that adds
 * github.com/mattn/go-sqlite3 (from the Go module proxy) built with `-tags libsqlite3` makes the
 * binary need libsqlite3.so.0 (and Depends on libsqlite3-0). Its cgo code is the dependency's, so
 * the annotation sits on go.mod's `require` line of that module — the line the pull request
 * added — in a plain and a `-s -w` build.
 */
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import { ROOT } from '../setup/paths.js';
import { Runner, runMainAndPost } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-drift-deps-'));
const workspace = join(work, 'repo');
const app = join(workspace, 'app');
let server: CacheServer;
const runner = new Runner(TOOL_CACHE);

const BASE_GO = `package main

/*
#include <stdio.h>
static void hello(void) { puts("hello"); }
*/
import "C"

func main() { C.hello() }
`;
const HEAD_GO = `package main

/*
#include <stdio.h>
static void hello(void) { puts("hello"); }
*/
import "C"

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	C.hello()
	db, err := sql.Open("sqlite3", ":memory:")
	if err == nil {
		_ = db.Close()
	}
}
`;
const sqliteMod = readFileSync(join(ROOT, 'examples', 'sqlite', 'go.mod'), 'utf8');
const sqliteVersion = /github\.com\/mattn\/go-sqlite3 (v\S+)/.exec(sqliteMod)?.[1] ?? '';
const HEAD_MOD = `module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 ${sqliteVersion}\n)\n`;
const REQUIRE_LINE = 6;

function env(name: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const path = join(work, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ repository: { default_branch: 'main' } }));
  return {
    ...server.env,
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: path,
    GITHUB_WORKSPACE: workspace,
    GITHUB_WORKFLOW: 'release',
    GITHUB_JOB: 'deps',
    GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e9)),
    ...extra,
  };
}

const inputs = (ldflags = ''): Record<string, string> => ({
  target: 'linux/amd64',
  glibc: '2.31',
  packages: 'libsqlite3-dev',
  run: `go build -tags libsqlite3 ${ldflags} -o app .`,
  'working-directory': app,
  lockfile: join(work, 'cgo-abi-guard.lock.yml'),
  cache: 'false',
});

beforeAll(async () => {
  expect(sqliteVersion).toMatch(/^v1\.14\./);
  server = await startCacheServer('v2');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'go.mod'), 'module example.com/app\n\ngo 1.21\n');
  writeFileSync(join(app, 'main.go'), BASE_GO);
  const base = await runMainAndPost(runner, inputs(), {
    env: env('push', { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'c'.repeat(40) }),
  });
  expect(base.main.status, base.main.stdout).toBe(0);
  expect(base.post?.stdout).toMatch(/saved the baseline /);
  // The pull request: the dependency added, its require line new.
  writeFileSync(join(app, 'go.mod'), HEAD_MOD);
  copyFileSync(join(ROOT, 'examples', 'sqlite', 'go.sum'), join(app, 'go.sum'));
  writeFileSync(join(app, 'main.go'), HEAD_GO);
}, 600_000);

afterAll(async () => {
  await server.close();
});

describe('a pull request that adds go-sqlite3 with -tags libsqlite3', () => {
  for (const [name, ldflags] of [
    ['a plain build', ''],
    ['a -s -w build', "-ldflags '-s -w'"],
  ] as const)
    it(`warns on its require line in go.mod, in ${name}`, async () => {
      const main = await runner.run('main', inputs(ldflags), {
        env: env('pull_request', {
          GITHUB_REF: 'refs/pull/9/merge',
          GITHUB_BASE_REF: 'main',
          GITHUB_SHA: 'd'.repeat(40),
        }),
      });
      expect(main.status, main.stdout).toBe(0);
      const changes = main.report?.drift?.changes ?? [];
      const needed = changes.find((c) => c.kind === 'needed' && c.direction === 'raised');
      expect(needed?.subject).toBe('libsqlite3.so.0');
      expect(changes.find((c) => c.kind === 'depends')?.subject).toBe('libsqlite3-0');
      expect(changes.find((c) => c.kind === 'module')).toMatchObject({
        subject: 'github.com/mattn/go-sqlite3',
        base: null,
        head: sqliteVersion,
      });
      // The file is relative to the workspace: the module is in a folder of the checkout.
      const onRequire = main.stdout
        .split('\n')
        .filter((l) =>
          l.startsWith(
            `::warning title=cgo-abi-guard drift (linux/amd64/v1),file=app/go.mod,line=${REQUIRE_LINE}::`,
          ),
        );
      expect(onRequire.join('\n'), main.stdout).toMatch(/NEEDED \+ libsqlite3\.so\.0/);
      expect(onRequire.join('\n')).toMatch(/github\.com\/mattn\/go-sqlite3/);
      expect(needed?.callers.some((c) => c.file === 'app/go.mod' && c.line === REQUIRE_LINE)).toBe(
        true,
      );
      // Nothing points outside the checkout (the module cache, GOROOT).
      for (const c of changes.flatMap((x) => x.callers))
        if (c.file !== undefined) expect(c.file).toMatch(/^app\//);
    }, 600_000);
});
