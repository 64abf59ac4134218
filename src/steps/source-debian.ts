/**
 * A toolchain from Debian (or Ubuntu) packages: resolved through a private apt (signed indexes),
 * fetched by pool path from the mirrors and hash-checked, extracted with dpkg-deb, its compiler
 * stripped of debug info with the release's own locked strip. What differs between the kinds
 * built from it (a release as it is, a release capped at the floor) comes from the kind's module
 * as `DebianParts` (steps/kinds/).
 */
import { join } from 'node:path';
import { extractDebs, relocateSymlinks } from '../adapters/deb.js';
import { stripDebugInfo } from '../adapters/strip.js';
import type { HostClang } from '../domain/toolchain/clang.js';
import { unstrippedNotice } from '../domain/toolchain/debug-strip.js';
import type { ReleasePlan, CappedPlan, MuslPlan } from '../domain/toolchain/kinds.js';
import type { LockedToolchain } from '../domain/toolchain/lockfile.js';
import { packageTriplet } from '../domain/toolchain/toolchain-plan.js';
import { wrapperScripts, type Wrappers } from '../domain/toolchain/wrappers.js';
import { debPath, fetchDebs } from './fetch-debs.js';
import { InstallError } from './install-options.js';
import type { InstallSource, PostStep, SourceDeps } from './install-source.js';
import { resolveEntry } from './resolve-packages.js';

/** A plan whose toolchain comes from a release's packages. */
export type DebianPlan = ReleasePlan | CappedPlan | MuslPlan;

/** The installed packages and the tool packages (run at install time, never installed). */
export interface FetchedDebs {
  packages: string[];
  tools: string[];
}

/** What a kind made of Debian packages adds to them. */
export interface DebianParts {
  /** The readable head of the tool-cache version (`2.31.0-bullseye`). */
  versionBase: string;
  refusal(entry: LockedToolchain): string | null;
  /** What the kind adds to a resolved entry (a capped one's `cap:`). */
  entryExtra: Partial<Pick<LockedToolchain, 'cap'>>;
  /** Post-processing after the strip. */
  postProcess: readonly PostStep<FetchedDebs>[];
  /** Added to every compile and link of the cc/c++ wrappers, with a leading space; none: ''. */
  wrapperFlags: string;
  recordOf?: InstallSource<FetchedDebs>['recordOf'];
  /** The lock entry when there is none (default: the release's glibc toolchain). */
  resolve?: () => Promise<LockedToolchain>;
  /** The wrappers for the gcc major (default: the glibc toolchain's). */
  wrappers?: (gccMajor: string) => Wrappers;
}

export function debianSource(
  plan: DebianPlan,
  clang: HostClang | null,
  d: SourceDeps,
  parts: DebianParts,
): InstallSource<FetchedDebs> {
  const log = (line: string): void => {
    d.report.info(line);
  };
  const debsDir = join(d.stateRoot, 'debs');
  return {
    lockKey: plan.lockKey,
    toolName: plan.toolName,
    versionBase: parts.versionBase,
    refusal: (entry) => parts.refusal(entry),
    resolve: async () => {
      const entry = await (parts.resolve?.() ??
        resolveEntry(plan, await d.mirrors(), d.stateRoot, log));
      return { ...entry, ...parts.entryExtra };
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
      const owners = await extractDebs(fetched.packages, root);
      await relocateSymlinks(root);
      return owners;
    },
    // The target packages are a layer of their own (source-packages.ts), composed over this tree.
    postProcess: [stripStep(plan, d), ...parts.postProcess],
    describe: (entry) => `${entry.release}, ${entry.packages.length} packages`,
    wrappers: (entry) => {
      const major = gccMajorOf(entry, plan);
      return parts.wrappers?.(major) ?? wrapperScripts(plan, major, clang, parts.wrapperFlags);
    },
    ...(parts.recordOf === undefined ? {} : { recordOf: parts.recordOf }),
  };
}

/** Strips the compiler's debug info with the locked strip; a lock without one says what it costs. */
function stripStep(plan: DebianPlan, d: SourceDeps): PostStep<FetchedDebs> {
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
      else if (r.files.length > 0)
        d.report.info(unstrippedNotice(plan.lockKey, d.lockPath, mb, d.unfreeze));
      if (r.removed.length > 0) d.report.info(`removed ${r.removed.join(', ')}: no build runs it`);
    },
  };
}

/** The gcc major of a locked toolchain, from its libgcc-N-dev package. */
function gccMajorOf(entry: LockedToolchain, plan: DebianPlan): string {
  const re = new RegExp(`^libgcc-(\\d+)-dev-${plan.targetDebianArch}-cross$`);
  for (const p of entry.packages) {
    const m = re.exec(p.name);
    if (m?.[1] !== undefined) return m[1];
  }
  throw new InstallError(
    `the lock entry for ${plan.lockKey} has no libgcc-N-dev-${plan.targetDebianArch}-cross package (${packageTriplet(plan.triplet)})`,
  );
}
