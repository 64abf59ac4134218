/** The release kind: a Debian or Ubuntu release's own toolchain, its glibc at or below the floor. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { glibcRootOf } from '../../adapters/smoke-run.js';
import { abiOf } from '../../domain/platform.js';
import { versionBase } from '../../domain/toolchain/install-id.js';
import type { ReleasePlan } from '../../domain/toolchain/kinds.js';
import { debianLayout } from '../../domain/toolchain/pkg-config-wrapper.js';
import { debianSource } from '../source-debian.js';
import {
  capRefusal,
  packageLibraryDirs,
  releaseRefusal,
  sourceRefusal,
  type ToolchainKind,
} from './kind.js';

export const releaseKind: ToolchainKind<ReleasePlan> = {
  id: 'release',
  notices: () => [],
  source: (plan, clang, deps) =>
    debianSource(plan, clang, deps, {
      versionBase: versionBase(plan.release.glibc, plan.release.codename),
      refusal: (entry) => releaseKind.refusal(plan, entry),
      entryExtra: {},
      postProcess: [],
      wrapperFlags: '',
    }),
  layout: (plan) => debianLayout(plan.triplet),
  refusal: (plan, entry) =>
    releaseRefusal(plan, entry) ?? sourceRefusal(entry, false) ?? capRefusal(entry, null),
  // Debian's cross packages keep the target's glibc in `<sysroot>/usr/<triplet>`.
  isSysroot: (sysroot, target) =>
    Promise.resolve(existsSync(join(sysroot, 'usr', abiOf(target).triplet, 'lib'))),
  smokeRuntime: (sysroot, target) => {
    const triplet = abiOf(target).triplet;
    return Promise.resolve({
      root: glibcRootOf(sysroot, triplet),
      libraryDirs: packageLibraryDirs(sysroot, triplet),
    });
  },
};
