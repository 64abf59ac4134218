/** The first bytes of a file: is it ELF, and which e_type. */

export type Ident =
  { kind: 'elf'; type: 'REL' | 'EXEC' | 'DYN' | 'CORE' } | { kind: 'not-elf'; reason: string };

export const IDENT_BYTES = 18;

const TYPES = ['NONE', 'REL', 'EXEC', 'DYN', 'CORE'] as const;

export function parseIdent(bytes: Uint8Array): Ident {
  if (bytes.length === 0) return { kind: 'not-elf', reason: 'empty file' };
  const magic = bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
  if (!magic) return { kind: 'not-elf', reason: 'not an ELF file (no \\x7fELF magic)' };
  if (bytes.length < IDENT_BYTES)
    return {
      kind: 'not-elf',
      reason: `truncated ELF file: ${bytes.length} bytes, shorter than its header`,
    };
  const cls = bytes[4];
  const data = bytes[5];
  if ((cls !== 1 && cls !== 2) || (data !== 1 && data !== 2)) {
    return {
      kind: 'not-elf',
      reason: `malformed ELF header: class byte ${cls ?? 0}, data byte ${data ?? 0}`,
    };
  }
  const lo = bytes[16] ?? 0;
  const hi = bytes[17] ?? 0;
  const eType = data === 1 ? lo | (hi << 8) : (lo << 8) | hi;
  const name = TYPES[eType];
  if (name === undefined || name === 'NONE') {
    return {
      kind: 'not-elf',
      reason: `malformed ELF header: e_type ${eType} is not an executable, shared library, object or core file`,
    };
  }
  return { kind: 'elf', type: name };
}
