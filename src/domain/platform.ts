/**
 * Go linux platforms and the ELF facts that identify them.
 * One row per GOARCH (arm splits by float ABI); everything the verifier and the
 * toolchain planner need to know about a target comes from this table.
 */

export type Libc = 'glibc' | 'musl' | 'none';
export const LIBCS: readonly Libc[] = ['glibc', 'musl', 'none'];

export type GoArch = 'amd64' | '386' | 'arm64' | 'arm' | 'ppc64le' | 's390x' | 'riscv64';
export type FloatAbi = 'hard' | 'soft';

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
}

export const ARCHES: Readonly<Record<GoArch, ArchInfo>> = {
  amd64: arch(
    'amd64',
    'ELF64',
    'little',
    'Advanced Micro Devices X86-64',
    ['v1', 'v2', 'v3', 'v4'],
    '3.2.0',
  ),
  '386': arch('386', 'ELF32', 'little', 'Intel 80386', [], '3.2.0'),
  arm64: arch('arm64', 'ELF64', 'little', 'AArch64', [], '3.7.0'),
  arm: arch('arm', 'ELF32', 'little', 'ARM', ['v5', 'v6', 'v7'], '3.2.0'),
  ppc64le: arch('ppc64le', 'ELF64', 'little', 'PowerPC64', [], '3.10.0'),
  s390x: arch('s390x', 'ELF64', 'big', 'IBM S/390', [], '3.2.0'),
  riscv64: arch('riscv64', 'ELF64', 'little', 'RISC-V', [], '4.15.0'),
};

function arch(
  goarch: GoArch,
  elfClass: ArchInfo['elfClass'],
  endian: ArchInfo['endian'],
  machine: string,
  variants: readonly string[],
  glibcKernelFloor: string,
): ArchInfo {
  const defaultVariant = goarch === 'amd64' ? 'v1' : goarch === 'arm' ? 'v7' : null;
  return { goarch, elfClass, endian, machine, variants, defaultVariant, glibcKernelFloor };
}

const ABIS: Readonly<Record<string, AbiInfo>> = {
  amd64: abi(
    '/lib64/ld-linux-x86-64.so.2',
    '/lib/ld-musl-x86_64.so.1',
    'x86_64-linux-gnu',
    'amd64',
    'x86_64',
  ),
  '386': abi('/lib/ld-linux.so.2', '/lib/ld-musl-i386.so.1', 'i686-linux-gnu', 'i386', 'i386'),
  arm64: abi(
    '/lib/ld-linux-aarch64.so.1',
    '/lib/ld-musl-aarch64.so.1',
    'aarch64-linux-gnu',
    'arm64',
    'aarch64',
  ),
  armhf: abi(
    '/lib/ld-linux-armhf.so.3',
    '/lib/ld-musl-armhf.so.1',
    'arm-linux-gnueabihf',
    'armhf',
    'armhf',
  ),
  armel: abi('/lib/ld-linux.so.3', '/lib/ld-musl-arm.so.1', 'arm-linux-gnueabi', 'armel', 'arm'),
  ppc64le: abi(
    '/lib64/ld64.so.2',
    '/lib/ld-musl-powerpc64le.so.1',
    'powerpc64le-linux-gnu',
    'ppc64el',
    'powerpc64le',
  ),
  s390x: abi('/lib/ld64.so.1', '/lib/ld-musl-s390x.so.1', 's390x-linux-gnu', 's390x', 's390x'),
  riscv64: abi(
    '/lib/ld-linux-riscv64-lp64d.so.1',
    '/lib/ld-musl-riscv64.so.1',
    'riscv64-linux-gnu',
    'riscv64',
    'riscv64',
  ),
};

function abi(
  glibcLoader: string,
  muslLoader: string,
  triplet: string,
  debianArch: string,
  muslArch: string,
): AbiInfo {
  return { glibcLoader, muslLoader, triplet, debianArch, muslArch };
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

export function formatTarget(target: Target): string {
  return target.variant === null
    ? `linux/${target.goarch}`
    : `linux/${target.goarch}/${target.variant}`;
}

export function floatAbiOf(target: Target): FloatAbi | null {
  if (target.goarch !== 'arm') return null;
  return target.variant === 'v7' ? 'hard' : 'soft';
}

export function abiOf(target: Target): AbiInfo {
  const key =
    target.goarch === 'arm' ? (floatAbiOf(target) === 'hard' ? 'armhf' : 'armel') : target.goarch;
  const info = ABIS[key];
  if (info === undefined) throw new Error(`no ABI row for ${key}`);
  return info;
}

export function loaderFor(target: Target, libc: Libc): string | null {
  if (libc === 'none') return null;
  const info = abiOf(target);
  return libc === 'glibc' ? info.glibcLoader : info.muslLoader;
}

/** Every canonical loader we know, to name what a wrong interpreter belongs to. */
export function describeLoader(path: string): string | null {
  for (const [key, info] of Object.entries(ABIS)) {
    if (info.glibcLoader === path) return `the glibc loader for ${key}`;
    if (info.muslLoader === path) return `the musl loader for ${key}`;
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
