/** Which mirrors to try: the host's apt sources as GitHub's runner images write them. */
import { describe, expect, it } from 'vitest';
import { parseAptSources } from '../../src/domain/toolchain/apt-sources.js';
import {
  archiveSources,
  candidateMirrors,
  checkMirrorUri,
  mirrorListLocation,
  orderMirrorList,
  parseMirrorList,
} from '../../src/domain/toolchain/mirrors.js';

// ubuntu-24.04: configure-apt-sources.sh rewrites the archive URI to the mirror list, and only
// the security suite keeps a plain URI (host names replaced by placeholders).
const NOBLE_SOURCES = `Types: deb
URIs: mirror+file:/etc/apt/apt-mirrors.txt
Suites: noble noble-updates noble-backports
Components: main restricted universe multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

Types: deb
URIs: http://security.example/ubuntu/
Suites: noble-security
Components: main restricted universe multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
`;

// ubuntu-22.04: one-line sources.list with the same rewrite, no Signed-By.
const JAMMY_LIST = `deb mirror+file:/etc/apt/apt-mirrors.txt jammy main restricted
deb mirror+file:/etc/apt/apt-mirrors.txt jammy-updates main restricted
deb http://security.example/ubuntu/ jammy-security main restricted
`;

// As the image script writes it: printf "http://…/ubuntu/\tpriority:N\n" three times.
const MIRRORS_TXT =
  'http://archive-b.example/ubuntu/\tpriority:2\n' +
  'http://security.example/ubuntu/\tpriority:3\n' +
  'http://azure.example/ubuntu/\tpriority:1\n';

const DEBIAN = `Types: deb
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

describe('the host archive', () => {
  it('is the mirror list on ubuntu-24.04 (deb822), with its keyring', () => {
    const entries = parseAptSources([
      { path: '/etc/apt/sources.list.d/ubuntu.sources', text: NOBLE_SOURCES },
    ]);
    expect(archiveSources(entries, 'noble')).toEqual([
      {
        kind: 'list',
        location: '/etc/apt/apt-mirrors.txt',
        keyring: '/usr/share/keyrings/ubuntu-archive-keyring.gpg',
        origin: '/etc/apt/sources.list.d/ubuntu.sources',
      },
    ]);
  });

  it('is the mirror list on ubuntu-22.04 (one-line), once per entry naming the suite', () => {
    const entries = parseAptSources([{ path: '/etc/apt/sources.list', text: JAMMY_LIST }]);
    const sources = archiveSources(entries, 'jammy');
    expect(sources).toEqual([
      {
        kind: 'list',
        location: '/etc/apt/apt-mirrors.txt',
        keyring: null,
        origin: '/etc/apt/sources.list',
      },
    ]);
  });

  it('is a plain URI on Debian, not -security; the suite must be listed', () => {
    const entries = parseAptSources([
      { path: '/etc/apt/sources.list.d/debian.sources', text: DEBIAN },
    ]);
    expect(archiveSources(entries, 'bookworm')).toEqual([
      {
        kind: 'uri',
        uri: 'http://mirror.example/debian',
        keyring: '/usr/share/keyrings/debian-archive-keyring.gpg',
      },
    ]);
    const none = archiveSources(entries, 'trixie');
    expect(none).toHaveProperty('error');
    if ('error' in none) {
      expect(none.error).toContain('"trixie"');
      expect(none.error).toContain(
        'http://mirror.example/debian-security (deb: bookworm-security)',
      );
    }
  });

  it('drops an inline Signed-By key block (only a keyring file can be handed to apt)', () => {
    const inline = DEBIAN.replace(
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      'Signed-By:\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n abc\n -----END PGP PUBLIC KEY BLOCK-----',
    );
    const [first] = archiveSources(
      parseAptSources([{ path: 'x.sources', text: inline }]),
      'bookworm',
    ) as { keyring: string | null }[];
    expect(first?.keyring).toBeNull();
  });

  it('reads every spelling of apt mirror-list URIs', () => {
    expect(mirrorListLocation('mirror+file:/etc/apt/apt-mirrors.txt')).toBe(
      '/etc/apt/apt-mirrors.txt',
    );
    expect(mirrorListLocation('mirror+file:///etc/apt/m.txt')).toBe('/etc/apt/m.txt');
    expect(mirrorListLocation('mirror://mirrors.example/list.txt')).toBe(
      'http://mirrors.example/list.txt',
    );
    expect(mirrorListLocation('mirror+https://mirrors.example/l')).toBe(
      'https://mirrors.example/l',
    );
    expect(mirrorListLocation('http://mirror.example/debian')).toBeNull();
  });
});

describe('a mirror list', () => {
  it('is tried lowest priority first, as apt does, whatever the file order', () => {
    const order = orderMirrorList(parseMirrorList(MIRRORS_TXT), {
      codename: 'focal',
      arch: 'amd64',
    });
    expect(order).toEqual([
      'http://azure.example/ubuntu',
      'http://archive-b.example/ubuntu',
      'http://security.example/ubuntu',
    ]);
  });

  it('puts mirrors without a priority last, skips comments, and honours arch and codename limits', () => {
    const text = [
      '# comment',
      'http://any.example/ubuntu',
      'http://arm-only.example/ubuntu-ports/\tpriority:1 arch:arm64',
      'http://focal-only.example/ubuntu/\tpriority:2\tcodename:focal',
      'http://jammy-only.example/ubuntu/\tpriority:1 codename:jammy',
      'ftp://old.example/ubuntu\tpriority:0',
      '',
    ].join('\n');
    const list = parseMirrorList(text);
    expect(list).toHaveLength(5);
    expect(orderMirrorList(list, { codename: 'focal', arch: 'amd64' })).toEqual([
      'http://focal-only.example/ubuntu',
      'http://any.example/ubuntu',
    ]);
    expect(orderMirrorList(list, { codename: 'jammy', arch: 'arm64' })).toEqual([
      'http://arm-only.example/ubuntu-ports',
      'http://jammy-only.example/ubuntu',
      'http://any.example/ubuntu',
    ]);
  });
});

describe('the candidates', () => {
  it('are the user mirrors first, each once, checked with the host archive keyring', () => {
    const host = [
      { uri: 'http://azure.example/ubuntu', keyring: '/k.gpg' },
      { uri: 'http://archive.example/ubuntu', keyring: '/k.gpg' },
    ];
    expect(
      candidateMirrors(['http://proxy.example/ubuntu/', 'http://archive.example/ubuntu'], host),
    ).toEqual([
      { uri: 'http://proxy.example/ubuntu', keyring: '/k.gpg' },
      { uri: 'http://archive.example/ubuntu', keyring: '/k.gpg' },
      { uri: 'http://azure.example/ubuntu', keyring: '/k.gpg' },
    ]);
  });

  it('a user mirror must be an http(s) archive root', () => {
    expect(checkMirrorUri('http://archive.example/debian')).toBeNull();
    expect(checkMirrorUri('https://proxy.example:8443/debian/')).toBeNull();
    expect(checkMirrorUri('mirror+file:/etc/apt/m.txt')).toMatch(/not an http\(s\) URI/);
    expect(checkMirrorUri('archive.example/debian')).toMatch(/not an http\(s\) URI/);
    expect(checkMirrorUri('http://a b/debian')).toMatch(/not an http\(s\) URI/);
  });
});
