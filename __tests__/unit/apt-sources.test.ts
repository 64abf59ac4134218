import { describe, expect, it } from 'vitest';
import {
  checkEntries,
  parseDebContents,
  parseDebFilename,
  parseDeb822Sources,
  parseDependsField,
  parseOneLineSources,
  parsePrintUris,
  parseStanzas,
  releaseArchitectures,
} from '../../src/domain/toolchain/apt-sources.js';

// Captured from a Debian 12 host (mirror host name replaced by a placeholder).
const DEB822 = `Types: deb
# http://snapshot.example/archive/debian/20250520T000000Z
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.example/archive/debian-security/20250520T000000Z
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

const ONE_LINE = `# deb cdrom:[Debian GNU/Linux 11]/ bullseye main
deb [arch=amd64 signed-by=/etc/apt/keyrings/k.gpg] http://mirror.example/debian/ bullseye main contrib # c
deb-src http://mirror.example/debian bullseye main
deb http://security.example/debian-security bullseye-security main
`;

const PRINT_URIS = `'http://mirror.example/debian/pool/main/c/cross-toolchain-base/libc6-dev-arm64-cross_2.31-9cross4_all.deb' libc6-dev-arm64-cross_2.31-9cross4_all.deb 2029548 SHA256:4b88456f6913474587be547a865c6b42756b2031ca11ddf6285ea6ff4275a48d
'http://mirror.example/debian/pool/main/g/gcc-defaults/gcc-aarch64-linux-gnu_4%3a10.2.1-1_amd64.deb' gcc-aarch64-linux-gnu_4%3a10.2.1-1_amd64.deb 1460 SHA256:1f61105032f9c8cbc9439ad42353416bfadc1409674eb56b1781e3bb9611a01f
'http://mirror.example/debian/pool/main/g/glibc/libc6-dev_2.31-13%2bdeb11u11_amd64.deb' libc6-dev_2.31-13+deb11u11_amd64.deb 2361268 SHA256:e7f7b45d9c5cfcf37609f0b6efd3c645272c812144703af89dfd32218fcb2af0
W: some warning
`;

const SHOW = `Package: gcc-aarch64-linux-gnu
Source: gcc-defaults (1.190)
Version: 4:10.2.1-1
Architecture: amd64
Depends: cpp-aarch64-linux-gnu (= 4:10.2.1-1), gcc-10-aarch64-linux-gnu (>= 10.2.1-3~)
Recommends: libc6-dev-arm64-cross | libc-dev-arm64-cross
Description: GNU C compiler for the arm64 architecture
 This is the GNU C compiler,
 .
 a second paragraph.
Filename: pool/main/g/gcc-defaults/gcc-aarch64-linux-gnu_10.2.1-1_amd64.deb
Size: 1460
`;

// Real `dpkg-deb --contents` lines (binutils-aarch64-linux-gnu, libc6-dev) and a crafted package.
const CONTENTS = `drwxr-xr-x root/root         0 2021-02-20 15:38 ./
drwxr-xr-x root/root         0 2021-02-20 15:38 ./usr/
drwxr-xr-x root/root         0 2021-02-20 15:38 ./usr/aarch64-linux-gnu/bin/
-rwxr-xr-x root/root   1906008 2021-02-20 15:38 ./usr/bin/aarch64-linux-gnu-ld.bfd
lrwxrwxrwx root/root         0 2021-02-20 15:38 ./usr/aarch64-linux-gnu/bin/ar -> ../../bin/aarch64-linux-gnu-ar
lrwxrwxrwx root/root         0 2024-08-15 09:21 ./usr/lib/x86_64-linux-gnu/libresolv.so -> /lib/x86_64-linux-gnu/libresolv.so.2
-rw-r--r-- root/root         5 2020-09-13 12:26 ./ok file.txt
hrw-r--r-- root/root         0 2020-09-13 12:26 ./hl link to ./ok file.txt
-rw-r--r-- root/root         1 2020-09-13 12:26 ./odd\\nname
`;

const HOSTILE = `lrw-r--r-- root/root         0 2020-09-13 12:26 ./x -> ../../../../etc/passwd
-rw-r--r-- root/root         3 2020-09-13 12:26 ../escape
-rw-r--r-- root/root         3 2020-09-13 12:26 /abs/path
crw-r--r-- root/root       1,3 2020-09-13 12:26 ./dev/null
prw-r--r-- root/root         0 2020-09-13 12:26 ./fifo
lrwxrwxrwx root/root         0 2020-09-13 12:26 ./etc -> /etc
-rw-r--r-- root/root         3 2020-09-13 12:26 ./etc/passwd
hrw-r--r-- root/root         0 2020-09-13 12:26 ./h link to ../outside
hrw-r--r-- root/root         0 2020-09-13 12:26 ./h2 link to ./etc/shadow
lrwxrwxrwx root/root         0 2020-09-13 12:26 ./a -> b -> c
`;

describe('apt sources', () => {
  it('parses deb822 stanzas with comments', () => {
    const entries = parseDeb822Sources(DEB822, 'debian.sources');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      types: ['deb'],
      uris: ['http://mirror.example/debian'],
      suites: ['bookworm', 'bookworm-updates'],
      components: ['main'],
      signedBy: '/usr/share/keyrings/debian-archive-keyring.gpg',
      enabled: true,
      origin: 'debian.sources',
    });
    expect(
      parseDeb822Sources('Types: deb\nURIs: http://a/\nSuites: x\nEnabled: no\n')[0]?.enabled,
    ).toBe(false);
  });

  it('parses one-line sources with options and comments', () => {
    const entries = parseOneLineSources(ONE_LINE, 'sources.list');
    expect(entries.map((e) => [e.types[0], e.uris[0], e.suites[0], e.signedBy])).toEqual([
      ['deb', 'http://mirror.example/debian/', 'bullseye', '/etc/apt/keyrings/k.gpg'],
      ['deb-src', 'http://mirror.example/debian', 'bullseye', null],
      ['deb', 'http://security.example/debian-security', 'bullseye-security', null],
    ]);
    expect(entries[0]?.components).toEqual(['main', 'contrib']);
  });

  it('parses print-uris lines, skipping anything else', () => {
    const uris = parsePrintUris(PRINT_URIS);
    expect(uris).toHaveLength(3);
    expect(uris[1]).toEqual({
      url: 'http://mirror.example/debian/pool/main/g/gcc-defaults/gcc-aarch64-linux-gnu_4%3a10.2.1-1_amd64.deb',
      filename: 'gcc-aarch64-linux-gnu_4%3a10.2.1-1_amd64.deb',
      size: 1460,
      sha256: '1f61105032f9c8cbc9439ad42353416bfadc1409674eb56b1781e3bb9611a01f',
    });
    expect(parseDebFilename(uris[1]?.filename ?? '')).toEqual({
      name: 'gcc-aarch64-linux-gnu',
      version: '4:10.2.1-1',
      arch: 'amd64',
    });
    expect(parseDebFilename(uris[2]?.filename ?? '')?.version).toBe('2.31-13+deb11u11');
  });

  it('parses apt-cache show stanzas and Depends', () => {
    const [stanza] = parseStanzas(SHOW);
    expect(stanza?.get('version')).toBe('4:10.2.1-1');
    expect(stanza?.get('description')).toContain('\n\na second paragraph.');
    expect(parseDependsField(stanza?.get('depends') ?? '')).toEqual([
      ['cpp-aarch64-linux-gnu'],
      ['gcc-10-aarch64-linux-gnu'],
    ]);
    expect(parseDependsField('libc6 (>= 2.14), a:any | b [amd64], c<!nocheck>')).toEqual([
      ['libc6'],
      ['a', 'b'],
      ['c'],
    ]);
  });
});

describe('package contents', () => {
  it('parses files, dirs, symlinks, hardlinks and escaped names', () => {
    const entries = parseDebContents(CONTENTS);
    expect(entries).toHaveLength(9);
    expect(entries[4]).toEqual({
      path: './usr/aarch64-linux-gnu/bin/ar',
      type: 'symlink',
      linkTarget: '../../bin/aarch64-linux-gnu-ar',
    });
    expect(entries[7]).toEqual({ path: './hl', type: 'hardlink', linkTarget: './ok file.txt' });
    expect(entries[6]).toEqual({ path: './ok file.txt', type: 'file', linkTarget: null });
    expect(entries[8]?.path).toBe('./odd\nname');
    expect(checkEntries(entries)).toEqual([]);
  });

  it('reports every hostile entry', () => {
    const problems = checkEntries(parseDebContents(HOSTILE));
    expect(problems).toEqual([
      './x: symlink to ../../../../etc/passwd leaves the root',
      '../escape: path contains ".."',
      '/abs/path: absolute path',
      './dev/null: device, fifo or unrecognised entry',
      './fifo: device, fifo or unrecognised entry',
      './etc/passwd: written through the symlink etc',
      './h: hardlink to ../outside leaves the root',
      './h2: hardlink to ./etc/shadow goes through a symlink',
      './a -> b -> c: ambiguous symlink entry',
    ]);
  });

  it('accepts a relative symlink that stays inside and an absolute one', () => {
    const text = `lrwxrwxrwx root/root 0 2021-01-01 00:00 ./usr/lib/a -> ../../x\nlrwxrwxrwx root/root 0 2021-01-01 00:00 ./b -> /lib/y\n`;
    expect(checkEntries(parseDebContents(text))).toEqual([]);
    const out = `lrwxrwxrwx root/root 0 2021-01-01 00:00 ./usr/lib/a -> ../../../x\n`;
    expect(checkEntries(parseDebContents(out))).toHaveLength(1);
    expect(checkEntries(parseDebContents('garbage line\n'))).toHaveLength(1);
  });
});

describe("a suite's Release", () => {
  it('lists its architectures, inside the clear-signed text, or none', () => {
    const inRelease = `-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA512

Origin: Debian
Suite: oldstable
Codename: bullseye
Architectures: all amd64 arm64 armel armhf i386 mips64el mipsel ppc64el s390x
Components: main contrib non-free
`;
    expect(releaseArchitectures(inRelease)).toEqual([
      'all',
      'amd64',
      'arm64',
      'armel',
      'armhf',
      'i386',
      'mips64el',
      'mipsel',
      'ppc64el',
      's390x',
    ]);
    expect(releaseArchitectures('Origin: flat\nLabel: x\n')).toBeNull();
  });
});
