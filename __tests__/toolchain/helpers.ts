/** Shared helpers for the toolchain tests: the host's mirror, temp dirs, crafted .deb files. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateApt } from '../../src/adapters/apt.js';
import { hostMirrors } from '../../src/adapters/host-tools.js';

export interface HostMirror {
  uri: string;
  /** The keyring the host's own entry names, when it names a file. */
  keyring: string | undefined;
}

/** The main archive from the host's own apt configuration (no mirror is built in). */
export async function hostMirror(): Promise<HostMirror> {
  const osRelease = await readFile('/etc/os-release', 'utf8');
  const codename = /^VERSION_CODENAME=(.*)$/m.exec(osRelease)?.[1]?.replace(/"/g, '') ?? '';
  const [mirror] = await hostMirrors({
    extra: [],
    useHost: true,
    hostCodename: codename,
    codename: 'bullseye',
    arch: 'amd64',
  });
  if (mirror === undefined) throw new Error('the host names no mirror');
  return { uri: mirror.uri, keyring: mirror.keyring ?? undefined };
}

/** A private apt for bullseye on the host's mirror, its signed index fetched. */
export async function bullseyeApt(stateDir: string): Promise<PrivateApt> {
  const mirror = await hostMirror();
  const apt = new PrivateApt({
    stateDir,
    mirror: mirror.uri,
    suite: 'bullseye',
    arch: 'amd64',
    keyring: mirror.keyring,
  });
  await apt.update();
  return apt;
}

export async function tempDir(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `cgo-abi-guard-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface TarMember {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'fifo';
  data?: string;
  link?: string;
  /** Permission bits (default 0755 for directories, 0644 otherwise). */
  mode?: number;
}

const TYPEFLAG = { file: '0', hardlink: '1', symlink: '2', chardev: '3', dir: '5', fifo: '6' };

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value.slice(0, length), offset, length, 'utf8');
}

const octal = (n: number, width: number): string => `${n.toString(8).padStart(width - 1, '0')}\0`;

/** A plain ustar archive, written byte by byte, so any hostile member name can be made. */
export function tar(members: TarMember[]): Buffer {
  const blocks: Buffer[] = [];
  for (const m of members) {
    const data = Buffer.from(m.type === 'file' ? (m.data ?? '') : '');
    const h = Buffer.alloc(512);
    field(h, 0, 100, m.name);
    field(h, 100, 8, octal(m.mode ?? (m.type === 'dir' ? 0o755 : 0o644), 8));
    field(h, 108, 8, octal(0, 8));
    field(h, 116, 8, octal(0, 8));
    field(h, 124, 12, octal(data.length, 12));
    field(h, 136, 12, octal(1_600_000_000, 12));
    field(h, 148, 8, '        ');
    field(h, 156, 1, TYPEFLAG[m.type]);
    field(h, 157, 100, m.link ?? '');
    field(h, 257, 8, 'ustar\u000000');
    field(h, 265, 32, 'root');
    field(h, 297, 32, 'root');
    field(h, 329, 8, octal(m.type === 'chardev' ? 1 : 0, 8));
    field(h, 337, 8, octal(m.type === 'chardev' ? 3 : 0, 8));
    let sum = 0;
    for (const byte of h) sum += byte;
    field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A common `ar` archive as dpkg expects it: debian-binary, control.tar, data.tar. */
export function ar(files: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [Buffer.from('!<arch>\n')];
  for (const [name, data] of files) {
    const header =
      `${name}/`.padEnd(16) + '0'.padEnd(12) + '0'.padEnd(6) + '0'.padEnd(6) + '100644'.padEnd(8);
    parts.push(Buffer.from(`${header}${String(data.length).padEnd(10)}\`\n`), data);
    if (data.length % 2 === 1) parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

export async function writeDeb(path: string, name: string, members: TarMember[]): Promise<void> {
  const control = `Package: ${name}\nVersion: 1.0\nArchitecture: all\nMaintainer: t <t@t>\nDescription: t\n`;
  const deb = ar([
    ['debian-binary', Buffer.from('2.0\n')],
    ['control.tar', tar([{ name: './control', type: 'file', data: control }])],
    ['data.tar', tar(members)],
  ]);
  await writeFile(path, deb);
}
