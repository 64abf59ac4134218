import { describe, expect, it } from 'vitest';
import {
  floatAbiOf,
  formatTarget,
  goarchOf,
  loaderFor,
  parseTarget,
} from '../../src/domain/platform.js';

describe('parseTarget', () => {
  it.each([
    ['linux/amd64', { goarch: 'amd64', variant: 'v1' }],
    ['linux/amd64/v3', { goarch: 'amd64', variant: 'v3' }],
    ['linux/arm', { goarch: 'arm', variant: 'v7' }],
    ['linux/arm/v6', { goarch: 'arm', variant: 'v6' }],
    ['linux/arm64', { goarch: 'arm64', variant: null }],
    ['linux/riscv64', { goarch: 'riscv64', variant: null }],
  ])('%s', (text, want) => {
    expect(parseTarget(text)).toEqual(want);
  });

  it.each([
    ['darwin/arm64', /not of the form/],
    ['linux/mips', /unknown goarch "mips"/],
    ['linux/amd64/v5', /variant "v5" is not valid for amd64 \(one of v1, v2, v3, v4\)/],
    ['linux/arm64/v8', /variant "v8" is not valid for arm64 \(none\)/],
    ['linux/arm/v7/x', /not of the form/],
    ['', /not of the form/],
  ])('rejects %j with a clear message', (text, message) => {
    const result = parseTarget(text);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });

  it('round-trips through formatTarget', () => {
    for (const text of ['linux/amd64/v2', 'linux/arm/v5', 'linux/s390x']) {
      const t = parseTarget(text);
      if ('error' in t) throw new Error(t.error);
      expect(formatTarget(t)).toBe(text);
    }
  });
});

describe('loaders', () => {
  it('tells armhf from armel by the variant', () => {
    expect(loaderFor({ goarch: 'arm', variant: 'v7' }, 'glibc')).toBe('/lib/ld-linux-armhf.so.3');
    expect(loaderFor({ goarch: 'arm', variant: 'v6' }, 'glibc')).toBe('/lib/ld-linux.so.3');
    expect(loaderFor({ goarch: 'arm', variant: 'v5' }, 'musl')).toBe('/lib/ld-musl-arm.so.1');
    expect(floatAbiOf({ goarch: 'arm', variant: 'v7' })).toBe('hard');
    expect(floatAbiOf({ goarch: 'amd64', variant: 'v1' })).toBeNull();
  });

  it('has no loader for a static target', () => {
    expect(loaderFor({ goarch: 'amd64', variant: 'v1' }, 'none')).toBeNull();
  });

  it('maps ELF header facts to GOARCH, endianness included', () => {
    expect(goarchOf('ELF64', 'big', 'IBM S/390')).toBe('s390x');
    expect(goarchOf('ELF64', 'big', 'PowerPC64')).toBeNull();
    expect(goarchOf('ELF32', 'little', 'Intel 80386')).toBe('386');
    expect(goarchOf('ELF32', 'big', 'MIPS R3000')).toBeNull();
  });
});
