/**
 * The musl floors' exports (data/musl-exports.ts, generated from Debian's musl packages) and the
 * check a dynamic musl binary's undefined symbols get against a floor (rules/musl-exports.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  muslExportVersions,
  muslExports,
  muslFloorCheck,
  WEAK_BY_CONVENTION,
  type UndefinedSymbol,
} from '../../src/domain/rules/musl-exports.js';

const NEW_IN_125 = ['statx', 'preadv2', 'pwritev2', 'renameat2'];
const EVERYWHERE = ['printf', 'pthread_create', 'getaddrinfo', 'getpwnam_r', '__libc_start_main'];
const TIME64 = [
  '__clock_gettime64',
  '__stat_time64',
  '__time64',
  '__pthread_cond_timedwait_time64',
];

const ARCHES: Record<string, string[]> = {
  '1.2.2': ['amd64', 'arm64', 'armhf', 'i386'],
  '1.2.3': ['amd64', 'arm64', 'armel', 'armhf', 'i386', 'ppc64el', 's390x'],
  '1.2.5': ['amd64', 'arm64', 'armel', 'armhf', 'i386', 'ppc64el', 'riscv64', 's390x'],
};

function exportsOf(version: string, arch: string): ReadonlySet<string> {
  const set = muslExports(version, arch);
  if (set === null) throw new Error(`no table for musl ${version} ${arch}`);
  return set;
}

const calls = (...names: string[]): UndefinedSymbol[] =>
  names.map((symbol) => ({ symbol, version: '' }));

describe('muslExports', () => {
  it('has the three Debian floors, oldest first, each with its architectures', () => {
    expect(muslExportVersions()).toEqual(['1.2.2', '1.2.3', '1.2.5']);
    for (const [version, arches] of Object.entries(ARCHES))
      for (const arch of arches)
        expect(muslExports(version, arch), `${version} ${arch}`).not.toBeNull();
  });

  it.each(['amd64', 'arm64'])(
    'on %s: statx, preadv2, pwritev2, renameat2 are new in 1.2.5',
    (arch) => {
      for (const name of NEW_IN_125) {
        expect(exportsOf('1.2.3', arch).has(name), `${name} at 1.2.3`).toBe(false);
        expect(exportsOf('1.2.5', arch).has(name), `${name} at 1.2.5`).toBe(true);
      }
    },
  );

  it('has the common C library everywhere, a whole libc (over 1,500 names) each', () => {
    for (const [version, arches] of Object.entries(ARCHES))
      for (const arch of arches) {
        const set = exportsOf(version, arch);
        expect(set.size, `${version} ${arch}`).toBeGreaterThan(1500);
        for (const name of EVERYWHERE)
          expect(set.has(name), `${name} ${version} ${arch}`).toBe(true);
      }
  });

  it("exports the 32-bit ABIs' __*_time64 names on armhf, armel and i386 only", () => {
    for (const [version, arches] of Object.entries(ARCHES))
      for (const arch of arches) {
        const set = exportsOf(version, arch);
        const thirtyTwo = ['armhf', 'armel', 'i386'].includes(arch);
        for (const name of TIME64)
          expect(set.has(name), `${name} ${version} ${arch}`).toBe(thirtyTwo);
      }
  });

  it('differs by architecture where musl does: ARM EABI helpers, x86 port I/O, riscv64', () => {
    expect(exportsOf('1.2.3', 'armhf').has('__aeabi_memcpy')).toBe(true);
    expect(exportsOf('1.2.3', 'i386').has('__aeabi_memcpy')).toBe(false);
    expect(exportsOf('1.2.5', 'amd64').has('ioperm')).toBe(true);
    expect(exportsOf('1.2.5', 'arm64').has('ioperm')).toBe(false);
    expect(exportsOf('1.2.5', 'riscv64').has('riscv_flush_icache')).toBe(true);
    expect(exportsOf('1.2.5', 'amd64').has('riscv_flush_icache')).toBe(false);
  });

  it('follows Debian: crypt gone in bookworm (1.2.3-1), back in trixie; LFS64 names gone in 1.2.5', () => {
    expect(exportsOf('1.2.2', 'amd64').has('crypt')).toBe(true);
    expect(exportsOf('1.2.3', 'amd64').has('crypt')).toBe(false);
    expect(exportsOf('1.2.5', 'amd64').has('crypt')).toBe(true);
    expect(exportsOf('1.2.3', 'amd64').has('stat64')).toBe(true);
    expect(exportsOf('1.2.5', 'amd64').has('stat64')).toBe(false);
  });

  it('is null for a version or architecture the table lacks', () => {
    expect(muslExports('1.2.4', 'amd64')).toBeNull();
    expect(muslExports('1.2', 'amd64')).toBeNull();
    expect(muslExports('1.2.3', 'riscv64')).toBeNull();
    expect(muslExports('1.2.2', 'ppc64el')).toBeNull();
    expect(muslExports('1.2.5', 'x86_64')).toBeNull();
    expect(muslExports('1.2.5', 'mips64el')).toBeNull();
  });
});

describe('muslFloorCheck', () => {
  const check = (
    symbols: UndefinedSymbol[],
    musl: string,
    arch = 'amd64',
    needed = ['libc.so'],
  ) => {
    const r = muslFloorCheck({ symbols, needed, musl, arch });
    if (r === null) throw new Error(`no table for musl ${musl} ${arch}`);
    return r;
  };

  it('names what a binary built on 1.2.5 calls that 1.2.3 lacks, and since when it is there', () => {
    for (const arch of ['amd64', 'arm64']) {
      const r = check(calls('printf', 'statx', 'renameat2', 'getaddrinfo'), '1.2.3', arch);
      expect(r).toEqual({
        missing: [
          { symbol: 'renameat2', since: '1.2.5', exportedIn: ['1.2.5'] },
          { symbol: 'statx', since: '1.2.5', exportedIn: ['1.2.5'] },
        ],
        unjudged: [],
      });
      expect(check(calls('printf', 'statx', 'renameat2'), '1.2.5', arch).missing).toEqual([]);
    }
  });

  it('passes a binary that calls nothing newer than the floor', () => {
    expect(check(calls(...EVERYWHERE, 'pread', 'renameat'), '1.2.3').missing).toEqual([]);
    expect(check(calls(...EVERYWHERE), '1.2.2', 'armhf').missing).toEqual([]);
  });

  it("names a symbol exported before and after the floor but not by it (Debian's crypt)", () => {
    expect(check(calls('crypt'), '1.2.3').missing).toEqual([
      { symbol: 'crypt', since: '1.2.5', exportedIn: ['1.2.2', '1.2.5'] },
    ]);
  });

  it('says no release exports a glibc-only symbol', () => {
    expect(check(calls('__memcpy_chk', 'printf'), '1.2.5').missing).toEqual([
      { symbol: '__memcpy_chk', since: null, exportedIn: [] },
    ]);
  });

  it("never counts a weak reference: the start files' names, or any flagged weak", () => {
    const crt = [
      '__cxa_finalize',
      '_ITM_registerTMCloneTable',
      '_ITM_deregisterTMCloneTable',
      '__gmon_start__',
      '__deregister_frame_info',
      '__register_frame_info',
    ];
    // Not musl's (but __cxa_finalize): were they not taken as weak, they would be missing.
    const notMusl = crt.filter((n) => !exportsOf('1.2.2', 'amd64').has(n));
    expect(notMusl.length).toBeGreaterThanOrEqual(5);
    for (const n of crt) expect(WEAK_BY_CONVENTION).toContain(n);
    expect(check(calls(...crt, 'printf'), '1.2.2').missing).toEqual([]);
    const strong = crt.map((symbol) => ({ symbol, weak: false }));
    expect(check(strong, '1.2.2').missing.map((m) => m.symbol)).toEqual([...notMusl].sort());
    expect(check([{ symbol: 'statx', weak: true }], '1.2.3').missing).toEqual([]);
  });

  it("binds an LFS64 name through 1.2.5's loader only where the plain name is exported", () => {
    expect(check(calls('stat64', 'fopen64', 'readdir64_r'), '1.2.5').missing).toEqual([]);
    expect(check(calls('stat64'), '1.2.3').missing).toEqual([]);
    // Every alias's name is exported on every 1.2.5 architecture (__xstat newly on the 32-bit
    // ones), so each binds there; a name ending in 64 that is no alias binds nothing.
    for (const arch of ARCHES['1.2.5'] ?? [])
      expect(check(calls('__xstat64', 'lseek64'), '1.2.5', arch).missing, arch).toEqual([]);
    expect(exportsOf('1.2.5', 'i386').has('__xstat64')).toBe(false);
    expect(check(calls('nosuch64'), '1.2.5').missing.map((m) => m.symbol)).toEqual(['nosuch64']);
  });

  it("leaves versioned imports to the version rules (another library's: musl has no versions)", () => {
    const symbols = [
      { symbol: '_ZSt4cout', version: 'GLIBCXX_3.4' },
      { symbol: '_Unwind_Resume', version: 'GCC_3.0' },
      { symbol: '_ZdlPv', version: '' },
    ];
    const r = check(symbols, '1.2.3', 'amd64', ['libstdc++.so.6', 'libgcc_s.so.1', 'libc.so']);
    expect(r.missing.map((m) => m.symbol)).toEqual(['_ZdlPv']);
  });

  it("lists the NEEDED it cannot see into, not musl's own, and still names the candidates", () => {
    const needed = [
      'libz.so.1',
      'libc.so',
      'libc.musl-x86_64.so.1',
      'ld-musl-x86_64.so.1',
      'libstdc++.so.6',
      'libz.so.1',
    ];
    const r = check(calls('deflate', 'statx', 'printf'), '1.2.3', 'amd64', needed);
    expect(r.unjudged).toEqual(['libstdc++.so.6', 'libz.so.1']);
    expect(r.missing).toEqual([
      { symbol: 'deflate', since: null, exportedIn: [] },
      { symbol: 'statx', since: '1.2.5', exportedIn: ['1.2.5'] },
    ]);
    expect(check(calls('printf'), '1.2.3', 'arm64', ['libc.musl-aarch64.so.1']).unjudged).toEqual(
      [],
    );
    // Another architecture's musl is not this one's.
    expect(check(calls('printf'), '1.2.3', 'arm64', ['libc.musl-x86_64.so.1']).unjudged).toEqual([
      'libc.musl-x86_64.so.1',
    ]);
  });

  it('is null for a floor or architecture the table lacks', () => {
    const input = { symbols: calls('printf'), needed: ['libc.so'] };
    expect(muslFloorCheck({ ...input, musl: '1.2.4', arch: 'amd64' })).toBeNull();
    expect(muslFloorCheck({ ...input, musl: '1.2.3', arch: 'riscv64' })).toBeNull();
    expect(muslFloorCheck({ ...input, musl: '1.2.3', arch: 'sparc64' })).toBeNull();
  });
});
