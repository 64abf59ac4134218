/**
 * A package set (the `packages` input) as a layer (layers.ts): the target's packages of the
 * floor's release, resolved through the private apt of the target's architecture, extracted
 * alone in their multiarch paths (`usr/include`, `usr/lib/<triplet>`, `lib/<triplet>`) with what
 * verify reads of them (target-packages.ts). Installed by the lifecycle like any source, under
 * its own key (`… packages libpcap-dev`), then composed with the toolchain it goes over
 * (compose-layer.ts). It has no compiler and no wrappers; the capping of a capped toolchain does
 * not concern it (capping edits only the cross packages' `usr/<triplet>/lib` and gcc's own
 * libstdc++, where target packages have no file: the composition refuses one that would).
 */
import { join } from 'node:path';
import { extractDebs, relocateSymlinks } from '../adapters/deb.js';
import { versionBase } from '../domain/toolchain/install-id.js';
import { isLayer } from '../domain/toolchain/layers.js';
import { releaseName } from '../domain/toolchain/releases.js';
import { toolchainOf, type ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { debPath, fetchDebs } from './fetch-debs.js';
import type { InstallSource, SourceDeps } from './install-source.js';
import { recordTargetInfo, resolveTargetPackages } from './target-packages.js';

export function packageSetSource(plan: ToolchainPlan, d: SourceDeps): InstallSource<string[]> {
  const log = (line: string): void => {
    d.report.info(line);
  };
  const debsDir = join(d.stateRoot, 'debs');
  const over = toolchainOf(plan).lockKey;
  const release = releaseName(plan.release);
  return {
    lockKey: plan.lockKey,
    // One per target architecture, whatever compiler or floor: a set can go under several.
    toolName: `cgo-abi-guard-${plan.triplet}-packages`,
    versionBase: versionBase(plan.release.glibc, plan.release.codename),
    refusal: (entry) => {
      if (entry.release !== release)
        return `is from ${entry.release}, but glibc ${plan.floor} is planned from ${release}`;
      if (!isLayer(entry) || entry.target === undefined)
        return 'is not a package set (target packages over a toolchain entry)';
      if (entry.over !== over)
        return `goes over "${entry.over ?? ''}", but this one goes over "${over}"`;
      if (entry.target.requested.join(',') !== plan.packages.join(','))
        return `has the target packages ${entry.target.requested.join(', ')}, but ${plan.packages.join(', ')} were asked for`;
      return null;
    },
    resolve: async () => ({
      key: plan.lockKey,
      release,
      packages: [],
      over,
      target: await resolveTargetPackages(plan, await d.targetMirrors(), d.stateRoot, log),
    }),
    fetch: async (entry) => {
      const target = entry.target?.packages ?? [];
      await fetchDebs(target, d.targetMirrors, debsDir, log);
      return target.map((p) => debPath(debsDir, p));
    },
    extract: async (debs, root) => {
      const owners = await extractDebs(debs, root);
      await relocateSymlinks(root);
      return owners;
    },
    postProcess: [
      {
        run: async (root, debs, entry) => {
          if (entry.target !== undefined) await recordTargetInfo(root, entry.target, debs);
        },
      },
    ],
    describe: (entry) =>
      `${entry.release}, ${entry.target?.packages.length ?? 0} packages of ${plan.targetDebianArch} for ${entry.target?.requested.join(', ') ?? ''}`,
    wrappers: () => null,
  };
}
