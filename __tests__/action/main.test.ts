/**
 * The action end to end on the runner protocol: dist/main.js then dist/post.js as separate Node
 * processes, on the Node 24 the action declares and on the Node 20 here, building real cgo
 * programs with the toolchains it installs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { ROOT } from '../setup/paths.js';
import { NODE20, NODE24, Runner, runMainAndPost } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-action-'));
const lockfile = join(shared, 'cgo-abi-guard.lock.yml');

/** A fresh copy of a fixture program to build in: cgoapp (libm, pthreads, net, os/user) by default. */
function project(source = '__tests__/fixtures/src/cgoapp'): string {
  const dir = mkdtempSync(join(shared, 'project-'));
  cpSync(join(ROOT, source), dir, { recursive: true });
  return dir;
}

function errors(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('::error'));
}

describe.each([
  ['Node 24', NODE24],
  ['Node 20', NODE20],
])('on %s', (name, node) => {
  it('is that Node', () => {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(version.startsWith(name === 'Node 24' ? 'v24.' : 'v20.'), version).toBe(true);
  });

  describe('a passing build', () => {
    it('builds linux/arm64 at floor 2.31 that runs under qemu against glibc 2.31', async () => {
      const runner = new Runner(TOOL_CACHE, node);
      const dir = project();
      const { main, post } = await runMainAndPost(
        runner,
        {
          target: 'linux/arm64',
          glibc: '2.31',
          run: 'go build -o app .',
          'working-directory': dir,
          lockfile,
          cache: 'false',
        },
        { node },
      );
      expect(errors(main.stdout)).toEqual([]);
      expect(main.status).toBe(0);
      expect(main.outputs.verdict).toBe('pass');
      expect(post?.status).toBe(0);
      const sysroot =
        (JSON.parse(main.outputs.sysroot ?? '{}') as Record<string, string>)['linux/arm64'] ?? '';
      const run = spawnSync(
        'qemu-aarch64',
        ['-L', join(sysroot, 'usr/aarch64-linux-gnu'), join(dir, 'app')],
        { encoding: 'utf8' },
      );
      expect(run.stdout).toContain('sqrt(2)=1.414214');
      expect(run.status).toBe(0);
      expect(main.summary).toMatch(/linux\/arm64: toolchain debian\/bullseye \(cross-gcc/);
    });
  });

  describe('failing builds', () => {
    it('a run that forces the host gcc for amd64 at 2.31 fails naming GLIBC_2.34 and the symbols', async () => {
      const { main } = await runMainAndPost(new Runner(TOOL_CACHE, node), {
        target: 'linux/amd64',
        glibc: '2.31',
        run: 'CC=gcc go build -o app .',
        'working-directory': project(),
        lockfile,
        cache: 'false',
      });
      expect(main.status).toBe(1);
      expect(main.stdout).toMatch(
        /^::error title=cgo-abi-guard glibc-version \(linux\/amd64\/v1\)::.*app: needs GLIBC_2\.34 \(floor 2\.31\): .*__libc_start_main.*pthread_create/m,
      );
      expect(main.outputs.verdict).toBe('fail');
      expect(main.outputs['max-glibc']).toBe('2.34');
    });

    it('a musl-loader binary fails on the interpreter rule', async () => {
      const { main } = await runMainAndPost(new Runner(TOOL_CACHE, node), {
        target: 'linux/amd64',
        glibc: '2.31',
        run: 'CC=musl-gcc go build -o app .',
        'working-directory': project(),
        lockfile,
        cache: 'false',
      });
      expect(main.status).toBe(1);
      expect(main.stdout).toMatch(
        /^::error title=cgo-abi-guard interpreter \(linux\/amd64\/v1\)::.*program interpreter is \/lib\/ld-musl-x86_64\.so\.1/m,
      );
    });

    it('a build with cgo silently off fails saying so', async () => {
      // net and os/user build without cgo too, silently falling back to pure Go.
      const { main } = await runMainAndPost(new Runner(TOOL_CACHE, node), {
        target: 'linux/amd64',
        glibc: '2.31',
        run: 'CGO_ENABLED=0 go build -o app .',
        'working-directory': project('__tests__/fixtures/src/purego'),
        lockfile,
        cache: 'false',
      });
      expect(main.status).toBe(1);
      expect(main.stdout).toMatch(
        /::error title=cgo-abi-guard go-buildinfo.*built with CGO_ENABLED=0: cgo was off/,
      );
      expect(main.stdout).toMatch(
        /::error title=cgo-abi-guard interpreter.*statically linked .*built with CGO_ENABLED=0, so cgo was off/,
      );
    });

    it('a build that cgo-off breaks fails with what it means', async () => {
      const { main } = await runMainAndPost(new Runner(TOOL_CACHE, node), {
        target: 'linux/amd64',
        glibc: '2.31',
        run: 'CGO_ENABLED=0 go build -o app .',
        'working-directory': project('examples/hello-cgo'),
        lockfile,
        cache: 'false',
      });
      expect(main.status).toBe(1);
      expect(main.stdout).toMatch(
        /::error title=cgo-abi-guard%3A the build failed \(linux\/amd64\/v1\)::the build command for linux\/amd64\/v1 exited with status 1: cgo was off/,
      );
    });
  });

  describe('two targets in one step', () => {
    it('builds and judges each with its own toolchain; exports only per-arch CC', async () => {
      const dir = project();
      const { main } = await runMainAndPost(new Runner(TOOL_CACHE, node), {
        target: 'linux/amd64\nlinux/arm64',
        glibc: '2.31',
        run: 'go build -o "app-$GOARCH" .',
        'working-directory': dir,
        lockfile,
        cache: 'false',
      });
      expect(errors(main.stdout)).toEqual([]);
      expect(main.status).toBe(0);
      expect(Object.keys(JSON.parse(main.outputs.cc ?? '{}') as object).sort()).toEqual([
        'linux/amd64',
        'linux/arm64',
      ]);
      expect(main.exported).toMatchObject({ CGO_ENABLED: '1' });
      expect(main.exported.CC_amd64).toMatch(/\/bin\/cc$/);
      expect(main.exported.CC_arm64).toMatch(/\/bin\/cc$/);
      expect(main.exported.PKG_CONFIG_amd64).toMatch(/\/bin\/pkg-config$/);
      expect(main.exported.PKG_CONFIG_arm64).toMatch(/\/bin\/pkg-config$/);
      expect(main.exported.CC).toBeUndefined();
      expect(main.exported.PKG_CONFIG).toBeUndefined();
      expect(main.exported.GOARCH).toBeUndefined();
      expect(main.exported.GOOS).toBeUndefined();
      expect(
        main.report?.targets.map((t) => [
          t.target,
          t.binaries.map((b) => [b.path.split('/').at(-1), b.verdict]),
        ]),
      ).toEqual([
        ['linux/amd64/v1', [['app-amd64', 'pass']]],
        ['linux/arm64', [['app-arm64', 'pass']]],
      ]);
    });

    it('with one target exports CC, CXX and PKG_CONFIG* too, but never GOOS/GOARCH', async () => {
      const { main } = await runMainAndPost(new Runner(TOOL_CACHE, node), {
        target: 'linux/arm64',
        glibc: '2.31',
        artifacts: fixture('arm64-clang-bullseye'),
        lockfile,
        cache: 'false',
      });
      expect(main.status).toBe(0);
      expect(Object.keys(main.exported).sort()).toEqual([
        'CC',
        'CC_arm64',
        'CGO_ENABLED',
        'CXX',
        'CXX_arm64',
        'PKG_CONFIG',
        'PKG_CONFIG_LIBDIR',
        'PKG_CONFIG_SYSROOT_DIR',
        'PKG_CONFIG_arm64',
      ]);
    });
  });

  describe('inputs', () => {
    it('bad inputs fail before anything is installed, all listed at once', async () => {
      const runner = new Runner(undefined, node);
      const { main } = await runMainAndPost(runner, {
        target: 'linux/mips',
        glibc: '2.3x',
        compiler: 'icc',
        'fail-on': 'sometimes',
        run: 'true',
      });
      expect(main.status).toBe(1);
      expect(errors(main.stdout)).toEqual([
        expect.stringContaining('input "target": target "linux/mips": unknown goarch "mips"'),
        expect.stringContaining('input "glibc": "2.3x" is not a version like 2.31'),
        expect.stringContaining('input "compiler": "icc" is not gcc, clang or clang-<major>'),
        expect.stringContaining('input "fail-on": "sometimes" is not one of error, warning, never'),
        expect.stringContaining('4 invalid input(s); nothing was installed or built'),
      ]);
      expect(existsSync(runner.toolCache) ? readdirSync(runner.toolCache) : []).toEqual([]);
    });

    it('a go.mod that would switch Go toolchains is a warning on its line', async () => {
      const dir = mkdtempSync(join(shared, 'switch-'));
      writeFileSync(join(dir, 'go.mod'), 'module example.com/x\n\ngo 1.21\n\ntoolchain go1.99.0\n');
      const { main } = await runMainAndPost(
        new Runner(TOOL_CACHE, node),
        {
          target: 'linux/arm64',
          artifacts: fixture('arm64-clang-bullseye'),
          'working-directory': dir,
          lockfile,
          cache: 'false',
        },
        { env: { GOTOOLCHAIN: 'auto', GOPROXY: 'off' } },
      );
      expect(main.status).toBe(0);
      expect(main.stdout).toMatch(
        new RegExp(
          `^::warning title=cgo-abi-guard%3A Go toolchain may switch,file=${join(dir, 'go.mod')},line=5::.*go1\\.99\\.0`,
          'm',
        ),
      );
    });

    it('a policy file problem is annotated on its file and line', async () => {
      const policy = join(shared, 'policy.yml');
      writeFileSync(policy, 'glibc: 2.31\nseverity:\n  needed: loud\n');
      const { main } = await runMainAndPost(new Runner(undefined, node), {
        artifacts: fixture('amd64-gcc'),
        policy,
      });
      expect(main.status).toBe(1);
      expect(main.stdout).toContain(
        `::error title=cgo-abi-guard policy,file=${policy},line=3::severity of needed must be off, warning or error, not "loud"`,
      );
    });
  });
});

describe('artifacts shared by several targets', () => {
  it('a target none of the artifacts was built for is an error, not a pass with no binaries', async () => {
    const { main } = await runMainAndPost(new Runner(TOOL_CACHE), {
      target: 'linux/amd64,linux/arm64',
      glibc: '2.31',
      artifacts: fixture('arm64-clang-bullseye'),
      lockfile,
      cache: 'false',
    });
    expect(main.status).toBe(1);
    expect(main.outputs.verdict).toBe('fail');
    expect(main.summary).toMatch(/^### linux\/amd64\/v1: error$/m);
    expect(main.summary).toMatch(/^### linux\/arm64: pass$/m);
    expect(main.stdout).toMatch(/none of the artifacts .* is a binary for linux\/amd64\/v1/);
  });
});
