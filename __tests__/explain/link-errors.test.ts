/**
 * Failed links read and explained: real GNU ld, gold and lld output from links this test runs
 * (C and C++ objects that call glibc and libstdc++ functions, linked without the libraries),
 * placed by this machine's own glibc and libstdc++; and recorded output of the napi-rs
 * toolchain's older ld linking confluent-kafka-go at glibc 2.17.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostSymbolHistory } from '../../src/adapters/host-libs.js';
import { undefinedSymbols } from '../../src/domain/explain/link-errors.js';
import { explainLink } from '../../src/domain/explain/link-explain.js';
import { explainLinkFailure } from '../../src/steps/explain.js';

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-link-'));

const C11 = `#include <threads.h>
mtx_t m;
int start(void) { mtx_init(&m, mtx_plain); mtx_lock(&m); return mtx_unlock(&m); }
`;
const CXX = `#include <memory>
extern "C" long sum(long n) {
  std::allocator<long> a;
  long *p = a.allocate(static_cast<std::size_t>(n));
  long s = 0;
  for (long i = 0; i < n; i++) s += (p[i] = i);
  a.deallocate(p, static_cast<std::size_t>(n));
  return s;
}
`;

/** Links `source` as a shared object without any library: every libc call is undefined. */
function failedLink(compiler: string, file: string, source: string, ...flags: string[]): string {
  const path = join(dir, file);
  writeFileSync(path, source);
  const r = spawnSync(
    compiler,
    ['-O2', '-shared', '-fPIC', '-nostdlib', '-Wl,-z,defs', ...flags, '-o', `${path}.so`, path],
    { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
  );
  expect(r.status, r.stderr).not.toBe(0);
  return r.stderr;
}

describe.each([
  ['GNU ld', 'gcc', []],
  ['gold', 'gcc', ['-fuse-ld=gold']],
  ['lld', 'clang', ['-fuse-ld=lld']],
])('%s', (_name, compiler, flags) => {
  it('names each undefined symbol and who references it', () => {
    const found = undefinedSymbols(failedLink(compiler, `c11-${_name}.c`, C11, ...flags));
    expect(found.map((u) => u.symbol).sort()).toEqual(['mtx_init', 'mtx_lock', 'mtx_unlock']);
    for (const u of found) expect(u.from.join(' ')).toMatch(/start/);
  });

  it('places C11 threads at glibc 2.28, above a 2.17 floor', async () => {
    const found = undefinedSymbols(failedLink(compiler, `c11b-${_name}.c`, C11, ...flags));
    const explained = explainLink(found, '2.17', await hostSymbolHistory());
    expect(explained?.symbols.map((s) => [s.symbol, s.addedIn]).sort()).toEqual([
      ['mtx_init', 'glibc 2.28'],
      ['mtx_lock', 'glibc 2.28'],
      ['mtx_unlock', 'glibc 2.28'],
    ]);
    expect(explained?.lines).toHaveLength(1);
    expect(explained?.lines[0]).toMatch(
      /: new in glibc 2\.28, not in the floor's sysroot \(glibc 2\.17\); .* Fix: raise the floor to 2\.28/,
    );
  });
});

describe('a C++ library built by a newer g++ (the duckdb-go case)', () => {
  it('places std::__throw_bad_array_new_length() at GLIBCXX_3.4.29 (gcc 11), above a 2.31 floor', async () => {
    const found = undefinedSymbols(failedLink('g++', 'alloc.cc', CXX));
    expect(found.map((u) => u.symbol)).toContain('std::__throw_bad_array_new_length()');
    const explained = explainLink(found, '2.31', await hostSymbolHistory('readelf', { cxx: true }));
    const line = explained?.lines.find((l) => l.includes('std::__throw_bad_array_new_length()'));
    expect(line).toMatch(
      /new in libstdc\+\+ GLIBCXX_3\.4\.29 \(gcc 11\), not in the floor's C\+\+ runtime \(Debian 11, Ubuntu 20\.04 \(gcc 10\): GLIBCXX_3\.4\.28\)/,
    );
    expect(line).toMatch(/glibc 2\.34 or above: RHEL 9 \(gcc 11\)/);
  });

  it('reads the message as the build prints it through go build (recorded, paths shortened)', async () => {
    const recorded = [
      '/usr/local/go/pkg/tool/linux_amd64/link: running c++ failed: exit status 1',
      "/usr/bin/ld: /home/runner/go/pkg/mod/github.com/!duck!d!b/duckdb-go-bindings/linux-amd64@v0.1.21/libduckdb_bundle.a(ub_duckdb_common.o): in function `duckdb::Allocator::Allocator()':",
      "ub_duckdb_common.cpp:(.text+0x1a2): undefined reference to `std::__throw_bad_array_new_length()'",
      'collect2: error: ld returned 1 exit status',
    ].join('\n');
    const [u] = undefinedSymbols(recorded);
    expect(u).toEqual({
      symbol: 'std::__throw_bad_array_new_length()',
      version: null,
      from: [
        'libduckdb_bundle.a(ub_duckdb_common.o) in github.com/DuckDB/duckdb-go-bindings/linux-amd64@v0.1.21 (duckdb::Allocator::Allocator())',
      ],
      count: 1,
    });
    const explained = explainLink(
      u === undefined ? [] : [u],
      '2.31',
      await hostSymbolHistory('readelf', { cxx: true }),
    );
    expect(explained?.symbols[0]?.addedIn).toBe('libstdc++ GLIBCXX_3.4.29 (gcc 11)');
  });
});

describe('recorded: confluent-kafka-go with the napi-rs toolchain at 2.17 (binutils of crosstool-ng)', () => {
  const recorded = [
    "/x/bin/ld: /home/runner/go/pkg/mod/github.com/confluentinc/confluent-kafka-go/v2@v2.11.1/kafka/librdkafka_vendor/librdkafka_glibc_linux_amd64.a(rdkafka_admin.o): in function `rd_kafka_admin_fanout_op_new':",
    "(.text+0x17ae): undefined reference to `mtx_lock'",
    "/x/bin/ld: (.text+0x17bd): undefined reference to `mtx_unlock'",
    '/x/bin/ld: /home/runner/go/pkg/mod/github.com/confluentinc/confluent-kafka-go/v2@v2.11.1/kafka/librdkafka_vendor/librdkafka_glibc_linux_amd64.a(rdkafka.o): in function ‘rd_kafka_new’:',
    '(.text+0x2a1): undefined reference to ‘thrd_create’',
  ].join('\n');

  it('keeps the archive member, its Go module and the function', () => {
    expect(undefinedSymbols(recorded)).toEqual([
      {
        symbol: 'mtx_lock',
        version: null,
        from: [
          'librdkafka_glibc_linux_amd64.a(rdkafka_admin.o) in github.com/confluentinc/confluent-kafka-go/v2@v2.11.1 (rd_kafka_admin_fanout_op_new)',
        ],
        count: 1,
      },
      expect.objectContaining({ symbol: 'mtx_unlock', count: 1 }),
      expect.objectContaining({
        symbol: 'thrd_create',
        from: [
          'librdkafka_glibc_linux_amd64.a(rdkafka.o) in github.com/confluentinc/confluent-kafka-go/v2@v2.11.1 (rd_kafka_new)',
        ],
      }),
    ]);
  });
});

describe('a symbol no library here defines', () => {
  it('says so and names the library to add', () => {
    const explained = explainLink(
      [{ symbol: 'cgo_abi_guard_nowhere', version: null, from: [], count: 1 }],
      '2.31',
      new Map([['mtx_lock', ['GLIBC_2.28']]]),
    );
    expect(explained?.lines).toEqual([
      "cgo_abi_guard_nowhere: not in this machine's glibc, libstdc++ or libgcc. Fix: add the library that defines it to the link (-l…), and its development package for the target to the sysroot",
    ]);
  });
});

/**
 * A program calling libbpf linked without -lbpf (libbpfgo's cgo names only -lelf -lz), against a
 * sysroot holding this machine's real libbpf.so.1: with its -dev link, and with the library alone.
 */
describe('symbols a library of the sysroot defines', () => {
  const LIBBPF = '/usr/lib/x86_64-linux-gnu/libbpf.so.1';
  const CALLS = `struct bpf_object;
struct bpf_object *bpf_object__open(const char *path);
int bpf_object__load(struct bpf_object *obj);
void bpf_object__close(struct bpf_object *obj);
int run(const char *p) { struct bpf_object *o = bpf_object__open(p); int r = bpf_object__load(o); bpf_object__close(o); return r; }
`;
  const sysroot = (withDev: boolean): string => {
    const root = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-sysroot-'));
    const lib = join(root, 'usr', 'lib', 'x86_64-linux-gnu');
    mkdirSync(lib, { recursive: true });
    copyFileSync(realpathSync(LIBBPF), join(lib, 'libbpf.so.1.1.2'));
    symlinkSync('libbpf.so.1.1.2', join(lib, 'libbpf.so.1'));
    if (withDev) symlinkSync('libbpf.so.1', join(lib, 'libbpf.so'));
    return root;
  };

  it.runIf(existsSync(LIBBPF))(
    'says: add -lbpf, libbpf.so.1 in the sysroot defines them',
    async () => {
      const found = undefinedSymbols(failedLink('gcc', 'bpf.c', CALLS, '-lc'));
      expect(found.map((u) => u.symbol).sort()).toEqual([
        'bpf_object__close',
        'bpf_object__load',
        'bpf_object__open',
      ]);
      const explained = await explainLinkFailure(found, '2.36', 'readelf', {
        dir: sysroot(true),
        triplet: 'x86_64-linux-gnu',
      });
      expect(explained?.lines).toEqual([
        expect.stringMatching(
          /^bpf_object__(close|load|open), bpf_object__(close|load|open), bpf_object__(close|load|open): in libbpf\.so\.1 of the sysroot, which the link does not name; referenced from \S+\. Fix: add -lbpf: libbpf\.so\.1 in the sysroot defines them \(CGO_LDFLAGS="-lbpf" for the build, or #cgo LDFLAGS: -lbpf in the Go file\)$/,
        ),
      ]);
    },
  );

  it.runIf(existsSync(LIBBPF))(
    'names the -dev package when the sysroot has the library alone',
    async () => {
      const found = undefinedSymbols(failedLink('gcc', 'bpf2.c', CALLS, '-lc'));
      const explained = await explainLinkFailure(found, '2.36', 'readelf', {
        dir: sysroot(false),
        triplet: 'x86_64-linux-gnu',
      });
      expect(explained?.lines[0]).toMatch(
        /: in libbpf\.so\.1 of the sysroot, which has no link-time library \(lib….so\) to name it by; .* Fix: add the -dev package of libbpf\.so\.1 to packages, then -l for it to the link$/,
      );
    },
  );
});
