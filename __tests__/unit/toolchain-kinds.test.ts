/**
 * The toolchain kinds: a plan's module, and an installed sysroot's (the CLI's `--sysroot DIR`
 * has no plan): the kind read from the tree, and where its smoke run starts executables.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAP_MARKER } from '../../src/domain/toolchain/capping.js';
import { TARGET_INFO_PATH } from '../../src/domain/toolchain/target-info.js';
import { planToolchain, type HostInfo } from '../../src/domain/toolchain/toolchain-plan.js';
import { KINDS, kindOf, kindOfSysroot, smokeRuntimeOf } from '../../src/steps/kinds/registry.js';

const HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const ARM64 = { goarch: 'arm64', variant: null } as const;
const work = mkdtempSync(join(tmpdir(), 'kinds-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A sysroot with these files (empty, or with the text given). */
function sysroot(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(join(dir, path), text);
    else mkdirSync(join(dir, path), { recursive: true });
  }
  return dir;
}

const marker = (glibc: string): string =>
  JSON.stringify({ glibc, release: 'debian/bullseye', releaseGlibc: '2.31' });

describe('the kind of a plan', () => {
  it('is its own module, by id', () => {
    for (const [id, kind] of Object.entries(KINDS)) expect(kind.id).toBe(id);
    const plans = [
      planToolchain(HOST, ARM64, '2.31', 'gcc'),
      planToolchain(HOST, ARM64, '2.28', 'gcc'),
      planToolchain(HOST, ARM64, '2.17', 'gcc', [], 'crosstool-ng'),
    ].map((p) => ('error' in p ? null : p));
    expect(plans.map((p) => p?.kind)).toEqual(['release', 'capped', 'crosstool-ng']);
    for (const p of plans) if (p !== null) expect(kindOf(p).id).toBe(p.kind);
  });

  it('says what only it says: the capped and the npm notices', () => {
    const said = ['2.31', '2.28'].map((floor) => {
      const p = planToolchain(HOST, ARM64, floor, 'gcc');
      if ('error' in p) throw new Error(p.error);
      return kindOf(p).notices(p);
    });
    expect(said[0]).toEqual([]);
    expect(said[1]).toEqual([
      {
        message: expect.stringContaining('with its glibc capped at 2.28') as string,
        title: 'cgo-abi-guard: linux/arm64 capped glibc',
      },
    ]);
    const npm = planToolchain(HOST, ARM64, '2.28', 'gcc', [], 'crosstool-ng');
    if ('error' in npm) throw new Error(npm.error);
    expect(kindOf(npm).notices(npm)).toEqual([
      {
        message: expect.stringContaining('its libstdc++ is C++11') as string,
        title: 'cgo-abi-guard: linux/arm64 C++',
      },
    ]);
  });
});

describe('the kind of an installed sysroot', () => {
  const debianLib = 'usr/aarch64-linux-gnu/lib/';

  it("is a release's by the cross packages' layout, its glibc in usr/<triplet>", async () => {
    const dir = sysroot('release', { [debianLib]: '', [TARGET_INFO_PATH]: '{}' });
    expect(await kindOfSysroot(dir, ARM64)).toBe('release');
    expect(await smokeRuntimeOf(dir, ARM64, {})).toEqual({
      root: join(dir, 'usr/aarch64-linux-gnu'),
      libraryDirs: [`${dir}/lib/aarch64-linux-gnu`, `${dir}/usr/lib/aarch64-linux-gnu`],
    });
  });

  it("is capped by the capping's marker: the floor's own glibc 2.17 where there is one", async () => {
    const dir = sysroot('capped-2.17', { [debianLib]: '', [CAP_MARKER]: marker('2.17') });
    expect(await kindOfSysroot(dir, ARM64)).toBe('capped');
    const asked: string[] = [];
    const glibc217 = (): Promise<string> => {
      asked.push('2.17');
      return Promise.resolve('/glibc-2.17');
    };
    expect(await smokeRuntimeOf(dir, ARM64, { glibc217 })).toEqual({
      root: '/glibc-2.17',
      libraryDirs: [],
    });
    expect(asked).toEqual(['2.17']);
  });

  it("is capped at another floor: run on the release's glibc, and the results say so", async () => {
    const dir = sysroot('capped-2.28', { [debianLib]: '', [CAP_MARKER]: marker('2.28') });
    const glibc217 = (): Promise<string> => Promise.reject(new Error('not asked at 2.28'));
    expect(await smokeRuntimeOf(dir, ARM64, { glibc217 })).toEqual({
      root: join(dir, 'usr/aarch64-linux-gnu'),
      libraryDirs: [],
      note: "floor 2.28 has no glibc of its own here: run on debian/bullseye's glibc 2.31, which the sysroot caps at 2.28 (a start, not proof of 2.28)",
    });
  });

  it("is crosstool-ng's with glibc at the sysroot's top", async () => {
    const dir = sysroot('npm', { 'lib/': '' });
    expect(await kindOfSysroot(dir, ARM64)).toBe('crosstool-ng');
    expect(await smokeRuntimeOf(dir, ARM64, {})).toEqual({ root: dir, libraryDirs: [] });
  });

  it("is musl's by its marker: started on its loader, the marker's version said, or unknown", async () => {
    const m = 'aarch64-linux-musl';
    const dir = sysroot('musl', {
      [`lib/${m}/`]: '',
      'cgo-abi-guard-musl.json': '{"musl":"1.2.3"}\n',
    });
    expect(await kindOfSysroot(dir, ARM64)).toBe('musl');
    expect(await smokeRuntimeOf(dir, ARM64, {})).toEqual({
      root: dir,
      libraryDirs: [`${dir}/lib/${m}`, `${dir}/usr/lib/${m}`],
      libc: 'musl',
      version: '1.2.3',
    });
    // A marker that is not JSON is no crash: the version is said as unknown.
    const bad = sysroot('musl-bad', { 'cgo-abi-guard-musl.json': '{musl' });
    expect(await kindOfSysroot(bad, ARM64)).toBe('musl');
    expect((await smokeRuntimeOf(bad, ARM64, {})).version).toBe('unknown');
  });
});
