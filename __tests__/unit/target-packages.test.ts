/**
 * The target's packages for the sysroot (which of apt's resolution to extract) and the Depends
 * line of what a binary needs of them, on stanzas and control files recorded from bullseye's
 * arm64 libpcap0.8, libssl1.1 and zlib1g.
 */
import { describe, expect, it } from 'vitest';
import { parseStanzas } from '../../src/domain/toolchain/apt-sources.js';
import { compareDebianVersions } from '../../src/domain/toolchain/debian-version.js';
import {
  dependsLine,
  dependsOutput,
  parseShlibsFile,
  parseSymbolsFile,
  type SharedLibrary,
} from '../../src/domain/toolchain/shlibs.js';
import {
  parsePackageList,
  stanzaOf,
  targetClosure,
  type Stanza,
} from '../../src/domain/toolchain/target-packages.js';

const STANZAS = `Package: libpcap-dev
Version: 1.10.0-2
Architecture: arm64
Depends: libpcap0.8-dev
Multi-Arch: same

Package: libpcap0.8-dev
Version: 1.10.0-2
Architecture: arm64
Depends: libc6-dev, libdbus-1-dev, libpcap0.8 (= 1.10.0-2)
Multi-Arch: same

Package: libpcap0.8
Version: 1.10.0-2
Architecture: arm64
Depends: libc6 (>= 2.17), libdbus-1-3 (>= 1.9.14)
Multi-Arch: same

Package: libdbus-1-dev
Version: 1.12.28-0+deb11u1
Architecture: arm64
Depends: libdbus-1-3 (= 1.12.28-0+deb11u1), pkg-config
Multi-Arch: same

Package: libdbus-1-3
Version: 1.12.28-0+deb11u1
Architecture: arm64
Depends: libc6 (>= 2.17), libsystemd0
Multi-Arch: same

Package: libsystemd0
Version: 247.3-7+deb11u5
Architecture: arm64
Pre-Depends: libc6 (>= 2.28), libgcrypt20 (>= 1.8.0) | libgcrypt-virtual
Multi-Arch: same

Package: libgcrypt20
Version: 1.8.7-6
Architecture: arm64
Depends: libc6 (>= 2.25)
Provides: libgcrypt-virtual
Multi-Arch: same

Package: pkg-config
Version: 0.29.2-1
Architecture: arm64
Depends: libc6 (>= 2.17), libdpkg-perl
Multi-Arch: foreign

Package: libdpkg-perl
Version: 1.20.13
Architecture: all
Depends: perl, dpkg (>= 1.18.11)
Multi-Arch: foreign

Package: dpkg
Version: 1.20.13
Architecture: arm64
Essential: yes
Pre-Depends: libc6 (>= 2.17), tar
Multi-Arch: foreign

Package: libc6
Version: 2.31-13+deb11u11
Architecture: arm64
Depends: libgcc-s1, libcrypt1
Multi-Arch: same

Package: libx11-dev
Version: 2:1.7.2-1+deb11u2
Architecture: arm64
Depends: libx11-6 (= 2:1.7.2-1+deb11u2), x11proto-dev (>= 2018.4), shared-mime-info, python3:any
Multi-Arch: same

Package: shared-mime-info
Version: 2.0-1
Architecture: arm64
Depends: libc6 (>= 2.17), libglib2.0-0 (>= 2.35.9), libxml2 (>= 2.7.4), pkg-config
Multi-Arch: foreign

Package: python3
Version: 3.9.2-3
Architecture: arm64
Depends: python3.9 (>= 3.9.2-0~)
Multi-Arch: allowed

Package: libx11-6
Version: 2:1.7.2-1+deb11u2
Architecture: arm64
Depends: libc6 (>= 2.28), libx11-data, debconf (>= 0.5) | debconf-2.0
Multi-Arch: same

Package: libx11-data
Version: 2:1.7.2-1+deb11u2
Architecture: all
Multi-Arch: foreign

Package: debconf
Version: 1.5.77
Architecture: all
Depends: perl-base (>= 5.20.1-3~)
Multi-Arch: foreign

Package: x11proto-dev
Version: 2020.1-1
Architecture: all
Depends: xorg-sgml-doctools (>= 1:1.5)
Multi-Arch: foreign

Package: xorg-sgml-doctools
Version: 1:1.11-1.1
Architecture: all
Multi-Arch: foreign

Package: libc6-dev
Version: 2.31-13+deb11u11
Architecture: arm64
Depends: libc6 (= 2.31-13+deb11u11), libc-dev-bin (= 2.31-13+deb11u11), linux-libc-dev, libcrypt-dev, libnsl-dev
Multi-Arch: same
`;

const stanzas = parseStanzas(STANZAS)
  .map(stanzaOf)
  .filter((s): s is Stanza => s !== null);

describe('the target packages to extract', () => {
  it('are the requested ones and the libraries they need, not the sysroot nor tools', () => {
    const r = targetClosure(['libpcap-dev'], stanzas);
    expect('packages' in r ? r.packages.map((p) => `${p.name}=${p.version}`) : r).toEqual([
      'libdbus-1-3=1.12.28-0+deb11u1',
      'libdbus-1-dev=1.12.28-0+deb11u1',
      'libgcrypt20=1.8.7-6',
      'libpcap-dev=1.10.0-2',
      'libpcap0.8=1.10.0-2',
      'libpcap0.8-dev=1.10.0-2',
      'libsystemd0=247.3-7+deb11u5',
    ]);
  });

  it("take what a -dev package needs for its headers and pkg-config files, not a library's data nor interpreters", () => {
    const r = targetClosure(['libx11-dev'], stanzas);
    // x11proto-dev has kbproto.pc and shared-mime-info shared-mime-info.pc, which pkg-config needs;
    // libx11-6's data and debconf are not needed to build, shared-mime-info's pkg-config and
    // python3 (`:any`) are tools.
    expect('packages' in r ? r.packages.map((p) => p.name) : r).toEqual([
      'libx11-6',
      'libx11-dev',
      'shared-mime-info',
      'x11proto-dev',
      'xorg-sgml-doctools',
    ]);
  });

  it('name a package apt did not resolve', () => {
    expect(targetClosure(['libfoo-dev'], stanzas)).toEqual({
      error: 'apt resolved no package libfoo-dev',
    });
  });
});

describe('the packages input', () => {
  it('takes commas and lines, sorted and without repeats', () => {
    expect(parsePackageList(['libsqlite3-dev, libpcap-dev\nlibpcap-dev', ''])).toEqual({
      names: ['libpcap-dev', 'libsqlite3-dev'],
    });
  });
  it('refuses an architecture, a version or the sysroot’s own packages', () => {
    expect(parsePackageList(['libpcap-dev:arm64'])).toMatchObject({
      error: expect.stringMatching(/^not a Debian package name: "libpcap-dev:arm64"/) as string,
    });
    expect(parsePackageList(['libc6-dev'])).toMatchObject({
      error: expect.stringMatching(
        /^libc6-dev is part of the toolchain's sysroot already/,
      ) as string,
    });
  });
});

describe('Debian versions', () => {
  it.each([
    ['1.0.0', '0.9.8', 1],
    ['1:1.2.0.2', '1.2.11', 1],
    ['1.1.1w', '1.1.1', 1],
    ['2.31-13+deb11u11', '2.31-13+deb11u2', 1],
    ['1.0~rc1', '1.0', -1],
    ['1.10.0-2', '1.10.0-2', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareDebianVersions(a, b))).toBe(sign);
  });
});

describe('the Depends line', () => {
  const [pcapSymbols] = parseSymbolsFile(
    [
      'libpcap.so.0.8 libpcap0.8 #MINVER#',
      '* Build-Depends-Package: libpcap-dev',
      ' pcap_activate@Base 1.0.0',
      ' pcap_create@Base 1.0.0',
      ' pcap_lib_version@Base 0.9.8',
      ' pcap_open_live@Base 0.9.8',
    ].join('\n'),
  );
  if (pcapSymbols === undefined) throw new Error('no symbols parsed');
  const pcap: SharedLibrary = {
    soname: 'libpcap.so.0.8',
    package: 'libpcap0.8',
    version: '1.10.0-2',
    template: pcapSymbols.template,
    symbols: pcapSymbols.symbols,
    smallest: pcapSymbols.smallest,
    shlibs: null,
  };
  const shlibs = parseShlibsFile(
    'libcrypto 1.1 libssl1.1 (>= 1.1.1w)\nlibssl 1.1 libssl1.1 (>= 1.1.1w)\nudeb: libssl 1.1 libssl1.1-udeb (>= 1.1.1w)\n',
  );
  const ssl: SharedLibrary = {
    soname: 'libssl.so.1.1',
    package: 'libssl1.1',
    version: '1.1.1w-0+deb11u1',
    template: null,
    symbols: new Map(),
    shlibs: shlibs.get('libssl.so.1.1') ?? null,
  };

  it('takes the highest minimum of the symbols the binary uses', () => {
    const line = dependsLine({
      needed: ['libpcap.so.0.8', 'libc.so.6'],
      symbols: [
        { symbol: 'pcap_open_live', version: '' },
        { symbol: 'pcap_lib_version', version: '' },
        { symbol: 'malloc', version: 'GLIBC_2.17' },
      ],
      glibc: '2.17',
      libraries: [pcap],
    });
    expect(line).toBe('libc6 (>= 2.17), libpcap0.8 (>= 0.9.8)');
  });

  it('asks for 1.0.0 once pcap_create is used, and takes shlibs where no symbols file is', () => {
    const line = dependsLine({
      needed: ['libssl.so.1.1', 'libpcap.so.0.8', 'libc.so.6'],
      symbols: [{ symbol: 'pcap_create', version: '' }],
      glibc: '2.34',
      libraries: [pcap, ssl],
    });
    expect(line).toBe('libc6 (>= 2.34), libssl1.1 (>= 1.1.1w), libpcap0.8 (>= 1.0.0)');
  });

  it('reads the shlibs file without the udeb lines', () => {
    expect([...shlibs.entries()].filter(([k]) => k.endsWith('.so.1.1'))).toEqual([
      ['libcrypto.so.1.1', 'libssl1.1 (>= 1.1.1w)'],
      ['libssl.so.1.1', 'libssl1.1 (>= 1.1.1w)'],
    ]);
  });
});

describe('the Depends line, as dpkg-shlibdeps starts and raises it', () => {
  /** bookworm's libelf1 symbols file, abridged: smallest 0.131, elf32_getchdr 0.165. */
  const ELF = [
    'libelf.so.1 libelf1 #MINVER#',
    ' ELFUTILS_1.0@ELFUTILS_1.0 0.131',
    ' ELFUTILS_1.7@ELFUTILS_1.7 0.165',
    ' elf32_getchdr@ELFUTILS_1.7 0.165',
    ' elf_begin@ELFUTILS_1.0 0.131',
    ' elf_version@ELFUTILS_1.0 0.131',
  ].join('\n');
  const library = (text: string, soname: string, pkg: string): SharedLibrary => {
    const entry = parseSymbolsFile(text).find((e) => e.soname === soname);
    if (entry === undefined) throw new Error(`no ${soname}`);
    return { ...entry, package: pkg, version: '1', shlibs: null };
  };
  const elf = library(ELF, 'libelf.so.1', 'libelf1');

  it('gives a library linked but unused the smallest version of its symbols (libelf1 (>= 0.131))', () => {
    const line = dependsLine({
      needed: ['libelf.so.1', 'libc.so.6'],
      symbols: [{ symbol: 'malloc', version: 'GLIBC_2.17' }],
      glibc: '2.17',
      libraries: [elf],
    });
    expect(line).toBe('libc6 (>= 2.17), libelf1 (>= 0.131)');
  });

  it('raises it by the symbols used, each in the first NEEDED library that lists it', () => {
    const other = library(
      'libother.so.1 libother1 #MINVER#\n elf32_getchdr@ELFUTILS_1.7 9.0\n other@Base 2.0',
      'libother.so.1',
      'libother1',
    );
    const line = dependsLine({
      needed: ['libelf.so.1', 'libother.so.1'],
      symbols: [{ symbol: 'elf32_getchdr', version: 'ELFUTILS_1.7' }],
      glibc: null,
      libraries: [elf, other],
    });
    expect(line).toBe('libelf1 (>= 0.165), libother1 (>= 2.0)');
  });

  it('reads alternatives, dep_ids, a 0 minimum, missing symbols and patterns as dpkg does', () => {
    const text = [
      'libx.so.6 libx6 #MINVER#',
      '| libx6 (>> 2.36), libx6 (<< 2.37)',
      '* Build-Depends-Package: libx-dev',
      ' private@X_PRIVATE 0 1',
      ' old@X_1 1.5',
      '#MISSING: 2.0# gone@X_0 0.5',
      ' (c++)"ns::f()@Base" 0.1',
      ' (symver|optional)X_0 0.2',
      ' (optional)kept@X_1 1.6',
    ].join('\n');
    const [entry] = parseSymbolsFile(text);
    expect(entry?.alternatives).toEqual(['libx6 (>> 2.36), libx6 (<< 2.37)']);
    // The missing symbol counts for the smallest version; the patterns do not.
    expect(entry?.smallest).toBe('0.5');
    expect([...(entry?.symbols.keys() ?? [])]).toEqual([
      'private@X_PRIVATE',
      'old@X_1',
      'kept@X_1',
    ]);
    const x = library(text, 'libx.so.6', 'libx6');
    const needs = (symbols: { symbol: string; version: string }[]): string =>
      dependsLine({ needed: ['libx.so.6'], symbols, glibc: null, libraries: [x] });
    expect(needs([])).toBe('libx6 (>= 0.5)');
    expect(needs([{ symbol: 'gone', version: 'X_0' }])).toBe('libx6 (>= 0.5)');
    expect(needs([{ symbol: 'kept', version: 'X_1' }])).toBe('libx6 (>= 1.6)');
    expect(needs([{ symbol: 'private', version: 'X_PRIVATE' }])).toBe(
      'libx6 (>= 0.5), libx6 (>> 2.36), libx6 (<< 2.37)',
    );
    const zero = library('libz0.so.1 libz0 #MINVER#\n a@Base 0', 'libz0.so.1', 'libz0');
    expect(
      dependsLine({ needed: ['libz0.so.1'], symbols: [], glibc: null, libraries: [zero] }),
    ).toBe('libz0');
  });
});

describe('the depends output', () => {
  it('is the plain value for one target, a map of each target’s own for several', () => {
    expect(
      dependsOutput([{ target: 'linux/amd64', depends: ['libc6 (>= 2.14)', 'libc6 (>= 2.3)'] }]),
    ).toBe('libc6 (>= 2.14)');
    expect(
      JSON.parse(
        dependsOutput([
          { target: 'linux/amd64', depends: ['libc6 (>= 2.14), libelf1 (>= 0.131)'] },
          { target: 'linux/arm64', depends: ['libc6 (>= 2.17), libelf1 (>= 0.131)'] },
        ]),
      ),
    ).toEqual({
      'linux/amd64': 'libc6 (>= 2.14), libelf1 (>= 0.131)',
      'linux/arm64': 'libc6 (>= 2.17), libelf1 (>= 0.131)',
    });
  });
});
