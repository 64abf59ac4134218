/**
 * Go linux platforms and the ELF facts that identify them: targets parsed and named, and the
 * per-GOARCH and per-ABI views of data/architectures.ts the verifier and the planner look up.
 */
import {
  ARCHITECTURES,
  type Architecture,
  type FloatAbi,
  type GoArch,
} from './data/architectures.js';

export type Libc = 'glibc' | 'musl' | 'none';
export const LIBCS: readonly Libc[] = ['glibc', 'musl', 'none'];

export type { GoArch, FloatAbi } from './data/architectures.js';

export interface ArchInfo {
  goarch: GoArch;
  elfClass: 'ELF32' | 'ELF64';
  endian: 'little' | 'big';
  /** The Machine line of `readelf -h`. */
  machine: string;
  /** Variants this GOARCH accepts (GOAMD64 / GOARM levels), lowest first; empty when none. */
  variants: readonly string[];
  defaultVariant: string | null;
  /** glibc's own minimum kernel for this architecture (NT_GNU_ABI_TAG it writes by default). */
  glibcKernelFloor: string;
}

export interface AbiInfo {
  glibcLoader: string;
  muslLoader: string;
  /** GNU triplet of Debian's cross toolchain. */
  triplet: string;
  debianArch: string;
  /** musl's arch name, as in libc.musl-<arch>.so.1. */
  muslArch: string;
  /** The GNU triplet of musl (`aarch64-linux-musl`), as clang's --target takes it. */
  muslTriplet: string;
  /** Debian's directory for musl (`/usr/lib/<muslMultiarch>`: `i386-linux-musl` for i686). */
  muslMultiarch: string;
}

/** Per GOARCH, from its rows in data/architectures.ts (arm's two ABIs are one GOARCH). */
export const ARCHES: Readonly<Record<GoArch, ArchInfo>> = archesOf(ARCHITECTURES);

function archesOf(rows: readonly Architecture[]): Record<GoArch, ArchInfo> {
  const out: Partial<Record<GoArch, ArchInfo>> = {};
  for (const row of rows) {
    const seen = out[row.goarch];
    const variants = [...(seen?.variants ?? []), ...row.variants].sort(
      (a, b) => variantLevel(a) - variantLevel(b),
    );
    out[row.goarch] = {
      goarch: row.goarch,
      elfClass: row.elf.class,
      endian: row.elf.endian,
      machine: row.elf.machine,
      variants,
      defaultVariant: seen?.defaultVariant ?? row.defaultVariant,
      glibcKernelFloor: seen?.glibcKernelFloor ?? row.glibc.kernel,
    };
  }
  return out as Record<GoArch, ArchInfo>;
}

function abiInfo(row: Architecture): AbiInfo {
  return {
    glibcLoader: row.glibc.loader,
    muslLoader: row.musl.loader,
    triplet: row.glibc.triplet,
    debianArch: row.debian,
    muslArch: row.musl.arch,
    muslTriplet: row.musl.triplet,
    muslMultiarch: row.musl.multiarch,
  };
}

/** The row of a target: its GOARCH's, and of arm's two the one of its float ABI. */
export function architectureOf(target: Target): Architecture {
  const rows = ARCHITECTURES.filter((r) => r.goarch === target.goarch);
  const float = floatAbiOf(target);
  const row = float === null ? rows[0] : rows.find((r) => r.elf.floatAbi === float);
  if (row === undefined) throw new Error(`no ABI row for ${formatTarget(target)}`);
  return row;
}

export interface Target {
  goarch: GoArch;
  /** `v1`..`v4` for amd64, `v5`..`v7` for arm, null otherwise. */
  variant: string | null;
}

export function isGoArch(value: string): value is GoArch {
  return Object.hasOwn(ARCHES, value);
}

/** Parses `linux/<goarch>[/<variant>]`; returns an error message instead of throwing. */
export function parseTarget(text: string): Target | { error: string } {
  const parts = text.trim().split('/');
  const [os, goarch, variant, ...rest] = parts;
  const known = Object.keys(ARCHES).join(', ');
  if (os !== 'linux' || goarch === undefined || rest.length > 0) {
    return {
      error: `target "${text}" is not of the form linux/<goarch>[/<variant>] (goarch: ${known})`,
    };
  }
  if (!isGoArch(goarch))
    return { error: `target "${text}": unknown goarch "${goarch}" (known: ${known})` };
  const info = ARCHES[goarch];
  if (variant === undefined || variant === '') return { goarch, variant: info.defaultVariant };
  if (!info.variants.includes(variant)) {
    const allowed = info.variants.length > 0 ? `one of ${info.variants.join(', ')}` : 'none';
    return {
      error: `target "${text}": variant "${variant}" is not valid for ${goarch} (${allowed})`,
    };
  }
  return { goarch, variant };
}

/**
 * The targets as usage texts list them: `amd64[/v1-v4], arm64, arm[/v5|v6|v7], 386, …`. Levels
 * of one ABI (GOAMD64) show as a range with `range` between its ends; levels that are ABIs of their
 * own (arm's float ABIs) as alternatives.
 */
export function targetList(range = '-'): string {
  const goarches = [...new Set(ARCHITECTURES.map((a) => a.goarch))];
  return goarches
    .map((goarch) => {
      const { variants } = ARCHES[goarch];
      const [first, last] = [variants[0], variants.at(-1)];
      if (first === undefined || last === undefined) return goarch;
      const oneAbi = ARCHITECTURES.filter((a) => a.goarch === goarch).length === 1;
      return `${goarch}[/${oneAbi ? `${first}${range}${last}` : variants.join('|')}]`;
    })
    .join(', ');
}

export function formatTarget(target: Target): string {
  return target.variant === null
    ? `linux/${target.goarch}`
    : `linux/${target.goarch}/${target.variant}`;
}

/**
 * The float ABI where a GOARCH has one per variant (arm): its variant's row's, and for a variant
 * no row lists (none given) the soft-float one, which every ARM core runs.
 */
export function floatAbiOf(target: Target): FloatAbi | null {
  const rows = ARCHITECTURES.filter((r) => r.goarch === target.goarch && r.elf.floatAbi !== null);
  if (rows.length === 0) return null;
  const row = rows.find((r) => target.variant !== null && r.variants.includes(target.variant));
  return row?.elf.floatAbi ?? 'soft';
}

/**
 * The target of a file of this GOARCH whose header says this float ABI: where the GOARCH has one
 * per variant (arm), the lowest variant of that ABI (hard float when none is said); else none.
 */
export function targetOfFloatAbi(goarch: GoArch, floatAbi: FloatAbi | null): Target {
  const want = floatAbi === 'soft' ? 'soft' : 'hard';
  const row = ARCHITECTURES.find((r) => r.goarch === goarch && r.elf.floatAbi === want);
  return { goarch, variant: row?.variants[0] ?? null };
}

export function abiOf(target: Target): AbiInfo {
  return abiInfo(architectureOf(target));
}

export function loaderFor(target: Target, libc: Libc): string | null {
  if (libc === 'none') return null;
  const info = abiOf(target);
  return libc === 'glibc' ? info.glibcLoader : info.muslLoader;
}

/** Every canonical loader we know, to name what a wrong interpreter belongs to. */
export function describeLoader(path: string): string | null {
  for (const row of ARCHITECTURES) {
    if (row.glibc.loader === path) return `the glibc loader for ${row.name}`;
    if (row.musl.loader === path) return `the musl loader for ${row.name}`;
  }
  return null;
}

/** The GOARCH an ELF file was built for, from its header; null for other machines. */
export function goarchOf(elfClass: string, endian: string, machine: string): GoArch | null {
  for (const info of Object.values(ARCHES)) {
    if (info.machine === machine && info.elfClass === elfClass && info.endian === endian)
      return info.goarch;
  }
  return null;
}

/** The level number of a variant (`v3` → 3). */
export function variantLevel(variant: string): number {
  return Number.parseInt(variant.replace(/^v/, ''), 10);
}
