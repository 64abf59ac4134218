/**
 * Debug info in an extracted cross gcc: which host programs carry it, and the pinned tool that
 * removes it. Debian 11's gcc-10 cross packages ship cc1, cc1plus and lto1 with full DWARF (200 MB
 * each, 28-31 MB without). `strip --strip-debug` keeps the symbol table and every loaded byte, so
 * the compiler (and -flto, which runs lto1) works as before. strip's output differs between
 * binutils versions, so the strip used is the floor release's own host binutils, locked like the
 * toolchain's packages: the same lock gives the same tree on any host of that architecture.
 */
import { packageTriplet, type ToolchainPlan } from './toolchain-plan.js';

/**
 * The packages whose `strip` is run at install time (never installed into the tree): the
 * release's binutils for the host architecture and the libbfd it loads. Only a cross gcc ships
 * unstripped programs; the other modes use the host's compiler.
 */
export function stripToolPackages(plan: ToolchainPlan): string[] {
  if (plan.mode !== 'cross-gcc') return [];
  return [`binutils-${packageTriplet(plan.host.multiarch)}`, 'libbinutils'];
}

/**
 * Files of the compiler packages that no build runs, removed with the debug info: `lto-dump`
 * (24 MB in gcc-10) only prints the contents of LTO objects; `-flto` builds run lto1, not it.
 */
export function isUnneeded(plan: ToolchainPlan, path: string): boolean {
  if (plan.mode !== 'cross-gcc') return false;
  return new RegExp(`^usr/bin/${plan.triplet}-lto-dump-\\d+$`).test(path);
}

/** Where the strip program and its libraries are inside the extracted tool packages. */
export function stripToolLayout(plan: ToolchainPlan): { program: string; libraryDir: string } {
  return {
    program: `usr/bin/${plan.host.multiarch}-strip`,
    libraryDir: `usr/lib/${plan.host.multiarch}`,
  };
}

/** e_machine of the host's own programs; null when this host's is not known here. */
export function hostMachine(plan: ToolchainPlan): number | null {
  const machines: Partial<Record<string, number>> = { amd64: 62, arm64: 183, '386': 3 };
  return machines[plan.host.goarch] ?? null;
}

export const ELF_HEADER_BYTES = 64;

export interface ElfLayout {
  /** e_type: 2 executable, 3 shared object. */
  type: number;
  machine: number;
  /** Offset, entry size and count of the section header table; index of the names section. */
  shoff: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
  is64: boolean;
  little: boolean;
}

/** The ELF header's section table layout, or null for anything but a sound ELF header. */
export function elfLayout(h: Uint8Array): ElfLayout | null {
  if (h.length < 52 || h[0] !== 0x7f || h[1] !== 0x45 || h[2] !== 0x4c || h[3] !== 0x46)
    return null;
  if ((h[4] !== 1 && h[4] !== 2) || (h[5] !== 1 && h[5] !== 2)) return null;
  const is64 = h[4] === 2;
  const little = h[5] === 1;
  if (is64 && h.length < ELF_HEADER_BYTES) return null;
  const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
  const u16 = (at: number): number => v.getUint16(at, little);
  const shoff = is64 ? Number(v.getBigUint64(0x28, little)) : v.getUint32(0x20, little);
  const at = is64 ? 0x3a : 0x2e;
  return {
    type: u16(0x10),
    machine: u16(0x12),
    shoff,
    shentsize: u16(at),
    shnum: u16(at + 2),
    shstrndx: u16(at + 4),
    is64,
    little,
  };
}

export interface SectionHeader {
  /** Offset of the name in the names section. */
  name: number;
  offset: number;
  size: number;
}

/** The section headers from the bytes of the section header table. */
export function sectionHeaders(layout: ElfLayout, table: Uint8Array): SectionHeader[] {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const { is64, little, shentsize } = layout;
  const out: SectionHeader[] = [];
  for (let i = 0; i < layout.shnum && (i + 1) * shentsize <= table.length; i++) {
    const b = i * shentsize;
    out.push(
      is64
        ? {
            name: v.getUint32(b, little),
            offset: Number(v.getBigUint64(b + 0x18, little)),
            size: Number(v.getBigUint64(b + 0x20, little)),
          }
        : {
            name: v.getUint32(b, little),
            offset: v.getUint32(b + 0x10, little),
            size: v.getUint32(b + 0x14, little),
          },
    );
  }
  return out;
}

/** Bytes of debug sections (`.debug_*`, `.zdebug_*`), given the names section's bytes. */
export function debugBytes(sections: readonly SectionHeader[], names: Uint8Array): number {
  let total = 0;
  for (const s of sections) {
    const end = names.indexOf(0, s.name);
    const name = String.fromCharCode(...names.subarray(s.name, end < 0 ? names.length : end));
    if (/^\.z?debug_/.test(name)) total += s.size;
  }
  return total;
}

/** Said once when a lock entry predates stripping: what it costs and how to move on. */
export function unstrippedNotice(
  key: string,
  lockPath: string,
  debugMb: number,
  /** How the user runs unfrozen: `without --frozen`, `with frozen-lockfile: false`. */
  unfreeze: string,
): string {
  return (
    `the lock entry for ${key} in ${lockPath} names no strip tool packages (it was written by an ` +
    `older version), so its compiler is installed as packaged, with ${debugMb.toFixed(0)} MB of debug info: ` +
    `to install the lighter toolchain, delete that entry, run once ${unfreeze} and commit the lockfile`
  );
}
