/**
 * The musl kind: a release's `musl-dev` and `musl` for the target, with a release's cross gcc
 * (the host gcc for the runner's own architecture, or the host clang) and its libgcc. No glibc is
 * installed: nothing in the tree can link one in. The specs gcc is given are written into the
 * tree (domain/toolchain/musl.ts); the loader in `lib/` starts a dynamic binary in a smoke run.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripTargetObjects } from '../../adapters/strip.js';
import { abiOf, formatTarget } from '../../domain/platform.js';
import { versionBase } from '../../domain/toolchain/install-id.js';
import type { MuslPlan } from '../../domain/toolchain/kinds.js';
import type { LockedToolchain } from '../../domain/toolchain/lockfile.js';
import {
  muslCompilerNotice,
  muslGoEnv,
  muslLayout,
  muslSpecsPath,
  muslWrapperScripts,
  muslSpecs,
} from '../../domain/toolchain/musl.js';
import { releaseName } from '../../domain/toolchain/releases.js';
import { InstallError } from '../install-options.js';
import type { SourceDeps } from '../install-source.js';
import { resolveEntry, withReachableApt } from '../resolve-packages.js';
import { debianSource, type FetchedDebs } from '../source-debian.js';
import type { PostStep } from '../install-source.js';
import { capRefusal, releaseRefusal, sourceRefusal, type ToolchainKind } from './kind.js';

/** The target's musl packages, of the musl release and the target's architecture. */
const MUSL_PACKAGES = ['musl-dev', 'musl'];

export const muslKind: ToolchainKind<MuslPlan> = {
  id: 'musl',
  notices: (plan) => {
    const target = formatTarget(plan.target);
    const message = muslCompilerNotice({
      target,
      musl: plan.floor,
      muslRelease: plan.muslRelease,
      compiler: plan.release,
      runnerGlibc: plan.host.glibc,
    });
    return message === null ? [] : [{ message, title: `cgo-abi-guard: ${target} musl compiler` }];
  },
  source: (plan, clang, deps) =>
    debianSource(plan, clang, deps, {
      versionBase: versionBase(plan.floor, `${plan.muslRelease.codename}-musl`),
      refusal: (entry) => muslKind.refusal(plan, entry),
      entryExtra: {},
      postProcess: [specsStep(plan), objectsStep(plan, deps)],
      wrapperFlags: '',
      resolve: () => resolveMusl(plan, deps),
      wrappers: (gccMajor) =>
        muslWrapperScripts(
          plan,
          { triplet: plan.muslTriplet, multiarch: plan.muslMultiarch },
          gccMajor,
          clang,
        ),
    }),
  layout: (plan) => muslLayout(plan.muslMultiarch),
  refusal: (plan, entry) =>
    releaseRefusal(plan, entry) ??
    sourceRefusal(entry, false) ??
    capRefusal(entry, null) ??
    muslRefusal(plan, entry),
  isSysroot: (sysroot) => Promise.resolve(existsSync(join(sysroot, MUSL_MARKER))),
  smokeRuntime: async (sysroot, target) => {
    const m = abiOf(target).muslMultiarch;
    return {
      root: sysroot,
      libraryDirs: [`${sysroot}/lib/${m}`, `${sysroot}/usr/lib/${m}`],
      libc: 'musl',
      version: (await muslVersionOf(sysroot)) ?? 'unknown',
    };
  },
  env: (plan) => muslGoEnv(plan.link),
};

/** An entry whose musl packages are not the floor's. */
function muslRefusal(plan: MuslPlan, entry: LockedToolchain): string | null {
  const musl = entry.packages.find((p) => p.name === 'musl-dev');
  if (musl === undefined) return 'has no musl-dev package: it is not a musl toolchain';
  if (musl.arch !== plan.targetDebianArch)
    return `has musl-dev for ${musl.arch}, but the target is ${plan.targetDebianArch}`;
  if (!musl.version.startsWith(`${plan.floor}-`))
    return `has musl ${musl.version}, but the floor is musl ${plan.floor}`;
  return null;
}

/**
 * The compiler side from the compiler's release (its cross gcc, binutils and libgcc: no glibc),
 * and musl-dev and musl of the target's architecture from the musl release.
 */
async function resolveMusl(plan: MuslPlan, d: SourceDeps): Promise<LockedToolchain> {
  const log = (line: string): void => {
    d.report.info(line);
  };
  const libgcc = (_: unknown, gccMajor: string): string[] => [
    `libgcc-${gccMajor}-dev-${plan.targetDebianArch}-cross`,
  ];
  const compiler = await resolveEntry(plan, await d.mirrors(), d.stateRoot, log, libgcc);
  log(
    `resolving ${MUSL_PACKAGES.join(', ')} for ${plan.targetDebianArch} from ${releaseName(plan.muslRelease)}`,
  );
  const at = {
    release: plan.muslRelease,
    arch: plan.targetDebianArch,
    stateRoot: d.stateRoot,
    log,
  };
  const musl = await withReachableApt(await d.targetMirrors(), at, (apt) =>
    apt.resolve(MUSL_PACKAGES),
  );
  // No C++ for musl (MUSL_NO_CXX): the release's g++ (cc1plus, some 30 MB) is left out.
  const packages = compiler.packages.filter((p) => !/^g\+\+-\d+-/.test(p.name));
  return { ...compiler, packages: [...packages, ...musl] };
}

/** Written into the tree: the musl it holds (`{"musl":"1.2.3"}`), for a smoke run with no plan. */
const MUSL_MARKER = 'cgo-abi-guard-musl.json';

/** The specs the wrapper gives gcc (muslSpecs), and the marker, written into the tree. */
function specsStep(plan: MuslPlan): PostStep<FetchedDebs> {
  return {
    run: async (root) => {
      const m = plan.muslMultiarch;
      if (!existsSync(join(root, 'usr', 'lib', m, 'libc.a')))
        throw new InstallError(
          `${plan.lockKey}: musl-dev has no usr/lib/${m}/libc.a: not the musl-dev this version knows`,
        );
      const loader = abiOf(plan.target).muslLoader;
      await writeFile(join(root, muslSpecsPath(m)), muslSpecs(m, loader));
      await writeFile(join(root, MUSL_MARKER), `${JSON.stringify({ musl: plan.floor })}\n`);
    },
  };
}

/**
 * musl's objects without their debug info, stripped with the release's cross strip: smaller, and
 * linkable by an older release's binutils (riscv64: trixie's musl, bookworm's ld). Only a cross
 * gcc has a strip of the target's architecture; the host's gcc and clang keep them as they are.
 */
function objectsStep(plan: MuslPlan, d: SourceDeps): PostStep<FetchedDebs> {
  return {
    run: async (root) => {
      const program = `usr/bin/${plan.triplet}-strip`;
      if (plan.mode !== 'cross-gcc' || !existsSync(join(root, program))) return;
      const dir = join(root, 'usr', 'lib', plan.muslMultiarch);
      const files = (await readdir(dir))
        .filter((f) => f.endsWith('.o') || f.endsWith('.a'))
        .sort()
        .map((f) => join(dir, f));
      await stripTargetObjects(root, program, `usr/lib/${plan.host.multiarch}`, files).catch(
        (e: unknown) => {
          throw new InstallError(`${plan.lockKey}: ${(e as Error).message}`);
        },
      );
      d.report.info(
        `stripped the debug info of musl's ${String(files.length)} objects and archives`,
      );
    },
  };
}

/** The musl version of an installed musl sysroot, from its marker; null: none, or unreadable. */
async function muslVersionOf(sysroot: string): Promise<string | null> {
  const text = await readFile(join(sysroot, MUSL_MARKER), 'utf8').catch(() => null);
  let parsed: unknown = null;
  try {
    parsed = text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
  const musl = (parsed as { musl?: unknown } | null)?.musl;
  return typeof musl === 'string' ? musl : null;
}
