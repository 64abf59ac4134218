/**
 * A toolchain kind (a release as it is, a release capped at the floor, the npm crosstool-ng
 * toolchains, musl) is one module in this directory, behind this interface: what is said
 * about it, where its bytes come from, where its sysroot and `.pc` files are, what lock entry it
 * refuses, and how a smoke run finds its glibc. registry.ts maps a plan (or an installed sysroot)
 * to its module; nothing outside this directory and domain/toolchain/kinds.ts tests a kind.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Target } from '../../domain/platform.js';
import type { HostClang } from '../../domain/toolchain/clang.js';
import type { PlanBase, ToolchainPlan } from '../../domain/toolchain/kinds.js';
import type { LockedToolchain } from '../../domain/toolchain/lockfile.js';
import type { ToolchainLayout } from '../../domain/toolchain/pkg-config-wrapper.js';
import { NPM_RELEASE, releaseName } from '../../domain/toolchain/releases.js';
import { TARGET_INFO_PATH } from '../../domain/toolchain/target-info.js';
import type { InstallSource, SourceDeps } from '../install-source.js';

/** A notice about a toolchain, as the report port takes it. */
export interface Notice {
  message: string;
  title: string;
}

/** Where a dynamic executable of the sysroot runs in a smoke run. */
export interface SmokeRuntime {
  /** The directory that stands for `/` to the binary: its loader and libc in `lib`. */
  root: string;
  /** The target packages' library directories, where the sysroot has any. */
  libraryDirs: string[];
  /** What the results say about the run (a floor run on a newer glibc). */
  note?: string;
  /** The C library it starts on (default glibc, its version read from the root). */
  libc?: 'glibc' | 'musl';
  /** That C library's version, where the kind knows it. */
  version?: string;
}

/** Installs a smoke run may need from the front end's setting. */
export interface SmokeInstalls {
  /** A real glibc 2.17 (its root) for the target, or null when there is none for it. */
  glibc217?: () => Promise<string | null>;
}

/**
 * One kind. Its methods take the plan of their own kind (registry.ts hands each plan to its own
 * module only).
 */
export interface ToolchainKind<P extends ToolchainPlan> {
  readonly id: P['kind'];
  /** What `env` and the action say whenever this kind is used (capNotice, npmNotice). */
  notices(plan: P): Notice[];
  /** Where the toolchain's bytes come from (a plan without target packages: those are a layer). */
  source(plan: P, clang: HostClang | null, deps: SourceDeps): InstallSource<unknown>;
  /** Where the sysroot is in the install's `root`, and its `.pc` directories. */
  layout(plan: P): ToolchainLayout;
  /** Why a lock entry found under the plan's key is not this toolchain, or null. */
  refusal(plan: P, entry: LockedToolchain): string | null;
  /** Whether an installed sysroot (the CLI's `--sysroot`, no plan) is of this kind. */
  isSysroot(sysroot: string, target: Target): Promise<boolean>;
  /** What Go reads besides the cgo env of every kind (musl's external linking); none: absent. */
  env?(plan: P): Record<string, string>;
  /** The glibc a smoke run starts the sysroot's dynamic executables on. */
  smokeRuntime(sysroot: string, target: Target, installs: SmokeInstalls): Promise<SmokeRuntime>;
}

/** Every kind's first refusals: an entry of another release, or one holding target packages. */
export function releaseRefusal(plan: PlanBase, entry: LockedToolchain): string | null {
  const want = releaseName(plan.release);
  if (entry.release !== want)
    return `is from ${entry.release}, but glibc ${plan.floor} is planned from ${want}${entry.npm === undefined ? '' : ` (capped: to keep the npm toolchain, name it with release ${NPM_RELEASE.codename})`}`;
  if (entry.target !== undefined)
    return `has the target packages ${entry.target.requested.join(', ')}, but a toolchain's entry has none (they are an entry of their own, over it)`;
  return null;
}

/** An entry from npm where the kind's toolchain is Debian packages, or the other way round. */
export function sourceRefusal(entry: LockedToolchain, fromNpm: boolean): string | null {
  if (fromNpm === (entry.npm !== undefined)) return null;
  return `is ${fromNpm ? 'Debian packages' : 'an npm package'}, but this floor's toolchain comes from ${fromNpm ? 'npm' : 'Debian packages'}`;
}

/** An entry capped otherwise than the kind caps (`cap`: null for a toolchain taken as it is). */
export function capRefusal(entry: LockedToolchain, cap: string | null): string | null {
  if ((entry.cap?.glibc ?? null) === cap) return null;
  return `is ${entry.cap === undefined ? 'not capped' : `capped at ${entry.cap.glibc}`}, but ${cap === null ? 'this floor takes the release as it is' : `this floor caps it at ${cap}`}`;
}

/** The target packages' library directories of a sysroot that has target packages. */
export function packageLibraryDirs(sysroot: string, triplet: string): string[] {
  return existsSync(join(sysroot, TARGET_INFO_PATH))
    ? [`${sysroot}/lib/${triplet}`, `${sysroot}/usr/lib/${triplet}`]
    : [];
}
