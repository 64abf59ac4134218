/**
 * What users write, as the action and the CLI read it: a floor YAML shortened (`glibc: 2.30`
 * reaches the action as "2.3"), a floor with a zero part (`2.31.0` is the floor 2.31: one lock key,
 * one cache key), space-separated packages, and toolchain inputs given with a libc that installs
 * no toolchain.
 */
import { MUSL_PACKAGES } from '../../src/domain/toolchain/toolchain-plan.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import { parseEnvArgs } from '../../src/cli/env-args.js';
import { parseVerifyArgs } from '../../src/cli/verify-args.js';
import { parseGlibcVersion } from '../../src/domain/input-checks.js';
import { installCacheKey, installId, versionBase } from '../../src/domain/toolchain/install-id.js';
import { contentIdentity, type LockedToolchain } from '../../src/domain/toolchain/lockfile.js';
import { capOf } from '../../src/domain/toolchain/kinds.js';
import { planToolchain, type HostInfo } from '../../src/domain/toolchain/toolchain-plan.js';

const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';
const HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const ARM64 = { goarch: 'arm64', variant: null } as const;

describe('a glibc floor YAML shortened', () => {
  it.each([
    ['2.3', '2.30'],
    ['2.1', '2.10'],
    ['2.2', '2.20'],
    ['2.4', '2.40'],
  ])('"%s" is refused as %s written unquoted, by the action and the CLI', (given, meant) => {
    const line = `"${given}" is probably ${meant} written unquoted in YAML, which reads ${meant} as the number ${given}: quote it ('${meant}'); glibc ${given} itself is older than any floor (from 2.17)`;
    expect(readInputs(get({ glibc: given }))).toEqual({ errors: [`input "glibc": ${line}`] });
    expect(parseEnvArgs(['--target', 'linux/arm64', '--glibc', given])).toEqual({
      errors: [`--glibc ${line}`],
    });
    expect(parseVerifyArgs(['--glibc', given, 'app'])).toEqual({ errors: [`--glibc ${line}`] });
  });

  it('is what YAML makes of an unquoted 2.30, and a quoted one is kept', () => {
    const unquoted = parse('with:\n  glibc: 2.30\n') as { with: { glibc: unknown } };
    expect(String(unquoted.with.glibc)).toBe('2.3');
    expect(readInputs(get({ glibc: String(unquoted.with.glibc) }))).toMatchObject({
      errors: [expect.stringContaining('probably 2.30 written unquoted in YAML') as string],
    });
    const quoted = parse("with:\n  glibc: '2.30'\n") as { with: { glibc: unknown } };
    expect(readInputs(get({ glibc: String(quoted.with.glibc) }))).toMatchObject({ glibc: '2.30' });
  });

  it('leaves real floors and non-versions as they were', () => {
    expect(parseGlibcVersion('2.30')).toEqual({ version: '2.30' });
    expect(parseGlibcVersion('2.17')).toEqual({ version: '2.17' });
    expect(parseGlibcVersion('2.3x')).toEqual({ error: '"2.3x" is not a version like 2.31' });
  });
});

describe('a glibc floor with a zero part', () => {
  it('is the same floor: 2.31.0 and 2.031 are 2.31 in the action, env and verify', () => {
    expect(parseGlibcVersion('2.31.0')).toEqual({ version: '2.31' });
    expect(parseGlibcVersion('2.031')).toEqual({ version: '2.31' });
    expect(parseGlibcVersion('2.31.0.0')).toEqual({ version: '2.31' });
    expect(parseGlibcVersion('2.2.5')).toEqual({ version: '2.2.5' });
    expect(readInputs(get({ glibc: '2.31.0' }))).toMatchObject({ glibc: '2.31' });
    expect(parseEnvArgs(['--target', 'linux/arm64', '--glibc', '2.31.0'])).toMatchObject({
      args: { glibc: '2.31' },
    });
    expect(parseVerifyArgs(['--glibc', '2.31.0', 'app'])).toMatchObject({
      args: { glibc: '2.31' },
    });
  });

  it('makes the same lock key and, capped, the same Actions cache key', () => {
    const floorOf = (text: string): string => {
      const inputs = readInputs(get({ glibc: text }));
      if ('errors' in inputs) throw new Error(inputs.errors.join('; '));
      return inputs.glibc;
    };
    const key = (text: string): { lockKey: string; cacheKey: string } => {
      const plan = planToolchain(HOST, ARM64, floorOf(text), 'gcc');
      if ('error' in plan) throw new Error(plan.error);
      const entry: LockedToolchain = {
        key: plan.lockKey,
        release: 'debian/bullseye',
        packages: [],
        ...(plan.kind === 'capped' ? { cap: { glibc: plan.cap } } : {}),
      };
      const base = versionBase(capOf(plan) ?? '', 'bullseye-capped');
      const id = installId(plan.toolName, base, entry);
      return { lockKey: plan.lockKey, cacheKey: installCacheKey({ install: id, hostArch: 'x64' }) };
    };
    expect(key('2.28.0')).toEqual(key('2.28'));
    expect(key('2.28.0').lockKey).toBe('linux/arm64 glibc-2.28 gcc host-amd64');
    expect(contentIdentity({ key: 'k', release: 'r', packages: [], cap: { glibc: '2.28' } })).toBe(
      contentIdentity({ key: 'k', release: 'r', packages: [], cap: { glibc: floorOf('2.28.0') } }),
    );
  });
});

describe('packages', () => {
  it('are separated by spaces too, in the action and env', () => {
    expect(readInputs(get({ packages: 'libpcap-dev libssl-dev\tlibsqlite3-dev' }))).toMatchObject({
      packages: ['libpcap-dev', 'libsqlite3-dev', 'libssl-dev'],
    });
    expect(readInputs(get({ packages: 'libpcap-dev, libssl-dev\nzlib1g-dev' }))).toMatchObject({
      packages: ['libpcap-dev', 'libssl-dev', 'zlib1g-dev'],
    });
    expect(
      parseEnvArgs([
        '--target',
        'linux/arm64',
        '--glibc',
        '2.31',
        '--package',
        'libpcap-dev zlib1g-dev',
      ]),
    ).toMatchObject({ args: { packages: ['libpcap-dev', 'zlib1g-dev'] } });
  });

  it('with libc musl are refused in one line each: glibc builds, and the floor picks the release', () => {
    const libc = 'musl';
    expect(readInputs(get({ libc, packages: 'libpcap-dev' }))).toEqual({
      errors: [`input "packages": ${MUSL_PACKAGES}`],
    });
    expect(MUSL_PACKAGES).toMatch(/__memcpy_chk/);
    expect(readInputs(get({ libc, release: 'bookworm' }))).toEqual({
      errors: [
        'input "release": does not go with libc musl: the musl floor (input musl) picks the release',
      ],
    });
    expect(readInputs(get({ libc, glibc: '2.36' }))).toEqual({
      errors: ['input "glibc": 2.36 is a glibc floor, but libc is musl: the floor is input musl'],
    });
    // action.yml's default floor reaches the action as given: it is not a problem.
    expect(readInputs(get({ libc, glibc: '2.31' }))).toMatchObject({ libc });
    expect(readInputs(get({ libc: 'glibc', musl: '1.2.3' }))).toEqual({
      errors: ['input "musl": is a musl floor, but libc is glibc'],
    });
    expect(readInputs(get({ libc: 'glibc', link: 'dynamic' }))).toEqual({
      errors: ['input "link": dynamic is for libc musl, but libc is glibc'],
    });
    expect(readInputs(get({ libc, musl: '1.2' }))).toMatchObject({
      musl: { version: '1.2', link: 'static' },
    });
    expect(readInputs(get({ libc, musl: 'x', link: 'shared' }))).toEqual({
      errors: [
        'input "musl": "x" is not a version like 1.2.3 (quote it in YAML)',
        'input "link": "shared" is not one of static, dynamic',
      ],
    });
    expect(readInputs(get({ libc }))).toMatchObject({
      libc,
      packages: [],
      release: null,
      musl: { version: null, link: 'static' },
    });
  });

  it.each(['none'] as const)(
    'with libc %s are refused: no toolchain is installed for them to go into',
    (libc) => {
      const line = (name: string, what: string): string =>
        `input "${name}": libc ${libc} installs no toolchain (the build brings its own compiler), so ${name} would ${what} that is not there: remove ${name}, or set libc: glibc`;
      expect(readInputs(get({ libc, packages: 'libpcap-dev' }))).toEqual({
        errors: [line('packages', "go into the toolchain's sysroot")],
      });
      expect(readInputs(get({ libc, release: 'bookworm' }))).toEqual({
        errors: [line('release', 'choose the toolchain')],
      });
      expect(readInputs(get({ libc }))).toMatchObject({ libc, packages: [], release: null });
    },
  );
});
