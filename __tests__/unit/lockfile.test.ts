/** The lockfile parser and writer: bounded input, errors that name the file, no YAML aliases. */
import { describe, expect, it } from 'vitest';
import {
  contentIdentity,
  emptyLock,
  MAX_LOCKFILE_BYTES,
  parseLockfile,
  renderLockfile,
  withToolchain,
} from '../../src/domain/toolchain/lockfile.js';

const PIN = { name: '@napi-rs/x', version: '1.0.0', integrity: `sha512-${'A'.repeat(86)}==` };

/** Nine levels of ten aliases each: 10^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${String(i)}: &a${String(i)} [${Array(10)
        .fill(`*a${String(i - 1)}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\ntoolchains: []\n`;
}

describe('parseLockfile', () => {
  it('refuses an alias bomb, naming the file', () => {
    expect(parseLockfile(aliasBomb(), 'ci/bomb.yml')).toEqual({
      error: expect.stringMatching(/^ci\/bomb\.yml: refused: Excessive alias count/) as string,
    });
  });

  it('refuses a text larger than any lockfile before parsing it, naming the file', () => {
    const entry = `  - key: k\n    release: debian/bullseye\n    packages: []\n`;
    const big = `version: 1\ntoolchains:\n${entry.repeat(Math.ceil(MAX_LOCKFILE_BYTES / entry.length) + 1)}`;
    expect(parseLockfile(big, 'big.yml')).toEqual({
      error: expect.stringMatching(
        /^big\.yml: \d+ characters is more than a cgo-abi-guard lockfile holds \(at most 2 MiB, some 500 toolchains\)/,
      ) as string,
    });
  });

  it('still reads a few aliases (a lockfile written before aliases were turned off)', () => {
    const text = [
      'version: 1',
      'toolchains:',
      '  - key: a',
      '    release: npm/x',
      '    source: npm',
      '    npm: &a1',
      `      name: "${PIN.name}"`,
      `      version: ${PIN.version}`,
      `      integrity: ${PIN.integrity}`,
      '  - key: b',
      '    release: npm/x',
      '    source: npm',
      '    npm: *a1',
      '',
    ].join('\n');
    const lock = parseLockfile(text, 'l.yml');
    expect('error' in lock ? lock.error : lock.toolchains.map((t) => t.npm)).toEqual([PIN, PIN]);
  });
});

describe('renderLockfile', () => {
  it('writes two entries sharing one pin in full, without anchors and aliases', () => {
    let lock = withToolchain(emptyLock(), { key: 'a', release: 'npm/x', packages: [], npm: PIN });
    lock = withToolchain(lock, { key: 'b', release: 'npm/x', packages: [], npm: PIN });
    const text = renderLockfile(lock);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.split(PIN.integrity)).toHaveLength(3);
    expect(parseLockfile(text, 'l.yml')).toEqual(lock);
  });
});

describe('programs', () => {
  const pkg = {
    name: 'qemu-user-static',
    version: '1:7.2',
    arch: 'amd64',
    filename: 'pool/q.deb',
    size: 1,
    sha256: 'a'.repeat(64),
  };
  it('round-trip, and are part of what an install is', () => {
    const entry = { key: 'q', release: 'debian/bookworm', packages: [pkg], programs: ['qemu-arm'] };
    const lock = withToolchain(emptyLock(), entry);
    expect(parseLockfile(renderLockfile(lock), 'l.yml')).toEqual(lock);
    expect(contentIdentity(entry)).not.toBe(contentIdentity({ ...entry, programs: ['qemu-x'] }));
    expect(contentIdentity(entry)).not.toBe(
      contentIdentity({ key: 'q', release: 'debian/bookworm', packages: [pkg] }),
    );
  });

  it('must be plain program names', () => {
    const text = (programs: string): string =>
      `version: 1\ntoolchains:\n  - key: q\n    release: debian/bookworm\n    packages: []\n    programs: ${programs}\n`;
    expect(parseLockfile(text('[../../bin/sh]'), 'l.yml')).toEqual({
      error: 'l.yml: toolchains[0] (q): programs: not a program name: "../../bin/sh"',
    });
    expect(parseLockfile(text('[]'), 'l.yml')).toEqual({
      error: 'l.yml: toolchains[0] (q): programs must be a list of program names',
    });
  });
});
