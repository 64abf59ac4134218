/**
 * Removes debug info from the host programs of an extracted toolchain with the locked release's
 * own `strip`, unpacked into a temporary directory for the run and removed after it.
 */
import { mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  debugBytes,
  ELF_HEADER_BYTES,
  elfLayout,
  hostMachine,
  isUnneeded,
  sectionHeaders,
  stripToolLayout,
  stripToolPackages,
} from '../domain/toolchain/debug-strip.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { extractDeb } from './deb.js';
import { execQuiet } from './exec.js';
import { removeDeadLeftovers } from './leftovers.js';

export class StripError extends Error {
  override name = 'StripError';
}

export interface StripOptions {
  root: string;
  plan: ToolchainPlan;
  /** The locked tool packages, downloaded and hash-checked; empty when the lock names none. */
  toolDebs: readonly string[];
  /** A directory for the unpacked tool (a fresh subdirectory, removed afterwards). */
  scratch: string;
}

export interface StripResult {
  /** Host programs with debug sections, relative to the root. */
  files: string[];
  /** Bytes of their debug sections. */
  debugBytes: number;
  /** False when there was nothing to strip or no tool to strip with. */
  stripped: boolean;
  /** Files no build runs, removed (only with the strip tool: an older lock keeps its tree). */
  removed: string[];
}

export async function stripDebugInfo(o: StripOptions): Promise<StripResult> {
  // Only an extracted cross gcc has host programs; a sysroot for the host's own architecture
  // holds host-architecture libraries that are not ours to change.
  const machine = stripToolPackages(o.plan).length === 0 ? null : hostMachine(o.plan);
  const found = machine === null ? [] : await withDebugInfo(o.root, machine);
  const files = found.map((f) => f.path);
  const result = {
    files: files.map((f) => relative(o.root, f)),
    debugBytes: found.reduce((sum, f) => sum + f.debugBytes, 0),
    stripped: false,
    removed: [],
  };
  if (o.toolDebs.length === 0) return result;
  if (files.length > 0) {
    await mkdir(o.scratch, { recursive: true });
    await removeDeadLeftovers(o.scratch);
    const tool = await mkdtemp(join(o.scratch, `strip-${String(process.pid)}-`));
    try {
      for (const deb of o.toolDebs) await extractDeb(deb, tool);
      const { program, libraryDir } = stripToolLayout(o.plan);
      await runStrip(join(tool, program), join(tool, libraryDir), files);
    } finally {
      await rm(tool, { recursive: true, force: true });
    }
  }
  return { ...result, stripped: files.length > 0, removed: await prune(o.root, o.plan) };
}

async function prune(root: string, plan: ToolchainPlan): Promise<string[]> {
  const bin = await readdir(join(root, 'usr', 'bin')).catch(() => []);
  const unneeded = bin.map((name) => `usr/bin/${name}`).filter((p) => isUnneeded(plan, p));
  for (const p of unneeded) await rm(join(root, p));
  return unneeded.sort();
}

async function runStrip(program: string, libraryDir: string, files: string[]): Promise<void> {
  const env = { ...process.env, LD_LIBRARY_PATH: libraryDir };
  const r = await execQuiet(program, ['--strip-debug', ...files], { env });
  if (r.exitCode === 0) return;
  if (r.failure?.endsWith('not found') === true)
    throw new StripError(
      `the locked strip tool packages hold no ${program.split('/').at(-1) ?? 'strip'}`,
    );
  const why = r.stderr.trim().split('\n').at(-1) ?? '';
  throw new StripError(
    `strip --strip-debug failed: ${why === '' ? (r.failure ?? `exit status ${String(r.exitCode)}`) : why}`,
  );
}

/** Regular files under root that are programs or libraries of `machine` with debug sections. */
async function withDebugInfo(
  root: string,
  machine: number,
): Promise<{ path: string; debugBytes: number }[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const out: { path: string; debugBytes: number }[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const bytes = await debugBytesOf(path, machine);
    if (bytes > 0) out.push({ path, debugBytes: bytes });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads only the ELF header, the section table and the section names. */
async function debugBytesOf(path: string, machine: number): Promise<number> {
  const file = await open(path, 'r');
  try {
    const read = async (offset: number, length: number): Promise<Uint8Array> => {
      const buf = new Uint8Array(length);
      const { bytesRead } = await file.read(buf, 0, length, offset);
      return buf.subarray(0, bytesRead);
    };
    const layout = elfLayout(await read(0, ELF_HEADER_BYTES));
    if (layout === null || layout.machine !== machine) return 0;
    if (layout.type !== 2 && layout.type !== 3) return 0;
    const tableBytes = layout.shnum * layout.shentsize;
    if (tableBytes === 0 || tableBytes > 1 << 20) return 0;
    const sections = sectionHeaders(layout, await read(layout.shoff, tableBytes));
    const names = sections[layout.shstrndx];
    if (names === undefined || names.size > 1 << 20) return 0;
    return debugBytes(sections, await read(names.offset, names.size));
  } finally {
    await file.close();
  }
}

/**
 * Removes the debug sections of a target's objects and archives with the tree's own cross
 * `<triplet>-strip` (a newer release's musl objects carry DWARF relocations an older binutils
 * crashes on: riscv64's R_RISCV_SET_ULEB128 in trixie's libc.a under bookworm's ld 2.40).
 */
export async function stripTargetObjects(
  root: string,
  program: string,
  hostLibDir: string,
  files: readonly string[],
): Promise<void> {
  if (files.length === 0) return;
  const env = { ...process.env, LD_LIBRARY_PATH: join(root, hostLibDir) };
  const r = await execQuiet(join(root, program), ['--strip-debug', '--', ...files], { env });
  if (r.exitCode !== 0)
    throw new StripError(
      `${program} --strip-debug failed: ${r.failure ?? r.stderr.trim().split('\n')[0] ?? ''}`,
    );
}
