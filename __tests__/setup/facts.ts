/** ElfFacts built in a test, without a binary: the rules judged on one changed fact at a time. */
import type { ElfFacts } from '../../src/domain/elf/elf-facts.js';
import type { Hardening } from '../../src/domain/elf/hardening.js';

/** A non-PIE cgo executable's hardening as gcc and Go's external link leave it: change one. */
export function hardeningFacts(change: Partial<Hardening> = {}): Hardening {
  return {
    pie: false,
    relro: 'partial',
    bindNow: false,
    nxStack: true,
    stackProtector: 'no',
    fortified: [],
    cet: false,
    bti: null,
    pac: null,
    ...change,
  };
}

const libc = (name: string, weak = false) => ({ file: 'libc.so.6', name, weak });

/** A cgo program for linux/amd64 that meets glibc 2.31: change one fact at a time. */
export function cgoFacts(change: Partial<ElfFacts> = {}): ElfFacts {
  return {
    class: 'ELF64',
    endian: 'little',
    machine: 'Advanced Micro Devices X86-64',
    osabi: 'UNIX - System V',
    type: 'EXEC',
    flags: '0x0',
    floatAbi: null,
    interpreter: '/lib64/ld-linux-x86-64.so.2',
    hasDynamicSection: true,
    needed: ['libm.so.6', 'libc.so.6'],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [libc('GLIBC_2.2.5'), libc('GLIBC_2.3.2')],
    versions: { GLIBC: '2.3.2' },
    symbolVersions: [{ symbol: 'free', version: 'GLIBC_2.2.5' }],
    abiTag: '3.2.0',
    isaNeeded: ['x86-64-baseline'],
    goBinary: true,
    goBuild: {
      goVersion: 'go1.23.4',
      path: 'example.com/app',
      module: 'example.com/app',
      settings: { CGO_ENABLED: '1', GOOS: 'linux', GOARCH: 'amd64', GOAMD64: 'v1' },
      deps: {},
    },
    goBuildError: null,
    staticSymbols: [],
    staticLibc: null,
    buildPaths: [],
    warnings: [],
    hardening: hardeningFacts(),
    layout: {
      sectionHeaderOffset: 0,
      sectionHeaderSize: 64,
      sectionHeaderCount: 0,
      programHeaderOffset: 64,
      programHeaderSize: 56,
      programHeaderCount: 0,
      sections: [],
      segments: [{ type: 'DYNAMIC', offset: 0, fileSize: 0 }],
      dynamicVerneedCount: 1,
      dynamicVerneedAddress: 0,
      verneedEntries: [{ file: 'libc.so.6', count: 2, listed: 2 }],
      verneedFrom: 'version-info',
      verneedProblem: null,
    },
    ...change,
  };
}
