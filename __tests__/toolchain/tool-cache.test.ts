/** Installs are found through @actions/tool-cache's find(), in its layout, without noise on stdout. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTool, toolDir } from '../../src/adapters/tool-cache.js';

const root = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-tc-'));
const VERSION = '2.31.0-bullseye.gcc.h0123456789ab';
const saved = { env: process.env.RUNNER_TOOL_CACHE, actions: process.env.GITHUB_ACTIONS };

afterEach(() => {
  process.env.GITHUB_ACTIONS = saved.actions;
  if (saved.actions === undefined) delete process.env.GITHUB_ACTIONS;
});

/** What findTool wrote to stdout while it ran. */
function quietly<T>(fn: () => T): { value: T; out: string } {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  };
  try {
    return { value: fn(), out };
  } finally {
    process.stdout.write = write;
  }
}

describe('findTool', () => {
  it('finds a complete install where toolDir puts it, and only once it is complete', () => {
    const dir = toolDir(root, 'cgo-abi-guard-aarch64-linux-gnu-gcc', VERSION, 'x64');
    mkdirSync(dir, { recursive: true });
    expect(findTool(root, 'cgo-abi-guard-aarch64-linux-gnu-gcc', VERSION, 'x64')).toBeNull();
    writeFileSync(`${dir}.complete`, '');
    expect(findTool(root, 'cgo-abi-guard-aarch64-linux-gnu-gcc', VERSION, 'x64')).toBe(dir);
    expect(findTool(root, 'cgo-abi-guard-aarch64-linux-gnu-gcc', VERSION, 'arm64')).toBeNull();
    expect(process.env.RUNNER_TOOL_CACHE).toBe(saved.env);
  });

  it("writes no ::debug:: line to stdout off a runner (the CLI's stdout is eval'd), and does on one", () => {
    delete process.env.GITHUB_ACTIONS;
    expect(quietly(() => findTool(root, 'x', VERSION, 'x64')).out).toBe('');
    process.env.GITHUB_ACTIONS = 'true';
    expect(quietly(() => findTool(root, 'x', VERSION, 'x64')).out).toMatch(/^::debug::/m);
  });
});
