/**
 * The SBOM of a run (domain/sbom): per target the locked toolchain it was built with (its
 * packages, the licences of their copyright files in the installed tree), per binary its SHA-256,
 * NEEDED and its statically linked C library. One core under both front ends: the
 * action's `sbom` input and output, `verify --sbom FILE`.
 */
import { readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { execQuiet } from '../adapters/exec.js';
import { staticInputs, type StaticInput } from '../domain/sbom/origin.js';
import { gnuBuildId, LINK_LOG_ENV, parseLinkRecord } from '../domain/toolchain/link-record.js';
import { binaryDigests, type BinaryDigests } from './attest.js';
import { subjectName } from '../domain/report/attestation.js';
import { TOOL, type RunReport } from '../domain/report/run-report.js';
import { buildSbom, type SbomTarget, type SbomToolchain } from '../domain/sbom/bom.js';
import { copyrightLicences, type Licences } from '../domain/sbom/copyright.js';
import {
  contentHash,
  contentIdentity,
  findToolchain,
  type LockedToolchain,
} from '../domain/toolchain/lockfile.js';
import { manifestPath, type InstallManifest } from './install-tree.js';
import { readLock } from './install-options.js';

/** A target's install: its directory (`root` inside) and its lock entry. */
export interface SbomInstall {
  dir: string;
  entry: LockedToolchain;
}

/**
 * Writes the SBOM of `report` to `path`; `installs[i]` is the install of `report.targets[i]`
 * (null: none, e.g. libc none). A package set's entry names the toolchain it goes over: read from
 * the lockfile at `lockPath`.
 */
export async function writeSbom(
  report: RunReport,
  installs: readonly (SbomInstall | null)[],
  o: {
    path: string;
    workdir: string;
    lockPath: string;
    digests?: BinaryDigests;
    /** The wrappers' link records (CGO_ABI_GUARD_LINK_LOG); null: none were kept. */
    linkLog: string | null;
  },
): Promise<void> {
  const digests = o.digests ?? (await binaryDigests(report, o.workdir));
  const targets: SbomTarget[] = [];
  for (const [i, t] of report.targets.entries()) {
    const install = installs[i] ?? null;
    const toolchain = install === null ? null : await sbomToolchain(install, o.lockPath);
    const linked = linkedOf(install, toolchain?.packages ?? [], o.linkLog);
    const binaries = [];
    for (const b of t.binaries) {
      const sha256 = digests.get(b.path) ?? null;
      binaries.push({
        // Relative to the working directory, as the checksums file names it: no runner path.
        path: subjectName(b.path, o.workdir),
        sha256,
        needed: b.facts?.needed ?? [],
        staticLibc: b.facts?.staticLibc ?? null,
        runtime: b.runtime?.libraries ?? [],
        linked: await linked(resolve(o.workdir, b.path)),
      });
    }
    targets.push({ target: t.target ?? `target ${String(i + 1)}`, toolchain, binaries });
  }
  await writeFile(o.path, `${JSON.stringify(buildSbom(TOOL, targets), null, 2)}\n`);
}

type Linked = { inputs: StaticInput[] } | { none: string };

/** Per binary: what its link took, from its record in the log, by the install's owners. */
function linkedOf(
  install: SbomInstall | null,
  packages: SbomToolchain['packages'],
  log: string | null,
): (binary: string) => Promise<Linked> {
  const tree = (async () => {
    if (install === null) return null;
    const root = await realpath(join(install.dir, 'root')).catch(() => join(install.dir, 'root'));
    const manifest = await readFile(manifestPath(install.dir), 'utf8')
      .then((t) => JSON.parse(t) as InstallManifest)
      .catch(() => null);
    return { root, owners: manifest?.owners, npm: install.entry.npm !== undefined };
  })();
  return async (binary) => {
    if (log === null) return { none: `${LINK_LOG_ENV} was not set for the build (docs/sbom.md)` };
    const notes = await execQuiet('readelf', ['-n', '-W', binary]);
    const id = notes.exitCode === 0 ? gnuBuildId(notes.stdout) : null;
    if (id === null) return { none: 'the binary has no GNU build ID to find its link by' };
    const text = await readFile(join(log, `${id}.link`), 'utf8').catch(() => null);
    if (text === null)
      return { none: `no link of build ID ${id} in ${log}: not linked through the toolchain's cc` };
    const record = parseLinkRecord(text);
    if ('error' in record) return { none: `${join(log, `${id}.link`)}: ${record.error}` };
    const t = await tree;
    if (t === null) return { none: 'no toolchain install to name the archives by' };
    if (record.root !== t.root) return { none: `linked with another install (${record.root})` };
    return { inputs: staticInputs(record.inputs, t.root, t.npm ? 'npm' : t.owners, packages) };
  };
}

async function sbomToolchain(install: SbomInstall, lockPath: string): Promise<SbomToolchain> {
  const { entry } = install;
  const base =
    entry.over === undefined
      ? entry
      : (findToolchain(await readLock(lockPath), entry.over) ?? null);
  if (base === null)
    throw new Error(`${lockPath}: no entry "${entry.over ?? ''}" under ${entry.key}`);
  const packages = [...base.packages, ...(entry.target?.packages ?? [])];
  const licences = new Map<string, Licences | null>();
  for (const p of packages) {
    const text = await readFile(
      join(install.dir, 'root', 'usr', 'share', 'doc', p.name, 'copyright'),
      'utf8',
    ).catch(() => null);
    if (text !== null) licences.set(p.name, copyrightLicences(text));
  }
  return {
    key: entry.key,
    release: base.release,
    contentHash: contentHash(contentIdentity(entry)),
    packages,
    npm: base.npm === undefined ? null : { name: base.npm.name, version: base.npm.version },
    licences,
  };
}

/**
 * The install a sysroot lies in (`<dir>/root[/…]`) and its lock entry, found by the content its
 * manifest records; an error when the sysroot is not an install or the lockfile does not pin it.
 */
export async function installOfSysroot(
  sysroot: string,
  lockPath: string,
): Promise<SbomInstall | { error: string }> {
  let root = sysroot;
  while (basename(root) !== 'root' && dirname(root) !== root) root = dirname(root);
  const dir = dirname(root);
  const manifest = await readFile(manifestPath(dir), 'utf8').catch(() => null);
  if (basename(root) !== 'root' || manifest === null)
    return { error: `${sysroot} is not in a cgo-abi-guard install (no ${manifestPath(dir)})` };
  const content = (JSON.parse(manifest) as { content?: unknown }).content;
  const [, layer] = typeof content === 'string' ? content.split('\nover which\n') : [];
  const lock = await readLock(lockPath);
  const entry = lock.toolchains.find((t) => contentIdentity(t) === (layer ?? content));
  if (entry === undefined)
    return { error: `${lockPath} pins no toolchain with the packages installed in ${dir}` };
  return { dir, entry };
}
