/**
 * Whether an x86-64 kernel starts 32-bit x86 programs is a fact of the kernel, not of the
 * architecture: the hosted runners' kernels do (ia32 emulation), some virtual machines' do not
 * (`Exec format error`, seen on a Firecracker guest whose config has CONFIG_IA32_EMULATION).
 * The smoke run asks the kernel itself, by starting this program: a 91-byte static i386 ELF
 * executable that only calls exit(0). Pure: its bytes.
 */

/** Where the program is loaded, as i386 executables traditionally are. */
const BASE = 0x08048000;
const EHDR = 52;
const PHDR = 32;
/** xor ebx,ebx; xor eax,eax; inc eax (SYS_exit); int 0x80 */
const CODE = [0x31, 0xdb, 0x31, 0xc0, 0x40, 0xcd, 0x80];

export function i386ExitProgram(): Uint8Array {
  const size = EHDR + PHDR + CODE.length;
  const bytes = new Uint8Array(size);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0]); // ELF, 32-bit, little-endian, version 1, SysV
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, 3, true); // EM_386
  v.setUint32(20, 1, true); // EV_CURRENT
  v.setUint32(24, BASE + EHDR + PHDR, true); // entry: the code after the headers
  v.setUint32(28, EHDR, true); // program headers right after this one
  v.setUint16(40, EHDR, true);
  v.setUint16(42, PHDR, true);
  v.setUint16(44, 1, true); // one program header
  const p = EHDR;
  v.setUint32(p, 1, true); // PT_LOAD of the whole file
  v.setUint32(p + 8, BASE, true);
  v.setUint32(p + 12, BASE, true);
  v.setUint32(p + 16, size, true);
  v.setUint32(p + 20, size, true);
  v.setUint32(p + 24, 5, true); // PF_R | PF_X
  v.setUint32(p + 28, 0x1000, true);
  bytes.set(CODE, EHDR + PHDR);
  return bytes;
}
