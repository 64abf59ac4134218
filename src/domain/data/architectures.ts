/**
 * The target architectures, one row per ABI (Debian architecture): what Go, Debian, glibc, musl,
 * the ELF header, `uname -m`, Node and qemu-user call it. Data only; platform.ts and the tables
 * the code looks things up in (the uname and multiarch maps, qemu names, first glibc) are views
 * of it. Adding a target is adding a row here.
 */

export type GoArch = 'amd64' | '386' | 'arm64' | 'arm' | 'ppc64le' | 's390x' | 'riscv64';
export type FloatAbi = 'hard' | 'soft';

export interface Architecture {
  /** Debian's name: its packages' architecture (`armhf`), and the row's key. */
  debian: string;
  /** How messages name the ABI: the GOARCH, or Debian's name where one GOARCH has two ABIs. */
  name: string;
  goarch: GoArch;
  /** The GOAMD64 / GOARM levels built for this ABI, lowest first; empty when the GOARCH has none. */
  variants: readonly string[];
  /** The level `linux/<goarch>` stands for when it names none (Go's default GOAMD64 / GOARM). */
  defaultVariant: string | null;
  /** What `uname -m` prints on machines of this ABI. */
  uname: readonly string[];
  /** Node's `process.arch` on it; null when Node's name is another ABI's. */
  node: string | null;
  elf: {
    class: 'ELF32' | 'ELF64';
    endian: 'little' | 'big';
    /** The Machine line of `readelf -h`. */
    machine: string;
    /** The float ABI its header flags state (ARM EABI: `hard-float ABI`); null when none. */
    floatAbi: FloatAbi | null;
  };
  glibc: {
    /** GNU triplet of Debian's cross toolchain (`gcc-<triplet>`). */
    triplet: string;
    /** Debian's multiarch directory (`usr/lib/<multiarch>`). */
    multiarch: string;
    loader: string;
    /** The first `GLIBC_` version node of its glibc port (symbols older than the port start there). */
    first: string;
    /** glibc's own minimum kernel for it (the NT_GNU_ABI_TAG it writes by default). */
    kernel: string;
  };
  musl: {
    /** musl's name, as in `libc.musl-<arch>.so.1`. */
    arch: string;
    /** The GNU triplet clang takes (`--target`). */
    triplet: string;
    /** Debian's directory for it (`/usr/lib/<multiarch>`, `/usr/include/<multiarch>`). */
    multiarch: string;
    loader: string;
  };
  /** qemu-user's name (`qemu-<name>`). */
  qemu: string;
}

/** In the order targets are listed (usage texts, README). */
export const ARCHITECTURES: readonly Architecture[] = [
  {
    debian: 'amd64',
    name: 'amd64',
    goarch: 'amd64',
    variants: ['v1', 'v2', 'v3', 'v4'],
    defaultVariant: 'v1',
    uname: ['x86_64', 'amd64'],
    node: 'x64',
    elf: {
      class: 'ELF64',
      endian: 'little',
      machine: 'Advanced Micro Devices X86-64',
      floatAbi: null,
    },
    glibc: {
      triplet: 'x86_64-linux-gnu',
      multiarch: 'x86_64-linux-gnu',
      loader: '/lib64/ld-linux-x86-64.so.2',
      first: '2.2.5',
      kernel: '3.2.0',
    },
    musl: {
      arch: 'x86_64',
      triplet: 'x86_64-linux-musl',
      multiarch: 'x86_64-linux-musl',
      loader: '/lib/ld-musl-x86_64.so.1',
    },
    qemu: 'x86_64',
  },
  {
    debian: 'arm64',
    name: 'arm64',
    goarch: 'arm64',
    variants: [],
    defaultVariant: null,
    uname: ['aarch64', 'arm64'],
    node: 'arm64',
    elf: { class: 'ELF64', endian: 'little', machine: 'AArch64', floatAbi: null },
    glibc: {
      triplet: 'aarch64-linux-gnu',
      multiarch: 'aarch64-linux-gnu',
      loader: '/lib/ld-linux-aarch64.so.1',
      first: '2.17',
      kernel: '3.7.0',
    },
    musl: {
      arch: 'aarch64',
      triplet: 'aarch64-linux-musl',
      multiarch: 'aarch64-linux-musl',
      loader: '/lib/ld-musl-aarch64.so.1',
    },
    qemu: 'aarch64',
  },
  {
    debian: 'armhf',
    name: 'armhf',
    goarch: 'arm',
    variants: ['v7'],
    defaultVariant: 'v7',
    uname: ['armv7l', 'armv8l'],
    node: 'arm',
    elf: { class: 'ELF32', endian: 'little', machine: 'ARM', floatAbi: 'hard' },
    glibc: {
      triplet: 'arm-linux-gnueabihf',
      multiarch: 'arm-linux-gnueabihf',
      loader: '/lib/ld-linux-armhf.so.3',
      first: '2.4',
      kernel: '3.2.0',
    },
    musl: {
      arch: 'armhf',
      triplet: 'arm-linux-musleabihf',
      multiarch: 'arm-linux-musleabihf',
      loader: '/lib/ld-musl-armhf.so.1',
    },
    qemu: 'arm',
  },
  {
    debian: 'armel',
    name: 'armel',
    goarch: 'arm',
    variants: ['v5', 'v6'],
    defaultVariant: null,
    uname: ['armv6l', 'armv5tel'],
    node: null,
    elf: { class: 'ELF32', endian: 'little', machine: 'ARM', floatAbi: 'soft' },
    glibc: {
      triplet: 'arm-linux-gnueabi',
      multiarch: 'arm-linux-gnueabi',
      loader: '/lib/ld-linux.so.3',
      first: '2.4',
      kernel: '3.2.0',
    },
    musl: {
      arch: 'arm',
      triplet: 'arm-linux-musleabi',
      multiarch: 'arm-linux-musleabi',
      loader: '/lib/ld-musl-arm.so.1',
    },
    qemu: 'arm',
  },
  {
    debian: 'i386',
    name: '386',
    goarch: '386',
    variants: [],
    defaultVariant: null,
    uname: ['i386', 'i486', 'i586', 'i686'],
    node: 'ia32',
    elf: { class: 'ELF32', endian: 'little', machine: 'Intel 80386', floatAbi: null },
    glibc: {
      triplet: 'i686-linux-gnu',
      multiarch: 'i386-linux-gnu',
      loader: '/lib/ld-linux.so.2',
      first: '2.0',
      kernel: '3.2.0',
    },
    musl: {
      arch: 'i386',
      triplet: 'i686-linux-musl',
      multiarch: 'i386-linux-musl',
      loader: '/lib/ld-musl-i386.so.1',
    },
    qemu: 'i386',
  },
  {
    debian: 'ppc64el',
    name: 'ppc64le',
    goarch: 'ppc64le',
    variants: [],
    defaultVariant: null,
    uname: ['ppc64le'],
    node: 'ppc64',
    elf: { class: 'ELF64', endian: 'little', machine: 'PowerPC64', floatAbi: null },
    glibc: {
      triplet: 'powerpc64le-linux-gnu',
      multiarch: 'powerpc64le-linux-gnu',
      loader: '/lib64/ld64.so.2',
      first: '2.17',
      kernel: '3.10.0',
    },
    musl: {
      arch: 'powerpc64le',
      triplet: 'powerpc64le-linux-musl',
      multiarch: 'powerpc64le-linux-musl',
      loader: '/lib/ld-musl-powerpc64le.so.1',
    },
    qemu: 'ppc64le',
  },
  {
    debian: 's390x',
    name: 's390x',
    goarch: 's390x',
    variants: [],
    defaultVariant: null,
    uname: ['s390x'],
    node: 's390x',
    elf: { class: 'ELF64', endian: 'big', machine: 'IBM S/390', floatAbi: null },
    glibc: {
      triplet: 's390x-linux-gnu',
      multiarch: 's390x-linux-gnu',
      loader: '/lib/ld64.so.1',
      first: '2.2',
      kernel: '3.2.0',
    },
    musl: {
      arch: 's390x',
      triplet: 's390x-linux-musl',
      multiarch: 's390x-linux-musl',
      loader: '/lib/ld-musl-s390x.so.1',
    },
    qemu: 's390x',
  },
  {
    debian: 'riscv64',
    name: 'riscv64',
    goarch: 'riscv64',
    variants: [],
    defaultVariant: null,
    uname: ['riscv64'],
    node: 'riscv64',
    elf: { class: 'ELF64', endian: 'little', machine: 'RISC-V', floatAbi: null },
    glibc: {
      triplet: 'riscv64-linux-gnu',
      multiarch: 'riscv64-linux-gnu',
      loader: '/lib/ld-linux-riscv64-lp64d.so.1',
      first: '2.27',
      kernel: '4.15.0',
    },
    musl: {
      arch: 'riscv64',
      triplet: 'riscv64-linux-musl',
      multiarch: 'riscv64-linux-musl',
      loader: '/lib/ld-musl-riscv64.so.1',
    },
    qemu: 'riscv64',
  },
];
