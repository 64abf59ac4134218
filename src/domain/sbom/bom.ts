/**
 * The CycloneDX 1.6 SBOM of the C inside a run's binaries: each binary (an application, with its
 * SHA-256) and the locked packages it loads (NEEDED → package) or linked statically, each with
 * its purl and the licences of its copyright file; the toolchain that built them as a tool
 * (`metadata.tools.components`, every locked package inside). A library no locked package is
 * known to ship is a component without purl that says so: never an invented origin.
 */
import type { LockedPackage } from '../toolchain/lockfile.js';
import type { Licences } from './copyright.js';
import { debPurl, debRelease, npmPurl } from './purl.js';
import { loadedFrom, runtimeName, staticLibcFrom, type StaticInput } from './origin.js';

export const SBOM_PROPERTY = 'cgo-abi-guard';

export interface SbomToolchain {
  key: string;
  /** `debian/bullseye`, or an npm toolchain's `napi-rs/crosstool-ng`. */
  release: string;
  contentHash: string;
  /** Every installed package (the toolchain's and the target packages). */
  packages: readonly LockedPackage[];
  npm: { name: string; version: string } | null;
  /** By package name: its copyright file's licences; null: not machine-readable; absent: no file. */
  licences: ReadonlyMap<string, Licences | null>;
}

export interface SbomBinary {
  /** As the report names it. */
  path: string;
  sha256: string | null;
  needed: readonly string[];
  staticLibc: 'glibc' | 'musl' | null;
  /** The target packages' libraries it loads (the report's `runtime.libraries`). */
  runtime: readonly { soname: string; package: string }[];
  /** The archives and objects its link took (link-record.ts), or why they are not known. */
  linked: { inputs: readonly StaticInput[] } | { none: string };
}

export interface SbomTarget {
  target: string;
  toolchain: SbomToolchain | null;
  binaries: readonly SbomBinary[];
}

type Property = { name: string; value: string };
type Json = Record<string, unknown>;

const prop = (name: string, value: string): Property => ({
  name: `${SBOM_PROPERTY}:${name}`,
  value,
});

export function buildSbom(
  tool: { name: string; version: string },
  targets: readonly SbomTarget[],
): Json {
  const components = new Map<string, Json & { properties: Property[] }>();
  const dependencies: Json[] = [];
  const binaries: Json[] = [];
  const tools: Json[] = [{ type: 'application', name: tool.name, version: tool.version }];
  for (const t of targets) {
    const chain = t.toolchain;
    if (chain !== null && !tools.some((x) => x.name === chain.key))
      tools.push(toolComponent(chain));
    for (const b of t.binaries) {
      const ref = `binary:${t.target}:${b.path}`;
      const props: Property[] = [prop('target', t.target)];
      const uses: string[] = [];
      const use = (c: Json & { properties: Property[] }, linkage: string, detail: string): void => {
        const key = String(c['bom-ref']);
        const known = components.get(key) ?? c;
        components.set(key, known);
        if (!known.properties.some((p) => p.name.endsWith(':linkage') && p.value === linkage))
          known.properties.push(prop('linkage', linkage));
        if (!uses.includes(key)) uses.push(key);
        props.push(prop(linkage === 'dynamic' ? 'loads' : 'links-statically', `${detail} ${key}`));
      };
      for (const soname of b.needed) {
        const pkg = chain === null ? null : loadedFrom(soname, b.runtime, chain.packages);
        use(
          pkg === null || chain === null
            ? unknownLibrary(t.target, soname)
            : packageComponent(pkg, chain),
          'dynamic',
          soname,
        );
      }
      const libc =
        b.staticLibc === null || chain === null
          ? null
          : staticLibcFrom(b.staticLibc, chain.packages);
      if (b.staticLibc !== null)
        use(
          libc === null || chain === null
            ? unknownLibrary(t.target, `libc.a (${b.staticLibc})`)
            : packageComponent(libc, chain),
          'static',
          'libc.a',
        );
      if ('none' in b.linked) props.push(prop('static-inputs', `not recorded: ${b.linked.none}`));
      else
        for (const i of b.linked.inputs) {
          const detail =
            i.members.length === 0 ? i.path : `${i.path} (${i.members.length} members)`;
          use(inputComponent(i, t.target, chain), 'static', detail);
        }
      binaries.push({
        type: 'application',
        'bom-ref': ref,
        name: b.path.slice(b.path.lastIndexOf('/') + 1),
        ...(b.sha256 === null ? {} : { hashes: [{ alg: 'SHA-256', content: b.sha256 }] }),
        properties: [prop('path', b.path), ...props],
      });
      dependencies.push({ ref, dependsOn: uses });
    }
  }
  for (const key of components.keys()) dependencies.push({ ref: key, dependsOn: [] });
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { tools: { components: tools } },
    components: [...binaries, ...components.values()],
    dependencies,
  };
}

function purlOf(p: LockedPackage, chain: SbomToolchain): string | null {
  const release = debRelease(chain.release);
  return release === null ? null : debPurl(p, release);
}

function licences(p: LockedPackage, chain: SbomToolchain): { licenses?: Json[]; note?: Property } {
  const file = `usr/share/doc/${p.name}/copyright`;
  const found = chain.licences.get(p.name);
  if (found === undefined) return { note: prop('license', `not stated: the tree has no ${file}`) };
  if (found === null)
    return { note: prop('license', `not stated: ${file} is not machine-readable (DEP-5)`) };
  return { licenses: found.names.map((name) => ({ license: { name } })) };
}

function packageComponent(
  p: LockedPackage,
  chain: SbomToolchain,
): Json & { properties: Property[] } {
  const purl = purlOf(p, chain);
  const l = licences(p, chain);
  const runtime = runtimeName(p.name);
  return {
    type: 'library',
    'bom-ref': purl ?? `package:${chain.key}:${p.name}`,
    name: p.name,
    version: p.version,
    ...(purl === null ? {} : { purl }),
    ...(l.licenses === undefined ? {} : { licenses: l.licenses }),
    properties: [
      prop('arch', p.arch),
      prop('sha256-deb', p.sha256),
      prop('toolchain', chain.key),
      ...(runtime === p.name ? [] : [prop('runtime-package', runtime)]),
      ...(purl === null
        ? [prop('origin', `${chain.release}: not a Debian or Ubuntu release, no deb purl`)]
        : []),
      ...(l.note === undefined ? [] : [l.note]),
    ],
  };
}

function unknownLibrary(target: string, name: string): Json & { properties: Property[] } {
  return {
    type: 'library',
    'bom-ref': `unknown:${target}:${name}`,
    name,
    properties: [prop('origin', 'unknown: no package of the locked toolchain is known to ship it')],
  };
}

/** A component for what a link took: its package's, or one that says where it lay. */
function inputComponent(
  i: StaticInput,
  target: string,
  chain: SbomToolchain | null,
): Json & { properties: Property[] } {
  if (i.origin.kind === 'package' && chain !== null)
    return packageComponent(i.origin.package, chain);
  const name = i.path.slice(i.path.lastIndexOf('/') + 1);
  const npm = chain?.npm ?? null;
  const origin = {
    package: 'a locked package',
    npm: `the npm toolchain ${npm === null ? '' : `${npm.name}@${npm.version}`}, as locked`,
    install: `written into the toolchain's tree by ${SBOM_PROPERTY} (no package ships it)`,
    unrecorded:
      "in the toolchain's tree, installed before its packages' files were recorded: remove the install to record them",
    outside: 'outside the locked toolchain (the build machine or the project): not pinned',
  }[i.origin.kind];
  const where = i.origin.kind === 'outside' ? 'path' : 'tree-path';
  return {
    type: 'library',
    'bom-ref': `${i.origin.kind}:${chain?.key ?? target}:${i.path}`,
    name,
    ...(i.origin.kind === 'npm' && npm !== null ? { purl: npmPurl(npm.name, npm.version) } : {}),
    properties: [prop('origin', origin), prop(where, i.path)],
  };
}

function toolComponent(chain: SbomToolchain): Json {
  const npm = chain.npm;
  return {
    type: 'application',
    name: chain.key,
    version: chain.contentHash,
    description: `the cross toolchain from ${chain.release}, as locked`,
    ...(npm === null ? {} : { purl: npmPurl(npm.name, npm.version) }),
    ...(chain.packages.length === 0
      ? {}
      : {
          components: chain.packages.map((p) => {
            const purl = purlOf(p, chain);
            return {
              type: 'library',
              name: p.name,
              version: p.version,
              ...(purl === null ? {} : { purl }),
            };
          }),
        }),
  };
}
