/** Version needs decoded from readelf's dumps, as the loader walks them. */
import { describe, expect, it } from 'vitest';
import {
  decodeVerneed,
  emptyDumps,
  readHexLine,
  readStringLine,
} from '../../src/domain/elf/verneed.js';

/** The dumps readelf prints for a binary needing GLIBC_2.2.5 and GLIBC_2.34 (weak) of libc. */
function dumps(): ReturnType<typeof emptyDumps> {
  const d = emptyDumps();
  for (const line of [
    '  [     1]  xlibc.so.6', // a tail the linker shares: libc.so.6 starts at 2
    '  [     c]  GLIBC_2.2.5',
    '  [    18]  GLIBC_2.34',
  ])
    readStringLine(line, d);
  for (const line of [
    '  0x00000538 01000200 02000000 10000000 00000000 ................',
    '  0x00000548 751a6909 00000300 0c000000 10000000 u.i.............',
    '  0x00000558 b4919606 02000200 18000000 00000000 ................',
  ])
    readHexLine(line, d);
  return d;
}

describe('decodeVerneed', () => {
  it('follows the chain and resolves names that start inside a listed string', () => {
    expect(decodeVerneed(dumps(), true)).toEqual({
      needs: [
        { file: 'libc.so.6', name: 'GLIBC_2.2.5', weak: false },
        { file: 'libc.so.6', name: 'GLIBC_2.34', weak: true },
      ],
      entries: [{ file: 'libc.so.6', count: 2, listed: 2 }],
    });
  });

  it('refuses a chain that leaves the section', () => {
    const d = dumps();
    if (d.bytes !== null) d.bytes[0x2c] = 0x40; // the second vna_next points past the end
    expect(decodeVerneed(d, true)).toEqual({
      error: 'the version needs chain of libc.so.6 (vna_next) leaves .gnu.version_r',
    });
  });
});
