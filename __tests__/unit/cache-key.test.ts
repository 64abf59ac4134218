import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toolchainCacheKey } from '../../src/domain/toolchain/cache-key.js';

const LOCK =
  'libc6-dev-arm64-cross 2.31-9cross4 all 0123abcd\ngcc-10-aarch64-linux-gnu 10.2.1 amd64 4567ef';
const LOCK_HASH = createHash('sha256').update(LOCK).digest('hex').slice(0, 12);

describe('toolchainCacheKey', () => {
  it('holds target, floor, compiler, host arch, lock hash and runner image', () => {
    const key = toolchainCacheKey({
      targetKey: 'linux/arm64 glibc-2.31 gcc host-amd64',
      lockIdentity: LOCK,
      hostArch: 'x64',
      imageOs: 'ubuntu24',
      imageVersion: '20250101.1',
    });
    expect(key).toBe(
      `cgo-abi-guard-v1-linux-arm64-glibc2.31-gcc-x64-${LOCK_HASH}-ubuntu24-20250101.1`,
    );
  });

  it('leaves the image out when the runner does not name it', () => {
    const base = {
      targetKey: 'linux/arm/v7 glibc-2.28 clang host-arm64',
      lockIdentity: LOCK,
      hostArch: 'arm64',
    };
    const expected = `cgo-abi-guard-v1-linux-arm-v7-glibc2.28-clang-arm64-${LOCK_HASH}`;
    expect(toolchainCacheKey(base)).toBe(expected);
    expect(toolchainCacheKey({ ...base, imageOs: '', imageVersion: '  ' })).toBe(expected);
    expect(toolchainCacheKey({ ...base, imageOs: 'ubuntu22' })).toBe(`${expected}-ubuntu22`);
  });

  it('changes with every part that changes the bytes', () => {
    const base = {
      targetKey: 'linux/arm64 glibc-2.31 gcc host-amd64',
      lockIdentity: LOCK,
      hostArch: 'x64',
      imageOs: 'ubuntu24',
      imageVersion: '20250101.1',
    };
    const variants = [
      base,
      { ...base, targetKey: 'linux/arm64 glibc-2.28 gcc host-amd64' },
      { ...base, targetKey: 'linux/arm64 glibc-2.31 clang host-amd64' },
      { ...base, targetKey: 'linux/riscv64 glibc-2.31 gcc host-amd64' },
      { ...base, lockIdentity: `${LOCK} ` },
      { ...base, hostArch: 'arm64' },
      { ...base, imageOs: 'ubuntu22' },
      { ...base, imageVersion: '20250108.1' },
    ];
    const keys = new Set(variants.map((v) => toolchainCacheKey(v)));
    expect(keys.size).toBe(variants.length);
  });

  it('is always a valid @actions/cache key: no commas, at most 512 characters', () => {
    const odd = toolchainCacheKey({
      targetKey: 'linux/amd64, glibc-2.31 gcc host-amd64',
      lockIdentity: '',
      hostArch: 'x64',
      imageOs: 'a,b',
      imageVersion: 'x'.repeat(600),
    });
    expect(odd).not.toContain(',');
    expect(odd.length).toBeLessThanOrEqual(512);
    expect(odd).toMatch(
      /^cgo-abi-guard-v1-linux-amd64_?-glibc2\.31-gcc-x64-[0-9a-f]{12}-a_b-x+-[0-9a-f]{16}$/,
    );
    const longer = toolchainCacheKey({
      targetKey: 'linux/amd64 glibc-2.31 gcc host-amd64',
      lockIdentity: '',
      hostArch: 'x64',
      imageOs: 'a,b',
      imageVersion: `${'x'.repeat(600)}y`,
    });
    expect(longer).not.toBe(odd);
  });
});
