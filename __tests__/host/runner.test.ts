/** Runner parsers over this machine's real tool output, and over hand-written variants. */
import { execFileSync } from 'node:child_process';
import { machine } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGo } from '../../src/adapters/runner.js';
import {
  compareGoVersions,
  parseGoModDirectives,
  toolchainSwitch,
  versionFromToolchain,
} from '../../src/domain/go/go-toolchain.js';
import {
  hostArchOf,
  parseGetconfLibc,
  parseGoEnvJson,
  parseLddVersion,
  parseOsRelease,
  renderRunnerText,
  type RunnerFacts,
} from '../../src/domain/runner/runner.js';

const run = (file: string, args: string[]): string =>
  execFileSync(file, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });

describe('real output of this machine', () => {
  it('parses /etc/os-release as the shell reads it', () => {
    const text = run('cat', ['/etc/os-release']);
    // The shell is the reference: os-release is a sourceable file.
    const shell = run('sh', [
      '-c',
      '. /etc/os-release; printf "%s\\n%s\\n%s\\n%s\\n" "$ID" "$VERSION_ID" "$VERSION_CODENAME" "$PRETTY_NAME"',
    ]).split('\n');
    const d = parseOsRelease(text);
    expect(d.id).toBe(shell[0]);
    expect(d.versionId ?? '').toBe(shell[1]);
    expect(d.codename ?? '').toBe(shell[2]);
    expect(d.prettyName ?? '').toBe(shell[3]);
  });

  it('agrees between getconf GNU_LIBC_VERSION and ldd --version', () => {
    const getconf = parseGetconfLibc(run('getconf', ['GNU_LIBC_VERSION']));
    expect(getconf?.family).toBe('glibc');
    expect(getconf?.version).toMatch(/^2\.\d+$/);
    const ldd = parseLddVersion(run('ldd', ['--version']));
    expect(ldd).toEqual(getconf);
  });

  describe('go env -json', () => {
    let go = '';
    beforeAll(async () => {
      const found = await findGo(process.env);
      if (found === null) throw new Error('these tests need Go: put go on PATH');
      go = found;
    });

    it('gives the same values as go env NAME', () => {
      const parsed = parseGoEnvJson(run(go, ['env', '-json']));
      if ('error' in parsed) throw new Error(parsed.error);
      const names = ['GOVERSION', 'GOOS', 'GOARCH', 'CGO_ENABLED', 'CC', 'GOROOT', 'GOTOOLCHAIN'];
      const plain = run(go, ['env', ...names]).split('\n');
      expect([
        parsed.goversion,
        parsed.goos,
        parsed.goarch,
        parsed.cgoEnabled ? '1' : '0',
        parsed.cc,
        parsed.goroot,
        parsed.gotoolchain,
      ]).toEqual(plain.slice(0, names.length));
      expect(parsed.goversion).toMatch(/^go1\.\d+/);
    });

    it('maps this machine to the GOARCH go reports', () => {
      const goarch = run(go, ['env', 'GOHOSTARCH']).trim();
      expect(hostArchOf(run('uname', ['-m'])).goarch).toBe(goarch);
      expect(hostArchOf(machine()).goarch).toBe(goarch);
    });
  });
});

describe('os-release variants', () => {
  it('Ubuntu noble', () => {
    const noble = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;
    expect(parseOsRelease(noble)).toEqual({
      id: 'ubuntu',
      versionId: '24.04',
      codename: 'noble',
      idLike: ['debian'],
      prettyName: 'Ubuntu 24.04.1 LTS',
    });
  });

  it('Alpine, RHEL-like ID_LIKE lists, single quotes, escapes and comments', () => {
    expect(
      parseOsRelease(
        'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n',
      ),
    ).toMatchObject({ id: 'alpine', versionId: '3.20.3', codename: null, idLike: [] });
    const rocky = `# a comment\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID='9.4'\nPRETTY_NAME="Say \\"hi\\" \\$x"\n`;
    expect(parseOsRelease(rocky)).toEqual({
      id: 'rocky',
      versionId: '9.4',
      codename: null,
      idLike: ['rhel', 'centos', 'fedora'],
      prettyName: 'Say "hi" $x',
    });
  });

  it('an empty file defaults ID to linux', () => {
    expect(parseOsRelease('')).toMatchObject({ id: 'linux', versionId: null, prettyName: null });
  });
});

describe('libc variants', () => {
  it('musl ldd --version (stderr)', () => {
    const musl = `musl libc (x86_64)
Version 1.2.5
Dynamic Program Loader
Usage: /lib/ld-musl-x86_64.so.1 [options] [--] pathname
`;
    expect(parseLddVersion(musl)).toEqual({ family: 'musl', version: '1.2.5' });
  });

  it('glibc ldd --version from Ubuntu and from upstream', () => {
    expect(
      parseLddVersion('ldd (Ubuntu GLIBC 2.39-0ubuntu8.3) 2.39\nCopyright (C) 2024\n'),
    ).toEqual({ family: 'glibc', version: '2.39' });
    expect(parseLddVersion('ldd (GNU libc) 2.17\n')).toEqual({ family: 'glibc', version: '2.17' });
    expect(parseLddVersion('ldd: unrecognized option')).toBeNull();
  });

  it('getconf', () => {
    expect(parseGetconfLibc('glibc 2.31\n')).toEqual({ family: 'glibc', version: '2.31' });
    expect(parseGetconfLibc('getconf: Unrecognized variable `GNU_LIBC_VERSION`\n')).toBeNull();
  });
});

describe('go env -json', () => {
  it('rejects what is not its JSON', () => {
    expect(parseGoEnvJson('go: unknown flag -json')).toEqual({
      error: 'go env -json did not print JSON',
    });
    expect(parseGoEnvJson('[]')).toHaveProperty('error');
    expect(parseGoEnvJson('{"GOOS":"linux"}')).toHaveProperty('error');
  });

  it('reads CGO_ENABLED=0 as disabled', () => {
    const r = parseGoEnvJson('{"GOVERSION":"go1.22.5","GOROOT":"/g","CGO_ENABLED":"0","CC":""}');
    expect(r).toMatchObject({ goversion: 'go1.22.5', cgoEnabled: false, cc: '', gotoolchain: '' });
  });
});

describe('Go version order (internal/gover)', () => {
  it.each([
    ['1.21', '1.21rc1', -1],
    ['1.21rc1', '1.21.0', -1],
    ['1.21.0', '1.21.1', -1],
    ['1.21beta1', '1.21rc1', -1],
    ['1.21rc2', '1.21rc10', -1],
    ['1.9', '1.10', -1],
    ['1.20', '1.20.0', 0], // before 1.21 a missing patch is .0
    ['1.22', '1.22.0', -1],
    ['1', '1.0.0', 0],
    ['1.100.0', '1.99.9', 1],
    ['junk', '1.2', -1],
    ['1.02', '1.2', -1], // leading zero is malformed
  ])('%s vs %s → %i', (a, b, want) => {
    expect(compareGoVersions(a, b)).toBe(want);
    expect(compareGoVersions(b, a)).toBe(want === 0 ? 0 : -want);
  });

  it('reads toolchain names', () => {
    expect(versionFromToolchain('go1.22.3')).toBe('1.22.3');
    expect(versionFromToolchain('go1.23rc1')).toBe('1.23rc1');
    expect(versionFromToolchain('go1.21.1-custom')).toBe('1.21.1');
    expect(versionFromToolchain('gccgo')).toBeNull();
    expect(versionFromToolchain('go/../1.2')).toBeNull();
  });

  it('reads go.mod directives, ignoring comments', () => {
    const mod = 'module x\n\ngo 1.22 // language\ntoolchain go1.23.4\n// go 1.99\n';
    expect(parseGoModDirectives(mod)).toEqual({ go: '1.22', toolchain: 'go1.23.4' });
  });
});

describe('toolchainSwitch', () => {
  const mod = (body: string): string => `module example.com/app\n\n${body}\n`;
  const local = 'go1.22.5';
  it.each<[string, string | null, RegExp | null]>([
    ['local', mod('go 1.30.0'), null],
    ['', mod('go 1.30.0'), null],
    ['auto', mod('go 1.22.0'), null],
    ['auto', mod('go 1.22'), null],
    ['auto', null, null],
    [
      'auto',
      mod('go 1.23.1'),
      /"go 1\.23\.1", newer than go1\.22\.5: .* runs go1\.23\.1 \(downloaded\)/,
    ],
    ['auto', mod('go 1.23'), /runs go1\.23\.0 /],
    ['auto', mod('go 1.23rc1'), /runs go1\.23rc1 /],
    ['auto', mod('go 1.21\ntoolchain go1.24.2'), /"toolchain go1\.24\.2".* runs go1\.24\.2 /],
    ['auto', mod('go 1.21\ntoolchain go1.22.1'), null], // toolchain line older than local
    ['auto', mod('go 1.25.0\ntoolchain go1.24.2'), /"go 1\.25\.0".* runs go1\.25\.0 /],
    ['auto', mod('go 1.30.0\ntoolchain default'), null],
    ['path', mod('go 1.23.1'), /runs go1\.23\.1 \(looked up on PATH\)/],
    ['local+auto', mod('go 1.23.1'), /runs go1\.23\.1/],
    [
      'go1.24.0+auto',
      mod('go 1.23.1'),
      /GOTOOLCHAIN=go1\.24\.0\+auto runs go1\.24\.0, not the local/,
    ],
    ['go1.24.0+auto', mod('go 1.25.0'), /newer than go1\.24\.0: .* runs go1\.25\.0/],
    ['go1.24.0', mod('go 1.99.0'), /runs go1\.24\.0, not the local go1\.22\.5/],
    ['go1.22.5', null, null],
    ['go1.24.0+bogus', null, /invalid/],
    ['bash', null, /invalid/],
  ])('GOTOOLCHAIN=%j with %j', (gotoolchain, goMod, want) => {
    const got = toolchainSwitch({ goversion: local, gotoolchain }, goMod);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});

describe('host architecture', () => {
  it.each([
    ['x86_64', 'amd64', 'amd64'],
    ['aarch64', 'arm64', 'arm64'],
    ['armv7l', 'arm', 'armhf'],
    ['i686', '386', 'i386'],
    ['ppc64le', 'ppc64le', 'ppc64el'],
    ['s390x', 's390x', 's390x'],
    ['riscv64', 'riscv64', 'riscv64'],
    ['mips', null, null],
  ])('%s → %s / %s', (m, goarch, debianArch) => {
    expect(hostArchOf(`${m}\n`)).toEqual({ machine: m, goarch, debianArch });
  });
});

describe('renderRunnerText', () => {
  it('says when go is missing and when the libc is unknown', () => {
    const facts: RunnerFacts = {
      kernel: '6.8.0',
      libc: { family: 'unknown', version: null },
      distro: parseOsRelease('ID=alpine\nVERSION_ID=3.20.3\n'),
      hostArch: hostArchOf('aarch64'),
      go: { missing: 'go not found on PATH' },
    };
    const text = renderRunnerText(facts);
    expect(text).toMatch(/^go +missing: go not found on PATH$/m);
    expect(text).toMatch(/^libc +unknown/m);
    expect(text).toMatch(/^distro +alpine 3\.20\.3$/m);
    expect(text).toMatch(/^arch +aarch64 \(GOARCH arm64, Debian arm64\)$/m);
  });
});
