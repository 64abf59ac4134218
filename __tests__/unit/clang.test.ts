/** Choosing the host clang the way runner images lay it out (names only; the programs are in toolchain/clang). */
import { describe, expect, it } from 'vitest';
import { majorOf, pickClangName } from '../../src/domain/toolchain/clang.js';
import { parseCompilerChoice } from '../../src/domain/toolchain/compiler.js';

describe('the compiler input', () => {
  it('is gcc, clang or clang-N', () => {
    expect(parseCompilerChoice('gcc')).toEqual({ compiler: 'gcc', clangMajor: null });
    expect(parseCompilerChoice('clang')).toEqual({ compiler: 'clang', clangMajor: null });
    expect(parseCompilerChoice('clang-18')).toEqual({ compiler: 'clang', clangMajor: 18 });
    for (const bad of ['clang18', 'gcc-12', 'clang-', 'clang-1x', 'CLANG'])
      expect(parseCompilerChoice(bad), bad).toHaveProperty('error');
  });
});

describe('the clang on PATH', () => {
  it('is the default clang when there is one (ubuntu-24.04: an alternative to clang-18)', () => {
    expect(pickClangName(['clang-16', 'clang', 'clang-18', 'clang-17'], null)).toBe('clang');
  });

  it('else the newest clang-N, numerically', () => {
    expect(pickClangName(['clang-9', 'clang-14', 'clang-13'], null)).toBe('clang-14');
  });

  it('is exactly the asked version, or none', () => {
    expect(pickClangName(['clang', 'clang-17', 'clang-18'], 17)).toBe('clang-17');
    expect(pickClangName(['clang', 'clang-18'], 17)).toBeNull();
    expect(pickClangName([], null)).toBeNull();
  });

  it('reads the major of clang -dumpversion and of ld.lld --version', () => {
    expect(majorOf('18.1.3\n')).toBe(18);
    expect(majorOf('Ubuntu LLD 18.1.3 (compatible with GNU linkers)')).toBe(18);
    expect(majorOf('Debian LLD 14.0.6 (compatible with GNU linkers)')).toBe(14);
    expect(majorOf('no version here')).toBeNull();
  });
});
