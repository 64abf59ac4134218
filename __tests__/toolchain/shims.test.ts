/**
 * The shims of capped sysroots (shims/*.c, capping.ts): the committed objects are what the sources
 * compile to, and each shim is needed — the same program does not link with the capped sysroot's
 * libc.so script without the shim archive — and works, run on a real glibc: fcntl64 and
 * __cxa_thread_atexit_impl at 2.17 on glibc 2.17 itself; 32-bit fcntl64's OFD locks (struct
 * flock64) on armhf and i386; _dl_find_object and arc4random in bookworm's gcc 12 capped at 2.34.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIM_ARCHIVE } from '../../src/domain/toolchain/capping.js';
import { SHIM_OBJECTS } from '../../src/domain/toolchain/shim-objects.js';
import { kernelRuns386Sync } from '../setup/ia32.js';
import { ROOT } from '../setup/paths.js';
import { envJson, TOOL_CACHE, type EnvJson } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-shims-'));
const lock = join(work, 'lock.yml');

describe('the committed shim objects', () => {
  it('are what scripts/build-shims compiles shims/*.c to', () => {
    const out = join(work, 'objects');
    const r = spawnSync(join(ROOT, 'scripts', 'build-shims'), ['--out', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const arch of readdirSync(out))
      for (const file of readdirSync(join(out, arch)))
        expect(SHIM_OBJECTS[arch]?.[file.replace(/\.o$/, '')], `${arch}/${file}`).toBe(
          readFileSync(join(out, arch, file)).toString('base64'),
        );
  });
});

/** Compiles and links `source` with the toolchain's wrapper; `withoutShims` drops the archive. */
function build(
  tc: EnvJson['toolchain'],
  triplet: string,
  source: { name: string; text: string; flags?: string[] },
  withoutShims = false,
): { status: number | null; stderr: string; out: string } {
  const src = join(work, source.name);
  writeFileSync(src, source.text);
  const out = join(
    work,
    `${source.name}-${tc.key.replace(/\W+/g, '-')}${withoutShims ? '-noshim' : ''}`,
  );
  const extra: string[] = [];
  if (withoutShims) {
    // The sysroot's own libc.so script without the shim archive, its paths made absolute on this
    // machine (a script outside the sysroot gets no --sysroot prefix), first on the search path.
    const lib = join(tc.sysroot, 'usr', triplet, 'lib');
    const script = readFileSync(join(lib, 'libc.so'), 'utf8');
    expect(script).toContain(SHIM_ARCHIVE);
    const dir = join(work, `noshim-${triplet}-${tc.key.replace(/\W+/g, '-')}`);
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(
      join(dir, 'libc.so'),
      script
        .replace(new RegExp(`\\S*${SHIM_ARCHIVE.replace(/[.+]/g, '\\$&')}`), '')
        .replace(new RegExp(`/usr/${triplet}/lib/`, 'g'), `${lib}/`),
    );
    extra.push(`-L${dir}`);
  }
  const compiler = join(tc.dir, 'bin', source.name.endsWith('.cpp') ? 'c++' : 'cc');
  const r = spawnSync(compiler, [...(source.flags ?? []), src, ...extra, '-o', out], {
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr, out };
}

function dynamicImports(binary: string): string {
  return spawnSync('readelf', ['-W', '--dyn-syms', binary], { encoding: 'utf8' }).stdout;
}

/** The glibc 2.17 runtime the smoke run installs (steps/kinds/crosstool-runtime.ts), by `verify --smoke`. */
function glibc217(triplet: string): string {
  const base = join(TOOL_CACHE, `cgo-abi-guard-glibc-2.17-${triplet}`);
  for (const version of existsSync(base) ? readdirSync(base) : []) {
    const root = join(base, version, 'x64', 'root', triplet, 'sysroot');
    if (existsSync(root)) return root;
  }
  throw new Error(`no glibc 2.17 runtime for ${triplet} in ${TOOL_CACHE}`);
}

const FCNTL = `#define _FILE_OFFSET_BITS 64
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  char path[] = "/tmp/cgo-abi-guard-fcntl-XXXXXX";
  int fd = mkstemp(path);
  struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 10};
  if (fd < 0 || fcntl(fd, F_SETLK, &l) != 0) return 1;
  pid_t child = fork();
  if (child == 0) {
    struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    if (fcntl(fd, F_GETLK, &q) != 0) _exit(2);
    printf("%s %lld+%lld by %s\\n", q.l_type == F_WRLCK ? "write-locked" : "not locked",
           (long long)q.l_start, (long long)q.l_len, q.l_pid == getppid() ? "parent" : "other");
    fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  unlink(path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 3;
}
`;

const THREAD_LOCAL = `#include <cstdio>
#include <thread>
struct Noisy {
  int uses = 0;
  ~Noisy() { std::printf("destroyed after %d use\\n", uses); }
};
thread_local Noisy noisy;
int main() {
  std::thread t([] { noisy.uses++; });
  t.join();
  std::printf("joined\\n");
}
`;

describe('at floor 2.17 (bullseye capped), linux/arm64 gcc', () => {
  const tc = () =>
    envJson(['--target', 'linux/arm64', '--glibc', '2.17', '--lock', lock]).toolchain;
  const runOn217 = (binary: string) =>
    spawnSync('qemu-aarch64', ['-L', glibc217('aarch64-unknown-linux-gnu'), binary], {
      encoding: 'utf8',
    });

  it('fcntl64: needed by _FILE_OFFSET_BITS=64 code, and locks on glibc 2.17', () => {
    const t = tc();
    const source = { name: 'fcntl.c', text: FCNTL };
    const without = build(t, 'aarch64-linux-gnu', source, true);
    expect(without.stderr).toMatch(/undefined reference to `fcntl64'/);
    const built = build(t, 'aarch64-linux-gnu', source);
    expect(built.stderr).toBe('');
    expect(dynamicImports(built.out)).toMatch(/UND fcntl@GLIBC_2\.17/);
    expect(dynamicImports(built.out)).not.toMatch(/fcntl64/);
    // verify --smoke installs the glibc 2.17 runtime this test runs on.
    const smoke = spawnSync(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli.js'),
        'verify',
        '--target',
        'linux/arm64',
        '--glibc',
        '2.17',
        '--smoke=',
        '--sysroot',
        t.sysroot,
        '--lock',
        lock,
        built.out,
      ],
      { env: { ...process.env, RUNNER_TOOL_CACHE: TOOL_CACHE } },
    );
    expect(smoke.status).toBe(0);
    const run = runOn217(built.out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('write-locked 5+10 by parent\n');
  });

  it('__cxa_thread_atexit_impl: needed by static libstdc++, runs thread_local destructors on 2.17', () => {
    const t = tc();
    const source = { name: 'tls.cpp', text: THREAD_LOCAL, flags: ['-pthread'] };
    const without = build(t, 'aarch64-linux-gnu', source, true);
    expect(without.stderr).toMatch(/undefined reference to `__cxa_thread_atexit_impl'/);
    const built = build(t, 'aarch64-linux-gnu', source);
    expect(built.stderr).toBe('');
    expect(dynamicImports(built.out)).not.toMatch(
      /cxa_thread_atexit_impl|GLIBCXX|GLIBC_2\.(1[89]|[2-9]\d)/,
    );
    const run = runOn217(built.out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('destroyed after 1 use\njoined\n');
  });
});

const OFD = `#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  char path[] = "/tmp/cgo-abi-guard-ofd-XXXXXX";
  int a = mkstemp(path), b = open(path, O_RDWR);
  struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 5, .l_len = 10};
  if (a < 0 || b < 0 || fcntl(a, F_OFD_SETLK, &l) != 0) return 1;
  struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
  int r = fcntl(b, F_OFD_GETLK, &q);
  printf("%d %s %lld+%lld\\n", r, q.l_type == F_WRLCK ? "write-locked" : "not locked",
         (long long)q.l_start, (long long)q.l_len);
  unlink(path);
  return 0;
}
`;

const THIRTY_TWO = [
  { target: 'linux/arm/v7', triplet: 'arm-linux-gnueabihf', qemu: 'qemu-arm' },
  // An x86-64 kernel with ia32 emulation runs 386 itself (the loader); one without needs qemu.
  {
    target: 'linux/386',
    triplet: 'i686-linux-gnu',
    qemu: kernelRuns386Sync() ? null : 'qemu-i386',
  },
];

describe.each(THIRTY_TWO)('32-bit fcntl64 at floor 2.24 (bullseye capped), $target gcc', (c) => {
  it('gives OFD locks struct flock64 semantics (the fcntl64 system call, as glibc 2.28 does)', () => {
    const t = envJson(['--target', c.target, '--glibc', '2.24', '--lock', lock]).toolchain;
    const source = { name: 'ofd.c', text: OFD };
    expect(build(t, c.triplet, source, true).stderr).toMatch(/undefined reference to `fcntl64'/);
    const built = build(t, c.triplet, source);
    expect(built.stderr).toBe('');
    expect(dynamicImports(built.out)).not.toMatch(/fcntl64/);
    // No glibc 2.24 here: run on bullseye's 2.31 from the sysroot (its loader, or qemu).
    const lib = join(t.sysroot, 'usr', c.triplet, 'lib');
    const run =
      c.qemu === null
        ? spawnSync(join(lib, 'ld-linux.so.2'), ['--library-path', lib, built.out], {
            encoding: 'utf8',
          })
        : spawnSync(c.qemu, ['-L', join(t.sysroot, 'usr', c.triplet), built.out], {
            encoding: 'utf8',
          });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('0 write-locked 5+10\n');
  });
});

const RANDOM = `#include <cstdio>
#include <random>
#include <stdexcept>
int main() {
  std::random_device rd("arc4random");
  unsigned a = rd(), b = rd(), c = rd();
  try {
    throw std::runtime_error("caught");
  } catch (const std::exception &e) {
    std::printf("%s %s\\n", a != b || b != c ? "random" : "constant", e.what());
  }
}
`;

describe("bookworm's gcc 12 capped at 2.34, linux/arm64", () => {
  it('_dl_find_object and arc4random: needed by its libgcc and libstdc++, and they work', () => {
    const t = envJson([
      '--target',
      'linux/arm64',
      '--glibc',
      '2.34',
      '--release',
      'bookworm',
      '--lock',
      lock,
    ]).toolchain;
    const source = { name: 'random.cpp', text: RANDOM };
    const without = build(t, 'aarch64-linux-gnu', source, true);
    expect(without.stderr).toMatch(/undefined reference to `_dl_find_object'/);
    expect(without.stderr).toMatch(/undefined reference to `arc4random'/);
    const built = build(t, 'aarch64-linux-gnu', source);
    expect(built.stderr).toBe('');
    expect(dynamicImports(built.out)).not.toMatch(/_dl_find_object|arc4random|GLIBC_2\.3[5-9]/);
    const run = spawnSync(
      'qemu-aarch64',
      ['-L', join(t.sysroot, 'usr', 'aarch64-linux-gnu'), built.out],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('random caught\n');
  });
});
