/**
 * A static library (`ar` archive, GNU format) written byte for byte: the linker pulls a member in
 * only for a symbol still undefined, which the archive's symbol index maps to it. Dates, owners
 * and modes are fixed, so the same members give the same bytes on every host. Pure.
 */

export interface ArMember {
  /** At most 15 characters (the short-name form), no slash. */
  name: string;
  data: Uint8Array;
  /** The global symbols it defines: the archive's index. */
  symbols: readonly string[];
}

const MAGIC = '!<arch>\n';
const HEADER = 60;

function header(name: string, size: number): Uint8Array {
  const text =
    name.padEnd(16) +
    '0'.padEnd(12) +
    '0'.padEnd(6) +
    '0'.padEnd(6) +
    '644'.padEnd(8) +
    String(size).padEnd(10) +
    '`\n';
  return new TextEncoder().encode(text);
}

const padded = (n: number): number => n + (n % 2);

export function arArchive(members: readonly ArMember[]): Uint8Array | { error: string } {
  for (const m of members)
    if (m.name.length > 15 || m.name.includes('/'))
      return { error: `archive member name "${m.name}" is longer than 15 characters or has a /` };
  const enc = new TextEncoder();
  const symbols = members.flatMap((m, i) => m.symbols.map((s) => ({ s, i })));
  const names = enc.encode(symbols.map(({ s }) => `${s}\0`).join(''));
  const indexSize = 4 + 4 * symbols.length + names.length;
  // Each member's header offset from the start of the file, after the magic and the index.
  const offsets: number[] = [];
  let at = MAGIC.length + HEADER + padded(indexSize);
  for (const m of members) {
    offsets.push(at);
    at += HEADER + padded(m.data.length);
  }
  const out = new Uint8Array(at);
  const view = new DataView(out.buffer);
  out.set(enc.encode(MAGIC), 0);
  let pos = MAGIC.length;
  out.set(header('/', indexSize), pos);
  pos += HEADER;
  view.setUint32(pos, symbols.length);
  symbols.forEach(({ i }, k) => {
    view.setUint32(pos + 4 + 4 * k, offsets[i] ?? 0);
  });
  out.set(names, pos + 4 + 4 * symbols.length);
  pos += padded(indexSize);
  // Odd sizes are padded with a newline, as ar does.
  if (indexSize % 2 === 1) out[pos - 1] = 0x0a;
  for (const m of members) {
    out.set(header(`${m.name}/`, m.data.length), pos);
    out.set(m.data, pos + HEADER);
    pos += HEADER + padded(m.data.length);
    if (m.data.length % 2 === 1) out[pos - 1] = 0x0a;
  }
  return out;
}
