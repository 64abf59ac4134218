/**
 * Debian's two hardening checkers as oracles for facts.hardening: `hardening-check` (devscripts)
 * and `checksec` (the checksec package, 2.x). Each is run once over a list of files; a missing
 * one throws with the package to install, so the test fails instead of passing on nothing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface HardeningCheck {
  /** `yes`, `no, normal executable!`, `no, regular shared library (ignored)`, … */
  pie: string;
  stack: string;
  fortify: string;
  relro: string;
  bindNow: string;
  cfi: string;
}

export interface Checksec {
  relro: 'full' | 'partial' | 'no';
  canary: 'yes' | 'no';
  nx: 'yes' | 'no';
  pie: 'yes' | 'no' | 'dso' | 'rel';
}

export function requireTool(tool: string, pkg: string): void {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.error !== undefined)
    throw new Error(
      `${tool} is not installed: the hardening oracle test needs it (apt-get install --no-install-recommends ${pkg}; listed in scripts/apt-packages.txt)`,
    );
}

const HC_FIELDS: Record<string, keyof HardeningCheck> = {
  'Position Independent Executable': 'pie',
  'Stack protected': 'stack',
  'Fortify Source functions': 'fortify',
  'Read-only relocations': 'relro',
  'Immediate binding': 'bindNow',
  'Control flow integrity': 'cfi',
};

/** hardening-check's text for many files: `path:` then one ` Name: value` line per check. */
export function parseHardeningCheck(
  text: string,
  files: readonly string[],
): Map<string, HardeningCheck> {
  const out = new Map<string, HardeningCheck>();
  let current: Partial<HardeningCheck> | null = null;
  const known = new Set(files);
  for (const line of text.split('\n')) {
    if (!line.startsWith(' ') && line.endsWith(':') && known.has(line.slice(0, -1))) {
      current = {};
      out.set(line.slice(0, -1), current as HardeningCheck);
      continue;
    }
    const m = /^ ([^:]+): (.*)$/.exec(line);
    const field = m?.[1] === undefined ? undefined : HC_FIELDS[m[1]];
    if (current !== null && field !== undefined && m?.[2] !== undefined) current[field] = m[2];
  }
  return out;
}

/**
 * hardening-check over every file in one process. Its stack-clash check (which we do not
 * compare) disassembles each whole file with objdump, seconds per Go binary: an objdump that
 * prints nothing is put first on its PATH, and that check then says "unknown" for every file.
 */
export async function hardeningCheck(
  files: readonly string[],
  parallel = 2,
): Promise<Map<string, HardeningCheck>> {
  const bin = mkdtempSync(join(tmpdir(), 'no-objdump-'));
  writeFileSync(join(bin, 'objdump'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, LANG: 'C', LC_ALL: 'C' };
  try {
    const outputs = await Promise.all(
      split(files, parallel).map(async (part) => {
        // It exits 1 when any file lacks a feature: its report is still the whole stdout.
        const r = await run('hardening-check', part, { maxBuffer: 64 * 1024 * 1024, env }).catch(
          (e: unknown) => {
            const { stdout, code } = e as { stdout?: unknown; code?: unknown };
            if (typeof stdout !== 'string' || code !== 1) throw e;
            return { stdout };
          },
        );
        return r.stdout;
      }),
    );
    return parseHardeningCheck(outputs.join('\n'), files);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

/** The files in `parts` lists (fewer when there are fewer files), for processes run at once. */
function split(files: readonly string[], parts: number): string[][] {
  return Array.from({ length: parts }, (_, i) => files.filter((_, j) => j % parts === i)).filter(
    (p) => p.length > 0,
  );
}

/**
 * checksec 2.6 `--output=json --listfile=…`: one object per file, but with a trailing comma
 * before the closing brace (not JSON): read line by line. Run in a few processes at once —
 * it starts a dozen readelf per file.
 */
export async function checksec(
  files: readonly string[],
  parallel = 4,
): Promise<Map<string, Checksec>> {
  const dir = mkdtempSync(join(tmpdir(), 'checksec-'));
  try {
    const outputs = await Promise.all(
      split(files, parallel).map(async (part, i) => {
        const list = join(dir, `list${i}`);
        writeFileSync(list, `${part.join('\n')}\n`);
        const r = await run('checksec', ['--output=json', `--listfile=${list}`], {
          maxBuffer: 16 * 1024 * 1024,
          env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
        });
        return r.stdout;
      }),
    );
    const out = new Map<string, Checksec>();
    for (const line of outputs.join('\n').split('\n')) {
      const m = /^\s*"([^"]+)": (\{.*\}),?\s*$/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], JSON.parse(m[2]) as Checksec);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
