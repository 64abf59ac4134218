/**
 * The capped kind: a release newer than the floor, its sysroot's glibc capped at the floor
 * (capping.ts; the post-processing step cap-sysroot.ts), libstdc++ and libgcc linked statically.
 * Its installed tree says so in `cgo-abi-guard-cap.json` (CAP_MARKER), which the smoke run reads.
 */
import { capMarkerOf, glibcRootOf } from '../../adapters/smoke-run.js';
import { formatTarget, abiOf } from '../../domain/platform.js';
import { capNotice, noRuntimeNote } from '../../domain/toolchain/capping.js';
import { versionBase } from '../../domain/toolchain/install-id.js';
import type { CappedPlan } from '../../domain/toolchain/kinds.js';
import { NPM_GLIBC } from '../../domain/toolchain/npm-toolchains.js';
import { debianLayout } from '../../domain/toolchain/pkg-config-wrapper.js';
import { capRecordOf, capStep } from '../cap-sysroot.js';
import { debianSource } from '../source-debian.js';
import {
  capRefusal,
  packageLibraryDirs,
  releaseRefusal,
  sourceRefusal,
  type ToolchainKind,
} from './kind.js';

/** A capped sysroot's libstdc++ and libgcc_s need more than the floor: linked statically. */
export const CAPPED_WRAPPER_FLAGS = ' -static-libstdc++ -static-libgcc';

export const cappedKind: ToolchainKind<CappedPlan> = {
  id: 'capped',
  notices: (plan) => {
    const name = formatTarget(plan.target);
    return [
      {
        message: capNotice(plan.cap, name, plan.release),
        title: `cgo-abi-guard: ${name} capped glibc`,
      },
    ];
  },
  source: (plan, clang, deps) =>
    debianSource(plan, clang, deps, {
      // The readable head of a capped install's version names the cap: `2.17.0-bullseye-capped`.
      versionBase: versionBase(plan.cap, `${plan.release.codename}-capped`),
      refusal: (entry) => cappedKind.refusal(plan, entry),
      entryExtra: { cap: { glibc: plan.cap } },
      postProcess: [capStep(plan, plan.cap, deps.report)],
      wrapperFlags: CAPPED_WRAPPER_FLAGS,
      recordOf: capRecordOf,
    }),
  layout: (plan) => debianLayout(plan.triplet),
  refusal: (plan, entry) =>
    releaseRefusal(plan, entry) ?? sourceRefusal(entry, false) ?? capRefusal(entry, plan.cap),
  isSysroot: async (sysroot) => (await capMarkerOf(sysroot)) !== null,
  // The release's glibc is newer than the floor: the floor's own, where there is one here (2.17
  // for amd64 and arm64, the crosstool-ng toolchain's), else the release's, and the results say so.
  smokeRuntime: async (sysroot, target, installs) => {
    const triplet = abiOf(target).triplet;
    const libraryDirs = packageLibraryDirs(sysroot, triplet);
    const root = glibcRootOf(sysroot, triplet);
    const cap = await capMarkerOf(sysroot);
    if (cap === null) return { root, libraryDirs };
    const real =
      cap.glibc === NPM_GLIBC && installs.glibc217 !== undefined ? await installs.glibc217() : null;
    if (real !== null) return { root: real, libraryDirs };
    return { root, libraryDirs, note: noRuntimeNote(cap) };
  },
};
