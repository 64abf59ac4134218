/**
 * A toolchain from Debian (or Ubuntu) packages: resolved through a private apt (signed indexes),
 * fetched by pool path from the mirrors and hash-checked, extracted with dpkg-deb, its compiler
 * stripped of debug info with the release's own locked strip.
 */
import { join } from 'node:path';
import { extractDeb, relocateSymlinks } from '../adapters/deb.js';
import { stripDebugInfo } from '../adapters/strip.js';
import type { HostClang } from '../domain/toolchain/clang.js';
import { unstrippedNotice } from '../domain/toolchain/debug-strip.js';
import { versionBase } from '../domain/toolchain/install-id.js';
import type { LockedToolchain } from '../domain/toolchain/lockfile.js';
import type { Mirror } from '../domain/toolchain/mirrors.js';
import { NPM_RELEASE, releaseName } from '../domain/toolchain/releases.js';
import { packageTriplet, type ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { wrapperScripts } from '../domain/toolchain/wrappers.js';
import { debPath, fetchDebs } from './fetch-debs.js';
import { InstallError } from './install-options.js';
import type { InstallSource, PostStep } from './install-source.js';
import type { Report } from './report.js';
import { resolveEntry } from './resolve-packages.js';
import { capRecordOf, capStep } from './cap-sysroot.js';

export interface SourceDeps {
  /** Package mirrors in the order to try them; only asked when something must be downloaded. */
  mirrors: () => Promise<Mirror[]>;
  /** Where the target architecture's packages are (Ubuntu keeps them in another archive). */
  targetMirrors: () => Promise<Mirror[]>;
  stateRoot: string;
  lockPath: string;
  report: Report;
}

/** The installed packages and the tool packages (run at install time, never installed). */
export interface FetchedDebs {
  packages: string[];
  tools: string[];
}

export function debianSource(
  plan: ToolchainPlan,
  clang: HostClang | null,
  d: SourceDeps,
): InstallSource<FetchedDebs> {
  const log = (line: string): void => {
    d.report.info(line);
  };
  const debsDir = join(d.stateRoot, 'debs');
  return {
    lockKey: plan.lockKey,
    toolName: plan.toolName,
    versionBase: capVersionBase(plan),
    refusal: (entry) => toolchainRefusal(plan, entry),
    resolve: async () => {
      const entry = await resolveEntry(plan, await d.mirrors(), d.stateRoot, log);
      return { ...entry, ...(plan.cap === null ? {} : { cap: { glibc: plan.cap } }) };
    },
    fetch: async (entry) => {
      const tools = entry.tools ?? [];
      await fetchDebs([...entry.packages, ...tools], d.mirrors, debsDir, log);
      return {
        packages: entry.packages.map((p) => debPath(debsDir, p)),
        tools: tools.map((p) => debPath(debsDir, p)),
      };
    },
    extract: async (fetched, root) => {
      for (const deb of fetched.packages) await extractDeb(deb, root);
      await relocateSymlinks(root);
    },
    // The target packages are a layer of their own (source-packages.ts), composed over this tree.
    postProcess: [stripStep(plan, d), capStep(plan, d.report)],
    describe: (entry) => `${entry.release}, ${entry.packages.length} packages`,
    wrappers: (entry) => wrapperScripts(plan, gccMajorOf(entry, plan), clang),
    ...(plan.cap === null ? {} : { recordOf: capRecordOf }),
  };
}

/** An entry from another release than the plan's, or of another kind, is not this toolchain. */
export function toolchainRefusal(plan: ToolchainPlan, entry: LockedToolchain): string | null {
  const want = releaseName(plan.release);
  if (entry.release !== want)
    return `is from ${entry.release}, but glibc ${plan.floor} is planned from ${want}${entry.npm === undefined ? '' : ` (capped: to keep the npm toolchain, name it with release ${NPM_RELEASE.codename})`}`;
  if (entry.target !== undefined)
    return `has the target packages ${entry.target.requested.join(', ')}, but a toolchain's entry has none (they are an entry of their own, over it)`;
  const npm = plan.npm !== null;
  if (npm !== (entry.npm !== undefined))
    return `is ${npm ? 'Debian packages' : 'an npm package'}, but this floor's toolchain comes from ${npm ? 'npm' : 'Debian packages'}`;
  if ((entry.cap?.glibc ?? null) !== plan.cap)
    return `is ${entry.cap === undefined ? 'not capped' : `capped at ${entry.cap.glibc}`}, but ${plan.cap === null ? 'this floor takes the release as it is' : `this floor caps it at ${plan.cap}`}`;
  return null;
}

/** The readable head of a capped install's version names the cap: `2.17.0-bullseye-capped`. */
function capVersionBase(plan: ToolchainPlan): string {
  if (plan.cap === null) return versionBase(plan.release.glibc, plan.release.codename);
  return versionBase(plan.cap, `${plan.release.codename}-capped`);
}

/** Strips the compiler's debug info with the locked strip; a lock without one says what it costs. */
function stripStep(plan: ToolchainPlan, d: SourceDeps): PostStep<FetchedDebs> {
  return {
    run: async (root, fetched, entry) => {
      const started = Date.now();
      const r = await stripDebugInfo({
        root,
        plan,
        toolDebs: fetched.tools,
        scratch: d.stateRoot,
      }).catch((e: unknown) => {
        throw new InstallError(`${plan.lockKey}: ${(e as Error).message}`);
      });
      const mb = r.debugBytes / 1e6;
      if (r.stripped)
        d.report.info(
          `stripped ${mb.toFixed(0)} MB of debug info from ${r.files.join(', ')} with ${entry.tools?.map((t) => `${t.name} ${t.version}`).join(' + ') ?? ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      else if (r.files.length > 0) d.report.info(unstrippedNotice(plan.lockKey, d.lockPath, mb));
      if (r.removed.length > 0) d.report.info(`removed ${r.removed.join(', ')}: no build runs it`);
    },
  };
}

/** The gcc major of a locked toolchain, from its libgcc-N-dev package. */
function gccMajorOf(entry: LockedToolchain, plan: ToolchainPlan): string {
  const re = new RegExp(`^libgcc-(\\d+)-dev-${plan.targetDebianArch}-cross$`);
  for (const p of entry.packages) {
    const m = re.exec(p.name);
    if (m?.[1] !== undefined) return m[1];
  }
  throw new InstallError(
    `the lock entry for ${plan.lockKey} has no libgcc-N-dev-${plan.targetDebianArch}-cross package (${packageTriplet(plan.triplet)})`,
  );
}
