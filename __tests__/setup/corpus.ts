/**
 * Real ELF files on this machine, from Debian packages: the host's own libraries and programs
 * and the cross C libraries of six other architectures (libc6-*-cross, libstdc++6-*-cross).
 */
import { openSync, readSync, closeSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIRS: readonly { dir: string; limit: number }[] = [
  { dir: '/usr/lib/x86_64-linux-gnu', limit: 60 },
  { dir: '/usr/bin', limit: 60 },
  { dir: '/usr/aarch64-linux-gnu/lib', limit: 40 },
  { dir: '/usr/arm-linux-gnueabihf/lib', limit: 40 },
  { dir: '/usr/arm-linux-gnueabi/lib', limit: 40 },
  { dir: '/usr/i686-linux-gnu/lib', limit: 40 },
  { dir: '/usr/powerpc64le-linux-gnu/lib', limit: 40 },
  { dir: '/usr/s390x-linux-gnu/lib', limit: 40 },
  { dir: '/usr/riscv64-linux-gnu/lib', limit: 40 },
];

/** An executable or shared library (ET_EXEC / ET_DYN), by its first bytes. */
export function isElfBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(18);
    if (readSync(fd, b, 0, 18, 0) < 18) return false;
    if (b.readUInt32BE(0) !== 0x7f454c46) return false;
    const type = b[5] === 1 ? b.readUInt16LE(16) : b.readUInt16BE(16);
    return type === 2 || type === 3;
  } finally {
    closeSync(fd);
  }
}

export function realElfFiles(dirs = CORPUS_DIRS): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { dir, limit } of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    let taken = 0;
    for (const name of names) {
      if (taken >= limit) break;
      const path = join(dir, name);
      let real: string;
      try {
        real = realpathSync(path);
        if (!statSync(real).isFile() || seen.has(real) || !isElfBinary(real)) continue;
      } catch {
        continue;
      }
      seen.add(real);
      out.push(real);
      taken++;
    }
  }
  return out;
}
