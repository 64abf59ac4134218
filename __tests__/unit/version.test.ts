import { describe, expect, it } from 'vitest';
import {
  compareDotted,
  isDottedVersion,
  maxDotted,
  splitVersionName,
} from '../../src/domain/version.js';

describe('dotted versions', () => {
  it.each([
    ['2.2.5', '2.17', -1],
    ['2.17', '2.2.5', 1],
    ['2.34', '2.34', 0],
    ['2.34', '2.34.0', 0],
    ['3.4.9', '3.4.10', -1],
    ['4.15.0', '3.10', 1],
  ])('%s vs %s → %i', (a, b, want) => {
    expect(compareDotted(a, b)).toBe(want);
  });

  it('finds the numeric maximum, not the string maximum', () => {
    expect(maxDotted(['2.2.5', '2.17', '2.3.4', '2.14'])).toBe('2.17');
    expect(maxDotted([])).toBeNull();
  });

  it.each(['2.31', '3', '3.10.0'])('accepts %s', (v) => {
    expect(isDottedVersion(v)).toBe(true);
  });
  it.each(['2.3x', '', '2.', '.2', 'v2.31', '2..3'])('rejects %j', (v) => {
    expect(isDottedVersion(v)).toBe(false);
  });

  it('splits version names at the last number', () => {
    expect(splitVersionName('GLIBC_2.2.5')).toEqual({ prefix: 'GLIBC', version: '2.2.5' });
    expect(splitVersionName('GLIBCXX_3.4.30')).toEqual({ prefix: 'GLIBCXX', version: '3.4.30' });
    expect(splitVersionName('OPENSSL_1_1_0')).toEqual({ prefix: 'OPENSSL', version: '1.1.0' });
    expect(splitVersionName('OPENSSL_3.0.0')).toEqual({ prefix: 'OPENSSL', version: '3.0.0' });
    expect(splitVersionName('CXXABI_TM_1')).toEqual({ prefix: 'CXXABI_TM', version: '1' });
    expect(splitVersionName('CXXABI_TM_1')).toEqual({ prefix: 'CXXABI_TM', version: '1' });
    expect(splitVersionName('GLIBC_PRIVATE')).toBeNull();
    expect(splitVersionName('GLIBC_ABI_DT_RELR')).toBeNull();
  });
});
