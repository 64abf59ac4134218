/**
 * libc: musl through the action, on real modules and Debian's real musl packages: go-sqlite3 (its
 * bundled SQLite) static for every target with gcc and for amd64 and arm64 with clang, each
 * binary without interpreter or NEEDED, passing verify and running its query in the smoke run; a
 * cgo program using net and os/user with a 1 MiB C frame on a goroutine, static and dynamic; a
 * dynamic binary calling statx built at 1.2.5 and judged at 1.2.3; what musl cannot take; the
 * second run from the lock.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { MUSL_NO_CXX } from '../../src/domain/toolchain/musl.js';
import { MUSL_PACKAGES } from '../../src/domain/toolchain/toolchain-plan.js';
import { ROOT } from '../setup/paths.js';
import { startCacheServer } from '../fakes/cache-server.js';
import { NODE24, Runner, runMainAndPost, type StepRun } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-musl-'));
const lockfile = join(shared, 'cgo-abi-guard.lock.yml');
const runner = (): Runner => new Runner(TOOL_CACHE, NODE24);

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(shared, 'project-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const reportOf = (run: StepRun): RunReport => {
  if (run.report === null) throw new Error(`no report: ${run.stdout}`);
  return run.report;
};
/** A musl step's inputs: the shared lockfile, no Actions cache, and what the test gives. */
const musl = (inputs: Record<string, string>): Record<string, string> => ({
  libc: 'musl',
  lockfile,
  cache: 'false',
  ...inputs,
});

const lines = (run: StepRun, prefix: string): string[] =>
  run.stdout.split('\n').filter((l) => l.startsWith(prefix));

/** Per binary: its target, interpreter, NEEDED, static libc, verdict, and its smoke run. */
const judged = (run: StepRun): unknown[] =>
  reportOf(run).targets.flatMap((t) =>
    t.binaries.map((b) => {
      const smoked = t.smoke.results.find((s) => s.path === b.path);
      return {
        target: t.target,
        interpreter: b.facts?.interpreter,
        needed: b.facts?.needed,
        staticLibc: b.facts?.staticLibc,
        verdict: b.verdict,
        smoke:
          smoked === undefined
            ? null
            : [smoked.glibc, smoked.passed, (smoked.stdout ?? []).join('')],
      };
    }),
  );

/** A target as the report names it: with its variant (amd64's v1, arm's v7). */
const reported = (target: string): string =>
  target === 'linux/amd64' ? 'linux/amd64/v1' : target === 'linux/arm' ? 'linux/arm/v7' : target;

const SQLITE_OUT: unknown = expect.stringMatching(/^sqlite 3\.\d+\.\d+: 3 rows; newest release/);
// -O0: the amalgamation compiles in seconds per target; what is judged is the link.
const SQLITE_RUN = 'CGO_CFLAGS="-O0 -g0" go build -o "sqlite-$GOARCH${GOARM:+-v$GOARM}" .';

describe('libc: musl, go-sqlite3 static', () => {
  it('builds, verifies and runs for every target with gcc', async () => {
    const dir = mkdtempSync(join(shared, 'sqlite-'));
    cpSync(join(ROOT, 'examples', 'sqlite'), dir, { recursive: true });
    const targets = [
      'linux/amd64',
      'linux/arm64',
      'linux/arm/v7',
      'linux/arm/v6',
      'linux/386',
      'linux/ppc64le',
      'linux/s390x',
      'linux/riscv64',
    ];
    const main = await runner().run(
      'main',
      musl({
        target: targets.join(','),
        run: SQLITE_RUN,
        smoke: 'true',
        'working-directory': dir,
      }),
    );
    expect(lines(main, '::error')).toEqual([]);
    expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    expect(judged(main)).toEqual(
      targets.map((target) => ({
        target: reported(target),
        interpreter: null,
        needed: [],
        staticLibc: 'musl',
        verdict: 'pass',
        smoke: ['static', true, SQLITE_OUT],
      })),
    );
    // riscv64's musl is trixie's; every other target's default floor is older.
    expect(main.stdout).toMatch(/linux\/riscv64 musl-1\.2\.5 gcc/);
    // This machine's glibc runs bookworm's cross gcc, not trixie's: the step says which builds.
    expect(lines(main, '::notice title=cgo-abi-guard%3A linux/riscv64 musl compiler::')).toEqual([
      expect.stringContaining("debian/bookworm's cross gcc builds with it"),
    ]);
    expect(main.stdout).toMatch(/linux\/arm64 musl-1\.2\.2 gcc/);
  }, 2_400_000);

  it('builds, verifies and runs for amd64 and arm64 with clang', async () => {
    const dir = mkdtempSync(join(shared, 'sqlite-clang-'));
    cpSync(join(ROOT, 'examples', 'sqlite'), dir, { recursive: true });
    const main = await runner().run(
      'main',
      musl({
        target: 'linux/amd64,linux/arm64',
        compiler: 'clang',
        run: SQLITE_RUN,
        smoke: 'true',
        'working-directory': dir,
      }),
    );
    expect(lines(main, '::error')).toEqual([]);
    expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    expect(judged(main)).toEqual(
      ['linux/amd64', 'linux/arm64'].map((target) => ({
        target: reported(target),
        interpreter: null,
        needed: [],
        staticLibc: 'musl',
        verdict: 'pass',
        smoke: ['static', true, SQLITE_OUT],
      })),
    );
  }, 1_200_000);
});

/** net and os/user through cgo, and a C function with a 1 MiB frame called on a goroutine. */
const NET_USER = {
  'go.mod': 'module netuser\n\ngo 1.22\n',
  'main.go': `package main

/*
#include <string.h>
static int big(void) { volatile char buf[1 << 20]; memset((char *)buf, 7, sizeof buf); return buf[4096]; }
*/
import "C"

import (
	"fmt"
	"net"
	"os/user"
)

func main() {
	done := make(chan int)
	go func() { done <- int(C.big()) }()
	u, err := user.LookupId("0")
	name := "none"
	if err == nil {
		name = u.Username
	}
	addrs, _ := net.LookupHost("localhost")
	fmt.Printf("frame %d, uid 0 %s, localhost %d\\n", <-done, name, len(addrs))
}
`,
};

/** net and os/user through cgo, no C code of its own: Go links it itself unless told not to. */
const NET_ONLY = {
  'go.mod': 'module netonly\n\ngo 1.22\n',
  'main.go': `package main

import (
	"fmt"
	"net"
	"os/user"
)

func main() {
	u, err := user.Current()
	addrs, _ := net.LookupHost("localhost")
	fmt.Println(u != nil, err, len(addrs))
}
`,
};

describe('libc: musl, net and os/user with a 1 MiB C frame', () => {
  it('runs static for amd64 and arm64, and dynamic for arm64 on the release musl loader', async () => {
    const dir = project(NET_USER);
    const run = 'go build -o "netuser-$GOARCH" .';
    const common = musl({ run, smoke: 'true', 'working-directory': dir });
    const statik = await runner().run('main', { ...common, target: 'linux/amd64,linux/arm64' });
    expect(lines(statik, '::error')).toEqual([]);
    expect(statik.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    const frame: unknown = expect.stringMatching(/^frame 7, uid 0 \S+, localhost [1-9]/);
    expect(judged(statik)).toEqual(
      ['linux/amd64', 'linux/arm64'].map((target) => ({
        target: reported(target),
        interpreter: null,
        needed: [],
        staticLibc: 'musl',
        verdict: 'pass',
        smoke: ['static', true, frame],
      })),
    );
    // A build whose own -ldflags replaces the exported GOFLAGS links dynamically, on the loader
    // cgo read from the musl toolchain's own link (never the glibc one Go writes by default):
    // where link: static was asked, verify fails it and says how to keep it static.
    const own = await runner().run('main', {
      ...common,
      'working-directory': project(NET_ONLY),
      run: 'go build -ldflags=-s -o "netonly-$GOARCH" .',
      smoke: '',
      target: 'linux/arm64',
    });
    expect(own.outputs.verdict).toBe('fail');
    expect(lines(own, '::error')[0]).toMatch(
      /netonly-arm64: dynamically linked \(interpreter \/lib\/ld-musl-aarch64\.so\.1\), but link: static was asked for linux\/arm64.*%0AFix: .*add -linkmode=external -extldflags=-static to that -ldflags/,
    );
    const dynamic = await runner().run('main', {
      ...common,
      target: 'linux/arm64',
      link: 'dynamic',
    });
    expect(lines(dynamic, '::error')).toEqual([]);
    expect(dynamic.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    // The summary's floor column names the musl floor it was judged at.
    expect(dynamic.summary).toMatch(/\| — \(musl 1\.2\.2\) \| libc\.so \| ✅ pass \|/);
    expect(judged(dynamic)).toEqual([
      {
        target: 'linux/arm64',
        interpreter: '/lib/ld-musl-aarch64.so.1',
        needed: ['libc.so'],
        staticLibc: null,
        verdict: 'pass',
        smoke: ['musl 1.2.2', true, frame],
      },
    ]);
  }, 1_200_000);
});

const STATX = {
  'go.mod': 'module statx\n\ngo 1.22\n',
  'main.go': `package main

/*
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
static int root_size(void) { struct statx st; return statx(AT_FDCWD, "/", 0, STATX_SIZE, &st); }
*/
import "C"

import "fmt"

func main() { fmt.Println("statx", C.root_size()) }
`,
};

describe('libc: musl, the musl floor', () => {
  it('fails a dynamic binary built at 1.2.5 that calls statx at 1.2.3, naming it; passes one that does not', async () => {
    const dir = project(STATX);
    const built = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        musl: '1.2.5',
        link: 'dynamic',
        run: 'go build -o statx-arm64 .',
        'working-directory': dir,
      }),
    );
    expect(lines(built, '::error')).toEqual([]);
    expect(built.outputs.verdict).toBe('pass');
    // Its surface (what drift compares) says statx makes it need musl 1.2.5.
    const surface = built.report?.targets[0]?.binaries[0]?.surface;
    expect(surface?.versions.musl).toEqual({ version: '1.2.5', symbols: ['statx'] });
    expect(surface?.interpreter).toBe('/lib/ld-musl-aarch64.so.1');
    // The same binary judged at 1.2.3 (artifacts, no run): statx is named, with where it is.
    const at123 = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        musl: '1.2.3',
        link: 'dynamic',
        artifacts: 'statx-arm64',
        'working-directory': dir,
      }),
    );
    expect(at123.outputs.verdict).toBe('fail');
    const errors = lines(at123, '::error');
    expect(errors.join('\n')).toMatch(
      /musl-floor.*needs statx \(exported from musl 1\.2\.5 on\), which musl 1\.2\.3's libc\.so does not export for linux\/arm64/,
    );
    // A program calling none of them passes at 1.2.3.
    const plain = project(NET_USER);
    const ok = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        musl: '1.2.3',
        link: 'dynamic',
        run: 'go build -o netuser .',
        'working-directory': plain,
      }),
    );
    expect(lines(ok, '::error')).toEqual([]);
    expect(ok.outputs.verdict).toBe('pass');
  }, 1_200_000);
});

describe('libc: musl, what it cannot take and the lock', () => {
  it('refuses packages in one line, before anything is installed', async () => {
    const main = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        packages: 'libpcap-dev',
        run: 'true',
        lockfile: join(shared, 'unused.lock.yml'),
      }),
    );
    expect(main.status).not.toBe(0);
    expect(lines(main, '::error')).toEqual([
      expect.stringContaining(`input "packages": ${MUSL_PACKAGES}`),
      '::error::cgo-abi-guard: 1 invalid input(s); nothing was installed or built',
    ]);
    expect(main.stdout + main.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('ends a C++ cgo program in one line that says why', async () => {
    const dir = project({
      'go.mod': 'module cxx\n\ngo 1.22\n',
      'main.go':
        'package main\n\n// int twice(int);\nimport "C"\n\nfunc main() { println(C.twice(2)) }\n',
      'twice.cpp':
        '#include <vector>\nextern "C" int twice(int x) { std::vector<int> v{x, x}; return v[0] + v[1]; }\n',
    });
    const main = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        run: 'go build -o cxx .',
        'working-directory': dir,
      }),
    );
    expect(main.status).not.toBe(0);
    expect(main.stdout).toContain(MUSL_NO_CXX);
    expect(main.stdout + main.stderr).not.toMatch(/\n\s+at /);
  }, 600_000);

  it('installs again from the lock without resolving, and frozen refuses a missing entry', async () => {
    const dir = project(NET_USER);
    const again = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        run: 'go build -o netuser .',
        'working-directory': dir,
        'frozen-lockfile': 'true',
      }),
    );
    expect(lines(again, '::error')).toEqual([]);
    expect(again.outputs.verdict).toBe('pass');
    expect(again.stdout).not.toMatch(/resolving/);
    mkdirSync(join(dir, 'empty'));
    const frozen = await runner().run(
      'main',
      musl({
        target: 'linux/arm64',
        run: 'go build -o netuser .',
        'working-directory': dir,
        lockfile: join(dir, 'empty', 'lock.yml'),
        'frozen-lockfile': 'true',
      }),
    );
    expect(frozen.status).not.toBe(0);
    expect(lines(frozen, '::error').join('\n')).toMatch(/linux\/arm64 musl-1\.2\.2 gcc host-\w+/);
  }, 600_000);

  it('is saved by the post step and restored on an empty tool cache, with no apt to run', async () => {
    const server = await startCacheServer('v2');
    try {
      const dir = project(NET_USER);
      const toolCache = join(shared, 'tc-cache');
      const inputs = {
        target: 'linux/arm64',
        libc: 'musl',
        run: 'go build -o netuser .',
        'working-directory': dir,
        lockfile,
        cache: 'true',
      };
      const first = await runMainAndPost(new Runner(toolCache, NODE24), inputs, {
        env: server.env,
      });
      expect(first.main.outputs.verdict).toBe('pass');
      expect(first.post?.stdout).toMatch(
        /saved the toolchain cache cgo-abi-guard-v2-aarch64-linux-musl-gcc-1\.2\.2-bullseye-musl\.h[0-9a-f]{12}-x64/,
      );
      // A new runner whose apt cannot run: a restore needs none.
      rmSync(toolCache, { recursive: true, force: true });
      const bin = mkdtempSync(join(shared, 'no-apt-'));
      const used = join(bin, 'used');
      for (const tool of ['apt-get', 'apt-cache']) {
        writeFileSync(join(bin, tool), `#!/bin/sh\ntouch '${used}'\nexit 1\n`);
        chmodSync(join(bin, tool), 0o755);
      }
      const second = await runMainAndPost(new Runner(toolCache, NODE24), inputs, {
        env: { ...server.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      });
      expect(lines(second.main, '::error')).toEqual([]);
      expect(second.main.outputs.verdict).toBe('pass');
      expect(second.main.report?.targets[0]?.toolchain?.cacheHit).toBe(true);
      expect(existsSync(used)).toBe(false);
    } finally {
      await server.close();
    }
  }, 600_000);
});
