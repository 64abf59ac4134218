import { describe, expect, it } from 'vitest';
import { installCacheKey, installId, versionBase } from '../../src/domain/toolchain/install-id.js';
import {
  contentHash,
  contentIdentity,
  type LockedToolchain,
} from '../../src/domain/toolchain/lockfile.js';

const pkg = (name: string, sha = '0'.repeat(64)) => ({
  name,
  version: '1.0',
  arch: 'all',
  filename: `pool/main/x/${name}_1.0_all.deb`,
  size: 1,
  sha256: sha,
});
const ENTRY: LockedToolchain = {
  key: 'linux/arm64 glibc-2.31 gcc host-amd64',
  release: 'debian/bullseye',
  packages: [pkg('libc6-dev-arm64-cross'), pkg('gcc-10-aarch64-linux-gnu')],
};
const HASH = contentHash(contentIdentity(ENTRY));
const TOOL = 'cgo-abi-guard-aarch64-linux-gnu-gcc';

describe('installId', () => {
  it('is the tool and a semver version: the release, then the content hash', () => {
    expect(installId(TOOL, versionBase('2.31', 'bullseye'), ENTRY)).toEqual({
      toolName: TOOL,
      version: `2.31.0-bullseye.h${HASH}`,
    });
    expect(versionBase('0', 'bookworm')).toBe('0.0.0-bookworm');
  });

  it('is the same for every key and floor naming the same content, and differs with it', () => {
    const base = versionBase('2.31', 'bullseye');
    const other = { ...ENTRY, key: 'linux/arm64 glibc-2.33 gcc host-amd64' };
    expect(installId(TOOL, base, other)).toEqual(installId(TOOL, base, ENTRY));
    const changed = { ...ENTRY, packages: [pkg('libc6-dev-arm64-cross', '1'.repeat(64))] };
    expect(installId(TOOL, base, changed)).not.toEqual(installId(TOOL, base, ENTRY));
    const npm = {
      ...ENTRY,
      packages: [],
      npm: { name: '@x/y', version: '1.0.0', integrity: `sha512-${'A'.repeat(86)}==` },
    };
    expect(installId(TOOL, base, { ...npm, key: 'a' })).toEqual(
      installId(TOOL, base, { ...npm, key: 'b' }),
    );
  });
});

describe('installCacheKey', () => {
  const install = { toolName: TOOL, version: `2.31.0-bullseye.h${HASH}` };

  it('holds the tool, the version, the host arch and the runner image', () => {
    const key = installCacheKey({
      install,
      hostArch: 'x64',
      imageOs: 'ubuntu24',
      imageVersion: '20250101.1',
    });
    expect(key).toBe(
      `cgo-abi-guard-v2-aarch64-linux-gnu-gcc-2.31.0-bullseye.h${HASH}-x64-ubuntu24-20250101.1`,
    );
  });

  it('leaves the image out when the runner does not name it', () => {
    const expected = `cgo-abi-guard-v2-aarch64-linux-gnu-gcc-2.31.0-bullseye.h${HASH}-arm64`;
    expect(installCacheKey({ install, hostArch: 'arm64' })).toBe(expected);
    expect(installCacheKey({ install, hostArch: 'arm64', imageOs: '', imageVersion: '  ' })).toBe(
      expected,
    );
    expect(installCacheKey({ install, hostArch: 'arm64', imageOs: 'ubuntu22' })).toBe(
      `${expected}-ubuntu22`,
    );
  });

  it('changes with every part that changes the bytes', () => {
    const base = { install, hostArch: 'x64', imageOs: 'ubuntu24', imageVersion: '20250101.1' };
    const variants = [
      base,
      { ...base, install: { ...install, toolName: 'cgo-abi-guard-aarch64-linux-gnu-clang' } },
      { ...base, install: { ...install, version: '2.36.0-bookworm.h0123456789ab' } },
      { ...base, hostArch: 'arm64' },
      { ...base, imageOs: 'ubuntu22' },
      { ...base, imageVersion: '20250108.1' },
    ];
    const keys = new Set(variants.map((v) => installCacheKey(v)));
    expect(keys.size).toBe(variants.length);
  });

  it('is always a valid @actions/cache key: no commas, at most 512 characters', () => {
    const odd = installCacheKey({
      install: { toolName: 'cgo-abi-guard-a,b', version: '1.0.0' },
      hostArch: 'x64',
      imageOs: 'a,b',
      imageVersion: 'x'.repeat(600),
    });
    expect(odd).not.toContain(',');
    expect(odd.length).toBeLessThanOrEqual(512);
    expect(odd).toMatch(/^cgo-abi-guard-v2-a_b-1\.0\.0-x64-a_b-x+-[0-9a-f]{16}$/);
    const longer = installCacheKey({
      install: { toolName: 'cgo-abi-guard-a,b', version: '1.0.0' },
      hostArch: 'x64',
      imageOs: 'a,b',
      imageVersion: `${'x'.repeat(600)}y`,
    });
    expect(longer).not.toBe(odd);
  });
});
