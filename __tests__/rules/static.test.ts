/**
 * Static executables, really built (__tests__/fixtures/build.sh): cgo statically linked against
 * glibc (amd64 with gcc, arm64 with aarch64-linux-gnu-gcc) and against musl (musl-gcc, stripped
 * and not), a pure-Go build with cgo off, and one with cgo on that Go linked itself. What the C
 * library linked in and the build info say, at each libc.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { judge, rulesOf } from '../setup/judge.js';

describe('the C library a static executable has linked in', () => {
  it.each([
    ['amd64-static-net', 'glibc'],
    ['amd64-static-net-stripped', 'glibc'],
    ['arm64-static-net', 'glibc'],
    ['amd64-musl-static', 'musl'],
    ['amd64-musl-static-stripped', null],
    ['amd64-nocgo', null],
    ['amd64-cgo-internal', null],
    ['amd64-gcc', null],
  ])('%s: %s', async (name, libc) => {
    expect((await judge(fixture(name))).facts?.staticLibc).toBe(libc);
  });
});

describe('a static cgo build at the libc it has linked in', () => {
  it.each([
    ['amd64-static-net', 'linux/amd64'],
    ['amd64-static-net-stripped', 'linux/amd64'],
    ['arm64-static-net', 'linux/arm64'],
  ])('%s passes at libc: glibc, warning only of its NSS calls', async (name, target) => {
    const r = await judge(fixture(name), { target, libc: 'glibc', glibc: '2.17' });
    expect(rulesOf(r)).toEqual(['static-nss']);
    expect(r.verdict).toBe('pass');
  });

  it.each(['amd64-musl-static', 'amd64-musl-static-stripped'])(
    '%s passes at libc: musl',
    async (name) => {
      const r = await judge(fixture(name), { target: 'linux/amd64', libc: 'musl' });
      expect(r.findings).toEqual([]);
    },
  );
});

describe('a static executable at a libc it does not have', () => {
  const interpreterOf = async (name: string, libc: 'glibc' | 'musl'): Promise<string> =>
    (await judge(fixture(name), { target: 'linux/amd64', libc })).findings.find(
      (f) => f.rule === 'interpreter',
    )?.message ?? '';

  it('names the other C library', async () => {
    expect(await interpreterOf('amd64-static-net', 'musl')).toMatch(
      /but a musl binary .*: the C library linked into it is glibc$/,
    );
    expect(await interpreterOf('amd64-musl-static', 'glibc')).toMatch(
      /but a glibc binary .*: the C library linked into it is musl$/,
    );
  });

  it('says cgo was off when the build info says CGO_ENABLED=0', async () => {
    expect(await interpreterOf('amd64-nocgo', 'glibc')).toMatch(
      /built with CGO_ENABLED=0, so cgo was off$/,
    );
  });

  it('says Go linked it itself when cgo was on and no package used it', async () => {
    expect(await interpreterOf('amd64-cgo-internal', 'glibc')).toMatch(
      /cgo was on, but Go linked it itself without a C library: no package in it uses cgo$/,
    );
    expect(await interpreterOf('amd64-cgo-internal', 'musl')).toMatch(/Go linked it itself/);
  });

  it('never says "cgo was probably off" of a build whose build info says cgo was on', async () => {
    for (const name of ['amd64-static-net', 'amd64-musl-static', 'amd64-cgo-internal'])
      for (const libc of ['glibc', 'musl'] as const)
        expect(await interpreterOf(name, libc)).not.toMatch(/probably off/);
  });
});

describe('cgo-off at libc: none', () => {
  it('warns on a build with cgo off, and fails it when the binaries are also run', async () => {
    const r = await judge(fixture('amd64-nocgo'), { target: 'linux/amd64', libc: 'none' });
    expect(r.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['cgo-off warning']);
    expect(r.verdict).toBe('pass');
    const smoked = await judge(fixture('amd64-nocgo'), {
      target: 'linux/amd64',
      libc: 'none',
      smoke: true,
    });
    expect(smoked.findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['cgo-off error']);
    expect(smoked.verdict).toBe('fail');
  });

  it('says nothing of static cgo builds, glibc or musl', async () => {
    for (const name of ['amd64-static-net', 'amd64-musl-static'])
      expect(
        rulesOf(await judge(fixture(name), { target: 'linux/amd64', libc: 'none' })).filter(
          (r) => r === 'cgo-off',
        ),
      ).toEqual([]);
  });
});
