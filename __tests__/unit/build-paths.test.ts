/** The build machine's paths a binary carries, and rule build-paths on them. */
import { describe, expect, it } from 'vitest';
import { buildPaths, MAX_BUILD_PATHS, pathsUnder } from '../../src/domain/elf/build-paths.js';
import { evaluate } from '../../src/domain/rules/policy.js';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import { cgoFacts } from '../setup/facts.js';

const CACHE = '/opt/hostedtoolcache';

describe('buildPaths', () => {
  it('takes directories of absolute names, normalised, each once, build info first', () => {
    expect(
      buildPaths({
        settings: {
          CGO_CFLAGS: `-O2 -I${CACHE}/x/root/usr/include -g`,
          '-ldflags': `-extldflags '-L${CACHE}/x/lib'`,
          GOARCH: 'arm64',
        },
        dwarfFiles: [
          `${CACHE}/x/root/usr/bin/../include/stdio.h`,
          `${CACHE}/x/root/usr/include/stdlib.h`,
          '/_/example.com/app/main.go',
          'relative.c',
          '/cgo-abi-guard/usr/include/string.h',
        ],
        fileSymbols: [`${CACHE}/x/root/usr/lib/crt1.o`, 'crtstuff.c'],
      }),
    ).toEqual([
      { in: 'build-info', path: `${CACHE}/x/root/usr/include` },
      { in: 'build-info', path: `${CACHE}/x/lib` },
      { in: 'dwarf', path: `${CACHE}/x/root/usr/include` },
      { in: 'dwarf', path: '/cgo-abi-guard/usr/include' },
      { in: 'symtab', path: `${CACHE}/x/root/usr/lib` },
    ]);
  });

  it('keeps at most MAX_BUILD_PATHS', () => {
    const names = Array.from({ length: 200 }, (_, i) => `/d${i}/f.c`);
    expect(buildPaths({ settings: {}, dwarfFiles: names, fileSymbols: [] })).toHaveLength(
      MAX_BUILD_PATHS,
    );
  });

  it('matches a prefix as a directory, not as a string', () => {
    const paths = [
      { in: 'dwarf' as const, path: '/tmp/a/b' },
      { in: 'dwarf' as const, path: '/tmp/ab' },
      { in: 'dwarf' as const, path: '/tmp/a' },
    ];
    expect(pathsUnder(paths, ['/tmp/a/'])).toEqual([paths[0], paths[2]]);
    expect(pathsUnder(paths, ['/', 'relative'])).toEqual([]);
  });
});

describe('rule build-paths', () => {
  const judge = (buildPathsFound: ReturnType<typeof buildPaths>, prefixes: string[]) =>
    evaluate(cgoFacts({ buildPaths: buildPathsFound }), {
      ...defaultPolicy(),
      buildPaths: prefixes,
    }).filter((f) => f.rule === 'build-paths');

  it('warns per place, naming the paths and the fix', () => {
    const found = judge(
      [
        { in: 'build-info', path: `${CACHE}/x/include` },
        { in: 'dwarf', path: `${CACHE}/x/a` },
        { in: 'dwarf', path: `${CACHE}/x/b` },
        { in: 'dwarf', path: '/usr/include' },
      ],
      [CACHE],
    );
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        `its Go build info carries a path of the runner (${CACHE}/x/include): the same source built elsewhere gives other bytes`,
      ],
      [
        'warning',
        `its DWARF line tables carry paths of the runner (${CACHE}/x/a, ${CACHE}/x/b): the same source built elsewhere gives other bytes`,
      ],
    ]);
    expect(found[0]?.fix).toMatch(/golang\/go#52372/);
    expect(found[1]?.fix).toMatch(/-trimpath/);
  });

  it('leaves file symbols and paths outside the runner alone', () => {
    expect(
      judge(
        [
          { in: 'symtab', path: `${CACHE}/x/root/usr/lib` },
          { in: 'dwarf', path: '/home/someone/src' },
        ],
        [CACHE, '/tmp/runner-temp'],
      ),
    ).toEqual([]);
  });

  it('can be turned off', () => {
    const facts = cgoFacts({ buildPaths: [{ in: 'dwarf', path: `${CACHE}/x` }] });
    const policy = { ...defaultPolicy(), buildPaths: [CACHE] };
    expect(evaluate(facts, { ...policy, severity: { 'build-paths': 'off' } })).toEqual([]);
  });
});
