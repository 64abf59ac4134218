/**
 * An entry derived from pins the lockfile already has (one qemu's package for the next target's
 * qemu): no resolution, written in place of the entry of the older form it replaces, and not
 * written at all when the lockfile is frozen. A fake source in a temporary tool cache.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentIdentity,
  findToolchain,
  parseLockfile,
  renderLockfile,
  type LockedPackage,
  type LockedToolchain,
} from '../../src/domain/toolchain/lockfile.js';
import { install, type InstallOptions } from '../../src/steps/install.js';
import type { InstallSource } from '../../src/steps/install-source.js';

let work: string;
let said: string[];
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-derive-'));
  said = [];
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const PKG: LockedPackage = {
  name: 'qemu-user-static',
  version: '1:7.2',
  arch: 'amd64',
  filename: 'pool/q.deb',
  size: 1,
  sha256: 'a'.repeat(64),
};
const WHOLE: LockedToolchain = { key: 'qemu whole', release: 'test/one', packages: [PKG] };

function source(program: string): InstallSource<string> & { resolved: number } {
  const entryOf = (packages: LockedPackage[]): LockedToolchain => ({
    key: `qemu ${program}`,
    release: 'test/one',
    packages,
    programs: [program],
  });
  const s = {
    resolved: 0,
    lockKey: `qemu ${program}`,
    toolName: `cgo-abi-guard-${program}`,
    versionBase: '0.0.0-test',
    refusal: () => null,
    resolve: () => {
      s.resolved++;
      return Promise.resolve(entryOf([{ ...PKG, sha256: 'b'.repeat(64) }]));
    },
    derive: (lock: { toolchains: LockedToolchain[] }) => {
      const from = lock.toolchains.find((t) => t.packages[0]?.name === PKG.name);
      const whole = lock.toolchains.some((t) => t.key === WHOLE.key);
      return from === undefined
        ? null
        : { entry: entryOf(from.packages), replaces: whole ? WHOLE.key : null };
    },
    fetch: () => Promise.resolve(program),
    extract: (fetched: string, root: string) => {
      mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
      writeFileSync(join(root, 'usr', 'bin', fetched), fetched);
      return Promise.resolve(undefined);
    },
    postProcess: [],
    describe: () => program,
    wrappers: () => null,
  };
  return s;
}

const lockPath = (): string => join(work, 'lock.yml');
function options(frozen = false): InstallOptions {
  const root = join(work, 'tool-cache');
  return {
    lockPath: lockPath(),
    frozen,
    toolCache: { root, stateRoot: join(root, '.state'), arch: 'x64' },
    actionsCache: null,
    report: {
      info: (line) => said.push(`info: ${line}`),
      notice: (line) => said.push(`notice: ${line}`),
      warning: (line) => said.push(`warning: ${line}`),
    },
  };
}
function entries(): LockedToolchain[] {
  const lock = parseLockfile(readFileSync(lockPath(), 'utf8'), 'lock.yml');
  if ('error' in lock) throw new Error(lock.error);
  return lock.toolchains;
}

describe('an entry derived from the pins of others', () => {
  it('takes the package of the entry of the older form, without resolving, and replaces it', async () => {
    writeFileSync(lockPath(), renderLockfile({ version: 1, toolchains: [WHOLE] }));
    const arm = source('qemu-aarch64');
    const got = await install(arm, options());
    expect(arm.resolved).toBe(0);
    expect(got.wroteLockfile).toBe(true);
    expect(entries().map((e) => e.key)).toEqual(['qemu qemu-aarch64']);
    const [entry] = entries();
    expect(entry?.packages).toEqual([PKG]);
    expect(entry?.programs).toEqual(['qemu-aarch64']);
    expect(entry?.tree).toMatch(/^[0-9a-f]{64}$/);
    expect(said.filter((l) => l.startsWith('notice: '))).toEqual([
      expect.stringMatching(
        /wrote the entry for qemu qemu-aarch64 into .* \(in place of "qemu whole"\): commit it$/,
      ),
    ]);
    // The next target's qemu takes the same package from the first one's entry.
    const riscv = source('qemu-riscv64');
    await install(riscv, options());
    expect(riscv.resolved).toBe(0);
    expect(entries().map((e) => [e.key, e.packages[0]?.sha256])).toEqual([
      ['qemu qemu-aarch64', PKG.sha256],
      ['qemu qemu-riscv64', PKG.sha256],
    ]);
    // The programs are part of what an install is: two targets, two installs.
    const [a, r] = entries();
    expect(a && r && contentIdentity(a) !== contentIdentity(r)).toBe(true);
  });

  it('is installed but not written when the lockfile is frozen', async () => {
    const text = renderLockfile({ version: 1, toolchains: [WHOLE] });
    writeFileSync(lockPath(), text);
    const arm = source('qemu-aarch64');
    const got = await install(arm, options(true));
    expect(arm.resolved).toBe(0);
    expect(got.wroteLockfile).toBe(false);
    expect(readFileSync(join(got.dir, 'root', 'usr', 'bin', 'qemu-aarch64'), 'utf8')).toBe(
      'qemu-aarch64',
    );
    expect(readFileSync(lockPath(), 'utf8')).toBe(text);
    expect(said.join('\n')).toMatch(
      /has no entry for "qemu qemu-aarch64": installing the packages it pins for qemu whole; the lockfile is frozen/,
    );
  });

  it('is resolved when nothing pins it, and an entry found is used as it is', async () => {
    const arm = source('qemu-aarch64');
    await install(arm, options());
    expect(arm.resolved).toBe(1);
    const again = source('qemu-aarch64');
    await install(again, options(true));
    expect(again.resolved).toBe(0);
    expect(
      findToolchain({ version: 1, toolchains: entries() }, 'qemu qemu-aarch64')?.packages[0]
        ?.sha256,
    ).toBe('b'.repeat(64));
  });
});
