/** The SBOM document (domain/sbom): purls, origins, linkage, licences, and CycloneDX 1.6's schema. */
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { parseVerifyArgs } from '../../src/cli/verify-args.js';
import { buildSbom, type SbomToolchain } from '../../src/domain/sbom/bom.js';
import { copyrightLicences } from '../../src/domain/sbom/copyright.js';
import { staticInputs } from '../../src/domain/sbom/origin.js';
import { debPurl, npmPurl } from '../../src/domain/sbom/purl.js';
import type { LockedPackage } from '../../src/domain/toolchain/lockfile.js';
import { cyclonedxErrors } from '../setup/cyclonedx.js';

const pkg = (name: string, version: string, arch: string): LockedPackage => ({
  name,
  version,
  arch,
  filename: `pool/main/x/${name}_${version}_${arch}.deb`,
  size: 1,
  sha256: 'a'.repeat(64),
});

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: libpcap

Files: *
Copyright: The Tcpdump Group
License: BSD-3-clause

Files: debian/*
License: GPL-2+
`;

const chain: SbomToolchain = {
  key: 'linux/arm64 glibc-2.31 gcc host-amd64 packages-libpcap-dev',
  release: 'debian/bullseye',
  contentHash: '0123456789ab',
  packages: [
    pkg('libc6-arm64-cross', '2.31-9cross4', 'all'),
    pkg('libc6-dev-arm64-cross', '2.31-9cross4', 'all'),
    pkg('libstdc++6-arm64-cross', '10.2.1-6cross1', 'all'),
    pkg('libpcap0.8', '1.10.0-2', 'arm64'),
    pkg('libpcap0.8-dev', '1.10.0-2', 'arm64'),
  ],
  npm: null,
  licences: new Map([
    ['libpcap0.8', copyrightLicences(DEP5)],
    ['libc6-arm64-cross', copyrightLicences('This is the GNU C library.\n\nLicense: LGPL\n')],
  ]),
};

type Component = {
  'bom-ref': string;
  name: string;
  purl?: string;
  licenses?: unknown[];
  properties?: { name: string; value: string }[];
};
const props = (c: Component, name: string): string[] =>
  (c.properties ?? []).filter((p) => p.name === `cgo-abi-guard:${name}`).map((p) => p.value);

describe('purls', () => {
  it('percent-encodes names and versions and sorts the qualifiers', () => {
    const bullseye = { distro: 'debian', codename: 'bullseye' };
    expect(debPurl(pkg('libstdc++6', '1:10.2+x', 'arm64'), bullseye)).toBe(
      'pkg:deb/debian/libstdc%2B%2B6@1%3A10.2%2Bx?arch=arm64&distro=bullseye',
    );
    expect(npmPurl('@napi-rs/cross-toolchain-x64-target-aarch64', '1.0.3')).toBe(
      'pkg:npm/%40napi-rs/cross-toolchain-x64-target-aarch64@1.0.3',
    );
  });
});

describe('copyright licences', () => {
  it('reads the short names of a DEP-5 file, as written, once each', () => {
    expect(copyrightLicences(DEP5)).toEqual({ names: ['BSD-3-clause', 'GPL-2+'] });
  });
  it('reads nothing from a file in free form', () => {
    expect(copyrightLicences('This is the GNU C library.\n\nLicense: LGPL\n')).toBeNull();
  });
});

describe('buildSbom', () => {
  const bom = buildSbom({ name: 'cgo-abi-guard', version: '0.1.0' }, [
    {
      target: 'linux/arm64',
      toolchain: chain,
      binaries: [
        {
          path: 'out/app',
          sha256: 'b'.repeat(64),
          needed: ['libpcap.so.0.8', 'libc.so.6', 'libfoo.so.1'],
          staticLibc: null,
          runtime: [{ soname: 'libpcap.so.0.8', package: 'libpcap0.8' }],
          linked: { none: 'the binary has no GNU build ID to find its link by' },
        },
        {
          path: 'out/pcapstatic',
          sha256: 'd'.repeat(64),
          needed: ['libc.so.6'],
          staticLibc: null,
          runtime: [],
          linked: {
            inputs: staticInputs(
              [
                {
                  path: '/tc/root/usr/lib/aarch64-linux-gnu/libpcap.a',
                  members: ['pcap.o', 'x.o'],
                },
                { path: '/tc/root/usr/aarch64-linux-gnu/lib/crt1.o', members: [] },
                {
                  path: '/tc/root/usr/aarch64-linux-gnu/lib/libcgo-abi-guard-shims.a',
                  members: ['a.o'],
                },
                { path: '/home/u/proj/vendor/libz.a', members: ['inflate.o'] },
                { path: '/tmp/go-link-1/go.o', members: [] },
              ],
              '/tc/root',
              {
                'usr/lib/aarch64-linux-gnu/libpcap.a': 'libpcap0.8-dev',
                'usr/aarch64-linux-gnu/lib/crt1.o': 'libc6-dev-arm64-cross',
              },
              chain.packages,
            ),
          },
        },
        {
          path: 'out/static',
          sha256: 'c'.repeat(64),
          needed: [],
          staticLibc: 'glibc',
          runtime: [],
          linked: {
            inputs: staticInputs(
              [{ path: '/old/root/usr/lib/libfoo.a', members: ['foo.o'] }],
              '/old/root',
              undefined,
              chain.packages,
            ),
          },
        },
      ],
    },
  ]) as {
    components: Component[];
    dependencies: { ref: string; dependsOn: string[] }[];
    metadata: { tools: { components: { name: string; components?: Component[] }[] } };
  };
  const byName = (name: string): Component => {
    const c = bom.components.find((x) => x.name === name);
    if (c === undefined) throw new Error(`no component ${name}`);
    return c;
  };

  it('is a valid CycloneDX 1.6 document', () => {
    expect(cyclonedxErrors(bom)).toEqual([]);
  });

  it('names each loaded library by its locked package, with purl and licences', () => {
    const pcap = byName('libpcap0.8');
    expect(pcap.purl).toBe('pkg:deb/debian/libpcap0.8@1.10.0-2?arch=arm64&distro=bullseye');
    expect(pcap.licenses).toEqual([
      { license: { name: 'BSD-3-clause' } },
      { license: { name: 'GPL-2+' } },
    ]);
    expect(props(pcap, 'linkage')).toEqual(['dynamic']);
    const libc = byName('libc6-arm64-cross');
    expect(libc.purl).toBe(
      'pkg:deb/debian/libc6-arm64-cross@2.31-9cross4?arch=all&distro=bullseye',
    );
    expect(props(libc, 'runtime-package')).toEqual(['libc6']);
    expect(libc.licenses).toBeUndefined();
    expect(props(libc, 'license')[0]).toMatch(/not machine-readable/);
    const app = bom.dependencies.find((d) => d.ref === 'binary:linux/arm64:out/app');
    expect(app?.dependsOn).toEqual([
      pcap['bom-ref'],
      libc['bom-ref'],
      'unknown:linux/arm64:libfoo.so.1',
    ]);
  });

  it('says it does not know where a library no locked package ships comes from', () => {
    const foo = byName('libfoo.so.1');
    expect(foo.purl).toBeUndefined();
    expect(props(foo, 'origin')[0]).toMatch(/^unknown/);
  });

  it('records a static libc as linked statically, from the package holding libc.a', () => {
    const dev = byName('libc6-dev-arm64-cross');
    expect(props(dev, 'linkage')).toEqual(['static']);
    const stat = bom.dependencies.find((d) => d.ref === 'binary:linux/arm64:out/static');
    expect(stat?.dependsOn).toEqual([
      dev['bom-ref'],
      'unrecorded:' + chain.key + ':usr/lib/libfoo.a',
    ]);
  });

  it('names each archive and object a link took by its package, or says where it lay', () => {
    const pcapDev = byName('libpcap0.8-dev');
    expect(pcapDev.purl).toBe('pkg:deb/debian/libpcap0.8-dev@1.10.0-2?arch=arm64&distro=bullseye');
    expect(props(pcapDev, 'linkage')).toEqual(['static']);
    const shims = byName('libcgo-abi-guard-shims.a');
    expect(props(shims, 'origin')[0]).toMatch(
      /^written into the toolchain's tree by cgo-abi-guard/,
    );
    const libz = byName('libz.a');
    expect(props(libz, 'origin')[0]).toMatch(/^outside the locked toolchain/);
    expect(props(libz, 'path')).toEqual(['/home/u/proj/vendor/libz.a']);
    expect(bom.components.some((c) => c.name === 'go.o')).toBe(false);
    const app = bom.components.find((c) => props(c, 'path')[0] === 'out/pcapstatic');
    expect(app === undefined ? [] : props(app, 'links-statically')).toEqual([
      `usr/lib/aarch64-linux-gnu/libpcap.a (2 members) ${pcapDev['bom-ref']}`,
      `usr/aarch64-linux-gnu/lib/crt1.o ${byName('libc6-dev-arm64-cross')['bom-ref']}`,
      `usr/aarch64-linux-gnu/lib/libcgo-abi-guard-shims.a (1 members) ${shims['bom-ref']}`,
      `/home/u/proj/vendor/libz.a (1 members) ${libz['bom-ref']}`,
    ]);
    const old = byName('libfoo.a');
    expect(props(old, 'origin')[0]).toMatch(/installed before its packages' files were recorded/);
  });

  it('says when a binary’s link was not recorded, and claims nothing about it', () => {
    const app = bom.components.find((c) => props(c, 'path')[0] === 'out/app');
    expect(app === undefined ? [] : props(app, 'static-inputs')).toEqual([
      'not recorded: the binary has no GNU build ID to find its link by',
    ]);
    expect(app === undefined ? [] : props(app, 'links-statically')).toEqual([]);
  });

  it('is checked by a schema that refuses what is not CycloneDX 1.6', () => {
    expect(cyclonedxErrors({ ...bom, specVersion: '1.6', bomFormat: 'SPDX' })).not.toEqual([]);
  });

  it('lists the toolchain as a tool, every locked package inside', () => {
    const tool = bom.metadata.tools.components.find((t) => t.name === chain.key);
    expect(tool?.components?.map((c) => c.purl)).toHaveLength(chain.packages.length);
  });
});

describe('the static inputs of an npm toolchain', () => {
  it('are that npm package’s, by its purl, never a Debian package or an old install', () => {
    const npmChain: SbomToolchain = {
      ...chain,
      key: 'linux/arm64 glibc-2.17 clang host-amd64',
      release: 'napi-rs/crosstool-ng',
      packages: [],
      npm: { name: '@napi-rs/cross-toolchain-x64-target-aarch64', version: '1.0.3' },
      licences: new Map(),
    };
    const inputs = staticInputs(
      [{ path: '/tc/root/aarch64-unknown-linux-gnu/lib/libstdc++.a', members: ['a.o'] }],
      '/tc/root',
      'npm',
      [],
    );
    expect(inputs).toEqual([
      {
        path: 'aarch64-unknown-linux-gnu/lib/libstdc++.a',
        members: ['a.o'],
        origin: { kind: 'npm' },
      },
    ]);
    const doc = buildSbom({ name: 'cgo-abi-guard', version: '0.1.0' }, [
      {
        target: 'linux/arm64',
        toolchain: npmChain,
        binaries: [
          {
            path: 'app',
            sha256: null,
            needed: [],
            staticLibc: null,
            runtime: [],
            linked: { inputs },
          },
        ],
      },
    ]) as { components: Component[] };
    expect(cyclonedxErrors(doc)).toEqual([]);
    const lib = doc.components.find((c) => c.name === 'libstdc++.a');
    expect(lib?.purl).toBe('pkg:npm/%40napi-rs/cross-toolchain-x64-target-aarch64@1.0.3');
    expect(props(lib ?? { 'bom-ref': '', name: '' }, 'origin')).toEqual([
      'the npm toolchain @napi-rs/cross-toolchain-x64-target-aarch64@1.0.3, as locked',
    ]);
  });
});

describe('asking for an SBOM', () => {
  const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('reads input sbom as a boolean, false by default, and refuses it with reports', () => {
    expect(readInputs(get({ run: 'make' }))).toMatchObject({ sbom: false });
    expect(readInputs(get({ run: 'make', sbom: 'true' }))).toMatchObject({ sbom: true });
    expect(readInputs(get({ run: 'make', sbom: 'yes' }))).toEqual({
      errors: ['input "sbom": "yes" is not true or false'],
    });
    const merged = readInputs(get({ reports: 'r/*.json', sbom: 'true' }));
    expect(merged).toEqual({
      errors: [expect.stringMatching(/^input "sbom": does not go with reports/)],
    });
    expect(readInputs(get({ reports: 'r/*.json', sbom: 'false' }))).toMatchObject({ sbom: false });
  });

  it('reads verify --sbom FILE: none by default, an empty name or another output file refused', () => {
    expect(parseVerifyArgs(['app'])).toMatchObject({ args: { sbom: null } });
    expect(parseVerifyArgs(['--sbom', 'c.cdx.json', 'app'])).toMatchObject({
      args: { sbom: 'c.cdx.json' },
    });
    expect(parseVerifyArgs(['--sbom', '', 'app'])).toMatchObject({
      errors: [expect.stringMatching(/sbom.*needs a file name/)],
    });
    expect(parseVerifyArgs(['--sbom', 'x', '--predicate', 'x', 'app'])).toMatchObject({
      errors: [expect.stringMatching(/sbom.*must not be the --checksums or --predicate file/)],
    });
  });
});
