/**
 * The distribution releases: those a toolchain is taken from (their glibc, musl, gcc, the C++
 * runtime they ship, the architectures their archives serve), the distributions that only stand
 * for a glibc floor (their C++ runtime), the npm crosstool-ng toolchains below every release, and
 * where the smoke run's qemu-user comes from. Data only; toolchain/releases.ts, rules/cxx-floors.ts, toolchain/npm-toolchains.ts and
 * toolchain/target-mirrors.ts are views of it.
 */
import type { GoArch } from './architectures.js';

export type Family = 'debian' | 'ubuntu';

/** An archive, by its path on the family's mirrors: Ubuntu keeps all but amd64 and i386 in ports. */
export type Archive = 'debian' | 'ubuntu' | 'ubuntu-ports';

/**
 * What a release's libstdc++.so.6 / libgcc_s.so.1 define at the newest (GLIBCXX, CXXABI, GCC
 * version nodes: the C++ ceilings at its glibc floor), and the gcc they are from (which can be
 * newer than the release's default gcc: Ubuntu 20.04's gcc 9 with gcc 10's libstdc++).
 */
export interface CxxRuntime {
  gcc: string;
  GLIBCXX: string;
  CXXABI: string;
  GCC: string;
}

export interface ReleaseRow {
  family: Family;
  codename: string;
  /** `Debian 11`: how the C++ floors name it. */
  name: string;
  glibc: string;
  /** Its musl package's version; null where not recorded. */
  musl: string | null;
  /** Its default gcc's major version; null where not recorded. */
  gcc: string | null;
  /** Null where not recorded: a floor at its glibc gets the next older row's ceilings. */
  cxx: CxxRuntime | null;
  /** Debian architecture → the archive that serves it, as the Release files list them. */
  architectures: Readonly<Record<string, Archive>>;
  /**
   * Its cross binutils' ld (GNU ld 2.35) writes the whole path of an object that has no file
   * symbol (glibc's and musl's crt1.o, crti.o, crtn.o) into .symtab as one: measured on
   * bullseye's 2.35.2; bookworm's 2.40 writes the base name.
   */
  ldWritesObjectPaths?: true;
}

const DEBIAN = (arches: readonly string[]): Record<string, Archive> =>
  Object.fromEntries(arches.map((a) => [a, 'debian' as const]));
const UBUNTU: Readonly<Record<string, Archive>> = {
  amd64: 'ubuntu',
  i386: 'ubuntu',
  arm64: 'ubuntu-ports',
  armhf: 'ubuntu-ports',
  ppc64el: 'ubuntu-ports',
  riscv64: 'ubuntu-ports',
  s390x: 'ubuntu-ports',
};

/** The releases toolchains are taken from. The order is the C++ floors' naming order. */
export const RELEASE_ROWS: readonly ReleaseRow[] = [
  {
    family: 'debian',
    codename: 'bullseye',
    name: 'Debian 11',
    glibc: '2.31',
    musl: '1.2.2',
    gcc: '10',
    cxx: { gcc: '10', GLIBCXX: '3.4.28', CXXABI: '1.3.12', GCC: '7.0.0' },
    // As served in its LTS years (the rest left the main archive).
    architectures: DEBIAN(['amd64', 'arm64', 'armhf', 'i386']),
    ldWritesObjectPaths: true,
  },
  {
    family: 'debian',
    codename: 'bookworm',
    name: 'Debian 12',
    glibc: '2.36',
    musl: '1.2.3',
    gcc: '12',
    cxx: { gcc: '12', GLIBCXX: '3.4.30', CXXABI: '1.3.13', GCC: '12.0.0' },
    architectures: DEBIAN(['amd64', 'arm64', 'armel', 'armhf', 'i386', 'ppc64el', 's390x']),
  },
  {
    family: 'debian',
    codename: 'trixie',
    name: 'Debian 13',
    glibc: '2.41',
    musl: '1.2.5',
    gcc: '14',
    cxx: { gcc: '14', GLIBCXX: '3.4.33', CXXABI: '1.3.15', GCC: '14.0.0' },
    architectures: DEBIAN([
      'amd64',
      'arm64',
      'armel',
      'armhf',
      'i386',
      'ppc64el',
      'riscv64',
      's390x',
    ]),
  },
  {
    family: 'ubuntu',
    codename: 'focal',
    name: 'Ubuntu 20.04',
    glibc: '2.31',
    musl: null,
    gcc: '9',
    cxx: { gcc: '10', GLIBCXX: '3.4.28', CXXABI: '1.3.12', GCC: '7.0.0' },
    architectures: UBUNTU,
  },
  {
    family: 'ubuntu',
    codename: 'jammy',
    name: 'Ubuntu 22.04',
    glibc: '2.35',
    musl: null,
    gcc: '11',
    cxx: { gcc: '12', GLIBCXX: '3.4.30', CXXABI: '1.3.13', GCC: '12.0.0' },
    architectures: UBUNTU,
  },
  {
    family: 'ubuntu',
    codename: 'noble',
    name: 'Ubuntu 24.04',
    glibc: '2.39',
    musl: null,
    gcc: '13',
    cxx: { gcc: '14', GLIBCXX: '3.4.33', CXXABI: '1.3.15', GCC: '14.0.0' },
    architectures: UBUNTU,
  },
  {
    // 26.04 LTS: glibc 2.43 (Ubuntu's 26.04 release notes, "Toolchain upgrades").
    family: 'ubuntu',
    codename: 'resolute',
    name: 'Ubuntu 26.04',
    glibc: '2.43',
    musl: null,
    gcc: null,
    cxx: null,
    architectures: UBUNTU,
  },
];

/** Distributions no toolchain is taken from, which stand for a glibc floor (their C++ runtime). */
export const FLOOR_DISTRIBUTIONS: readonly { name: string; glibc: string; cxx: CxxRuntime }[] = [
  {
    name: 'CentOS 7',
    glibc: '2.17',
    cxx: { gcc: '4.8', GLIBCXX: '3.4.19', CXXABI: '1.3.7', GCC: '4.8.0' },
  },
  {
    name: 'Debian 9',
    glibc: '2.24',
    cxx: { gcc: '6', GLIBCXX: '3.4.22', CXXABI: '1.3.10', GCC: '4.8.0' },
  },
  {
    name: 'Ubuntu 18.04',
    glibc: '2.27',
    cxx: { gcc: '8', GLIBCXX: '3.4.25', CXXABI: '1.3.11', GCC: '7.0.0' },
  },
  {
    name: 'Debian 10',
    glibc: '2.28',
    cxx: { gcc: '8', GLIBCXX: '3.4.25', CXXABI: '1.3.11', GCC: '7.0.0' },
  },
  {
    name: 'RHEL 8',
    glibc: '2.28',
    cxx: { gcc: '8', GLIBCXX: '3.4.25', CXXABI: '1.3.11', GCC: '7.0.0' },
  },
  {
    name: 'RHEL 9',
    glibc: '2.34',
    cxx: { gcc: '11', GLIBCXX: '3.4.29', CXXABI: '1.3.13', GCC: '7.0.0' },
  },
];

export interface NpmToolchainRow {
  /** The package: name, version and npm's `integrity`, which the lock records too. */
  pin: { name: string; version: string; integrity: string };
  /** crosstool-ng's triplet: the `.tar.xz` inside the package, the tool prefix and sysroot dir. */
  triplet: string;
  /** The architecture the package's own programs (gcc, as, ld) run on, as Go names it. */
  hostGoarch: GoArch;
}

/**
 * Below every release: napi-rs's crosstool-ng toolchains on the npm registry (gcc 4.8.5,
 * binutils, a glibc 2.17 sysroot with its own loader), one `.tar.xz` per package.
 */
export const NPM_TOOLCHAINS: {
  family: 'napi-rs';
  codename: 'crosstool-ng';
  glibc: string;
  gcc: string;
  toolchains: Partial<Readonly<Record<GoArch, NpmToolchainRow>>>;
} = {
  family: 'napi-rs',
  codename: 'crosstool-ng',
  glibc: '2.17',
  gcc: '4.8.5',
  toolchains: {
    amd64: {
      pin: {
        name: '@napi-rs/cross-toolchain-x64-target-x86_64',
        version: '1.0.0',
        integrity:
          'sha512-lecoghCfoTAX9MLFcIx9/nL9M8xdkZ9n8Pki8qjKUNzjiq1zbECdEbzIZAMMHRtrXxifK9dAyYuh8gSxNbr2og==',
      },
      triplet: 'x86_64-unknown-linux-gnu',
      hostGoarch: 'amd64',
    },
    arm64: {
      pin: {
        name: '@napi-rs/cross-toolchain-x64-target-aarch64',
        version: '1.0.3',
        integrity:
          'sha512-EMFcy/ahFsmCY3BI1tMC3wRUYZ+cDuILg7nP1micaKXW1tO1+RvUB1CC6QYe+cv2W4Tuz9wr3qcFExWyjgWf2w==',
      },
      triplet: 'aarch64-unknown-linux-gnu',
      hostGoarch: 'amd64',
    },
  },
};

/**
 * Where the smoke run's qemu-user comes from, per family: its release (null: the host's own) and
 * the package holding static emulators. Debian's is trixie's `qemu-user` (qemu 10, static-pie since
 * trixie, where `qemu-user-static` only depends on it): a static program runs on any Debian host,
 * and bookworm's qemu-i386 7.2 crashes Go's 386 runtime (SIGSEGV in mallocgc) where trixie's runs
 * it — the way a host whose kernel does not start 32-bit programs runs linux/386. Ubuntu's is the
 * host release's `qemu-user-static` (its runners' kernels start 386 programs themselves).
 */
export const QEMU_SOURCES: Readonly<Record<Family, { codename: string | null; package: string }>> =
  {
    debian: { codename: 'trixie', package: 'qemu-user' },
    ubuntu: { codename: null, package: 'qemu-user-static' },
  };

/** The packages a qemu lock entry may pin, from this version or an earlier one. */
export const QEMU_PACKAGES: readonly string[] = ['qemu-user-static', 'qemu-user'];
