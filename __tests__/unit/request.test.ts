/**
 * One request, two front ends: the action's inputs and the CLI's flags parse through the same
 * checks (domain/request.ts) into the same typed request, each problem spelled the front end's way.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/domain/request.js';
import { readInputs } from '../../src/action/inputs.js';
import { parseEnvArgs } from '../../src/cli/env-args.js';
import { parseVerifyArgs } from '../../src/cli/verify-args.js';
import { goTargetEnv } from '../../src/domain/go/cgo-env.js';

const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('the action and env', () => {
  it('read the same request from the same values', () => {
    const action = readInputs(
      get({
        target: 'linux/arm/v6',
        glibc: '2.36.0',
        compiler: 'clang-17',
        packages: 'zlib1g-dev libpcap-dev',
        release: 'debian/bookworm',
        mirror: 'http://a.example/debian',
        'host-mirrors': 'false',
        lockfile: 'ci/pins.yml',
        'frozen-lockfile': 'true',
        godebug: 'http2client=0',
      }),
    );
    const env = parseEnvArgs([
      ...['--target', 'linux/arm/v6', '--glibc', '2.36.0', '--compiler', 'clang-17'],
      ...['--package', 'zlib1g-dev', '--package', 'libpcap-dev', '--release', 'debian/bookworm'],
      ...['--mirror', 'http://a.example/debian', '--no-host-mirrors', '--lock', 'ci/pins.yml'],
      ...['--frozen', '--godebug', 'http2client=0'],
    ]);
    if ('errors' in action) throw new Error(action.errors.join('; '));
    if ('errors' in env) throw new Error(env.errors.join('; '));
    const request = {
      glibc: '2.36',
      compiler: { compiler: 'clang', clangMajor: 17 },
      packages: ['libpcap-dev', 'zlib1g-dev'],
      release: 'debian/bookworm',
      mirrors: ['http://a.example/debian'],
      hostMirrors: false,
      lockfile: 'ci/pins.yml',
      frozenLockfile: true,
      godebug: 'http2client=0',
    };
    expect(action).toMatchObject({ ...request, targets: [{ goarch: 'arm', variant: 'v6' }] });
    expect(env.args).toMatchObject({ ...request, target: { goarch: 'arm', variant: 'v6' } });
  });

  it('take the same defaults: the lockfile path is written once', () => {
    const env = parseEnvArgs(['--target', 'linux/arm64', '--glibc', '2.31']);
    const verify = parseVerifyArgs(['app']);
    const action = readInputs(get({}));
    expect(env).toMatchObject({
      args: { lockfile: DEFAULTS.lockfile, compiler: { compiler: 'gcc' } },
    });
    expect(verify).toMatchObject({ args: { lockfile: DEFAULTS.lockfile, mirrors: [] } });
    expect(action).toMatchObject({ lockfile: DEFAULTS.lockfile, compiler: { compiler: 'gcc' } });
  });

  it('say the same problem each its way, in one line', () => {
    const action = readInputs(get({ compiler: 'clang17', mirror: 'ftp://x', godebug: 'a=1\nb=2' }));
    const env = parseEnvArgs([
      ...['--target', 'linux/arm64', '--glibc', '2.31', '--compiler', 'clang17'],
      ...['--mirror', 'ftp://x', '--godebug', 'a=1\nb=2'],
    ]);
    const compiler = '"clang17" is not gcc, clang or clang-<major> (like clang-18)';
    const mirror =
      'mirror "ftp://x" is not an http(s) URI of a package archive (like http://host/debian)';
    const godebug = 'holds a line break or control character: write one line of k=v pairs';
    expect(action).toEqual({
      errors: [
        `input "compiler": ${compiler}`,
        `input "mirror": ${mirror}`,
        `input "godebug" ${godebug}`,
      ],
    });
    expect(env).toEqual({
      errors: [`--compiler ${compiler}`, `--mirror: ${mirror}`, `--godebug ${godebug}`],
    });
  });

  it('read a CLI value whole: a comma is not a second target', () => {
    expect(parseEnvArgs(['--target', 'linux/arm64,linux/amd64', '--glibc', '2.31'])).toEqual({
      errors: [expect.stringMatching(/^target "linux\/arm64,linux\/amd64": unknown goarch/)],
    });
  });
});

describe('smoke', () => {
  it('means the same in the action and verify: off, no arguments, or the arguments', () => {
    const verify = (smoke: string): unknown =>
      parseVerifyArgs(['--target', 'linux/arm64', `--smoke=${smoke}`, 'app']);
    for (const [given, smoke] of [
      ['false', null],
      ['true', ''],
      ['--version', '--version'],
    ] as const) {
      expect(readInputs(get({ smoke: given }))).toMatchObject({ smoke });
      expect(verify(given)).toMatchObject({ args: { smoke } });
    }
    expect(verify('')).toMatchObject({ args: { smoke: '' } });
    expect(readInputs(get({ smoke: '' }))).toMatchObject({ smoke: null });
  });
});

describe('goTargetEnv', () => {
  it('names the target and its variant as go build reads them', () => {
    expect(goTargetEnv({ goarch: 'amd64', variant: 'v3' })).toEqual({
      GOOS: 'linux',
      GOARCH: 'amd64',
      GOAMD64: 'v3',
    });
    expect(goTargetEnv({ goarch: 'arm', variant: 'v6' })).toEqual({
      GOOS: 'linux',
      GOARCH: 'arm',
      GOARM: '6',
    });
    expect(goTargetEnv({ goarch: 'arm64', variant: null })).toEqual({
      GOOS: 'linux',
      GOARCH: 'arm64',
    });
  });
});

describe('verify --lock', () => {
  it('names the lockfile smoke pins qemu-user-static in (raw input lockfile)', () => {
    expect(parseVerifyArgs(['--lock', 'ci/guard.lock.yml', 'app'])).toMatchObject({
      args: { lockfile: 'ci/guard.lock.yml' },
    });
    expect(parseVerifyArgs(['app'])).toMatchObject({
      args: { lockfile: DEFAULTS.lockfile },
    });
  });
});
