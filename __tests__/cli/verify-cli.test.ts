/** The CLI contract other tools rely on: exit status, JSON shape, text and Markdown reports. */
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, verifyJson } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';

describe('verify exit status', () => {
  it('0 when every binary passes', () => {
    const r = runCli([
      'verify',
      '--target',
      'linux/arm64',
      '--glibc',
      '2.31',
      fixture('arm64-clang-bullseye'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^PASS {2}.*arm64-clang-bullseye \(linux\/arm64\)$/m);
  });

  it('0 with warnings only', () => {
    const r = runCli([
      'verify',
      '--target',
      'linux/amd64',
      '--libc',
      'none',
      fixture('amd64-static-net'),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/warning static-nss: static glibc binary calls .*getaddrinfo/);
  });

  it('1 on a violation, the failing binary first with its fix', () => {
    const r = runCli([
      'verify',
      '--target',
      'linux/amd64',
      '--glibc',
      '2.31',
      fixture('amd64-clang-bullseye'),
      fixture('amd64-gcc'),
    ]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^FAIL {2}.*amd64-gcc \(linux\/amd64\/v1\)$/);
    expect(lines[1]).toMatch(
      /^ {2}error {3}glibc-version: needs GLIBC_2\.34 \(floor 2\.31\): .*__libc_start_main/,
    );
    expect(lines[2]).toMatch(/^ {10}fix: build against a glibc 2\.31 sysroot/);
    expect(r.stdout).toMatch(/^2 binaries: 1 passed, 1 failed, 0 could not be judged$/m);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  });

  it('2 when one file cannot be judged, even if others fail', () => {
    const r = runCli(['verify', '--glibc', '2.31', fixture('amd64-gcc'), '/nonexistent/binary']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'cgo-abi-guard verify: /nonexistent/binary: no such file or directory',
    );
  });
});

describe('verify --format json', () => {
  it('prints a RunReport: one target, the binary with its findings and facts', () => {
    const path = fixture('amd64-gcc');
    const { status, report, binaries } = verifyJson([
      '--target',
      'linux/amd64',
      '--glibc',
      '2.31',
      path,
    ]);
    expect(status).toBe(1);
    expect(report).toMatchObject({
      schemaVersion: 3,
      tool: { name: 'cgo-abi-guard' },
      frontEnd: 'cli',
      runner: null,
      policy: { libc: 'glibc', glibcFloor: '2.31', kernel: null, failOn: 'error' },
      verdict: 'fail',
    });
    expect(report.targets).toHaveLength(1);
    expect(report.targets[0]).toMatchObject({
      target: 'linux/amd64/v1',
      verdict: 'fail',
      problem: null,
      toolchain: null,
      build: null,
      smoke: { status: 'not-asked', reason: null, results: [] },
      depends: 'libc6 (>= 2.34)',
    });
    const [b] = binaries;
    expect(b?.path).toBe(path);
    expect(b?.verdict).toBe('fail');
    expect(b).toMatchObject({ linkTarget: null, error: null, target: 'linux/amd64/v1' });
    expect(b?.findings[0]).toMatchObject({
      rule: 'glibc-version',
      severity: 'error',
      message: expect.stringMatching(/GLIBC_2\.34/) as unknown,
    });
    expect(b?.facts).toMatchObject({
      class: 'ELF64',
      endian: 'little',
      machine: 'Advanced Micro Devices X86-64',
      osabi: 'UNIX - System V',
      interpreter: '/lib64/ld-linux-x86-64.so.2',
      needed: expect.arrayContaining(['libc.so.6']) as unknown,
      rpath: [],
      runpath: [],
      versions: { GLIBC: '2.34' },
      abiTag: '3.2.0',
      isaNeeded: ['x86-64-baseline'],
      goBuild: expect.objectContaining({
        settings: expect.objectContaining({ CGO_ENABLED: '1', GOARCH: 'amd64' }) as unknown,
      }) as unknown,
    });
  });

  it('without --target, groups the binaries by the target each was judged against', () => {
    const { status, report } = verifyJson([
      '--glibc',
      '2.31',
      fixture('arm64-clang-bullseye'),
      fixture('amd64-gcc'),
      '/nonexistent/binary',
      fixture('amd64-clang-bullseye'),
    ]);
    expect(status).toBe(2);
    expect(report.verdict).toBe('error');
    expect(
      report.targets.map((t) => [t.target, t.verdict, t.binaries.map((b) => b.verdict)]),
    ).toEqual([
      ['linux/arm64', 'pass', ['pass']],
      ['linux/amd64', 'fail', ['fail', 'pass']],
      [null, 'error', ['error']],
    ]);
  });

  it('gives interpreter null and type EXEC for a static binary', () => {
    const { binaries } = verifyJson(['--libc', 'none', fixture('amd64-nocgo')]);
    expect(binaries[0]?.facts).toMatchObject({
      interpreter: null,
      type: 'EXEC',
      needed: [],
      versions: {},
    });
  });

  it('reports each GLIBCXX/CXXABI/GCC prefix without the prefix', () => {
    const { binaries } = verifyJson([fixture('amd64-cxx')]);
    const versions = binaries[0]?.facts?.versions ?? {};
    expect(Object.keys(versions).sort()).toEqual(
      expect.arrayContaining(['CXXABI', 'GLIBC', 'GLIBCXX']),
    );
    expect(versions.GLIBCXX).toMatch(/^3\.4\.\d+$/);
  });
});

describe('verify --format markdown', () => {
  it('prints a summary table with interpreter, GLIBC vs floor, NEEDED and verdict', () => {
    const r = runCli([
      'verify',
      '--format',
      'markdown',
      '--glibc',
      '2.31',
      fixture('arm64-clang-bullseye'),
      fixture('amd64-extra-needed'),
    ]);
    expect(r.stdout).toContain(
      '| binary | target | interpreter | highest GLIBC (floor) | NEEDED | verdict |',
    );
    expect(r.stdout).toMatch(
      /\| `[^`]*amd64-extra-needed` \| linux\/amd64 \| \/lib64\/ld-linux-x86-64\.so\.2 \| 2\.34 \(2\.31\) \| [^|]*libz\.so\.1[^|]* \| ❌ fail \|/,
    );
    expect(r.stdout).toMatch(
      /\| `[^`]*arm64-clang-bullseye` \| linux\/arm64 \| \/lib\/ld-linux-aarch64\.so\.1 \| 2\.\d+ \(2\.31\) \| .* \| ✅ pass \|/,
    );
    expect(r.stdout).toMatch(
      /^- `[^`]*amd64-extra-needed` \*\*error\*\* `needed`: needs libz\.so\.1/m,
    );
  });
});
