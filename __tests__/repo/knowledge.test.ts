/**
 * What action.yml, the usage texts, the README and docs/ list of targets, releases and floors is
 * what src/domain/data says (the usage's target list is generated from it; the rest is checked).
 */
import { muslReleasesFor } from '../../src/domain/toolchain/musl.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ARCHITECTURES, type Architecture } from '../../src/domain/data/architectures.js';
import { NPM_TOOLCHAINS, RELEASE_ROWS } from '../../src/domain/data/releases.js';
import { ENV_USAGE } from '../../src/cli/env-args.js';
import { VERIFY_USAGE } from '../../src/cli/verify-args.js';
import { ARCHES, isGoArch, targetList } from '../../src/domain/platform.js';
import { LOWEST_FLOOR, lowestFloorFor } from '../../src/domain/toolchain/capping.js';
import { tableAfter } from '../setup/markdown.js';
import { ROOT } from '../setup/paths.js';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const action = parse(read('action.yml')) as { inputs: Record<string, { description: string }> };
const readme = read('README.md');
const toolchains = read('docs/toolchains.md');

const goarches = [...new Set(ARCHITECTURES.map((a) => a.goarch))];
/** The architectures whose floor starts above the lowest: `[['riscv64', '2.27']]`. */
const laterFloors = goarches
  .map((g) => [g, lowestFloorFor(g)] as const)
  .filter(([, floor]) => floor !== LOWEST_FLOOR);
const npmTargets = Object.keys(NPM_TOOLCHAINS.toolchains);
const ofFamily = (family: string) => RELEASE_ROWS.filter((r) => r.family === family);
const oneAbi = (goarch: string): boolean =>
  ARCHITECTURES.filter((a) => a.goarch === goarch).length === 1;

/**
 * A row's target as the docs name it: `linux/amd64[/v1..v4]` (with `levels`), and where a GOARCH
 * has several ABIs `linux/arm/v5`, `v6`, with ` (armel)` when `named`.
 */
function targetCell(a: Architecture, levels: boolean, named: boolean): string {
  const base = `linux/${a.goarch}`;
  const [first, ...rest] = a.variants;
  if (first === undefined) return `\`${base}\``;
  if (oneAbi(a.goarch))
    return levels ? `\`${base}[/${first}..${a.variants.at(-1) ?? ''}]\`` : `\`${base}\``;
  const cell = [`\`${base}/${first}\``, ...rest.map((v) => `\`${v}\``)].join(', ');
  return named ? `${cell} (${a.debian})` : cell;
}

/** The first column of the table after a heading, as written (backticks kept). */
function firstColumn(text: string, heading: string): string[] {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}"`);
  const table =
    text
      .slice(start)
      .split('\n\n')
      .find((block) => block.startsWith('|')) ?? '';
  return table
    .split('\n')
    .slice(2)
    .map((line) => (line.split(/(?<!\\)\|/)[1] ?? '').trim());
}

describe('the target lists', () => {
  it('the usage texts list every GOARCH with its variants (generated)', () => {
    const list = targetList();
    expect(list.split(', ').map((t) => t.replace(/\[.*$/, ''))).toEqual(goarches);
    for (const g of goarches) {
      const v = ARCHES[g].variants;
      const shown = oneAbi(g) ? [v[0], v.at(-1)] : v;
      for (const level of shown) expect(list, `${g}/${level ?? ''}`).toContain(level ?? '');
      if (v.length > 0) expect(list).toContain(`${g}[/${v[0] ?? ''}`);
    }
    expect(VERIFY_USAGE).toContain(`--target linux/<goarch>[/<variant>]  ${list}\n`);
    expect(ENV_USAGE).toContain(`--target linux/<goarch>[/<variant>]  ${list}\n`);
  });

  it("action.yml's target input lists them", () => {
    expect(action.inputs.target?.description).toContain(`(${targetList('..')})`);
  });

  it("the README's supported targets are the table's rows, with their loaders", () => {
    const rows = ARCHITECTURES.map((a) => [
      targetCell(a, true, true),
      `\`${a.glibc.loader}\``,
      `\`${a.musl.loader}\``,
      muslReleasesFor('debian', a.debian)
        .map((r) => `\`${r.musl}\``)
        .join(', '),
    ]);
    const start = readme.indexOf('\n## Supported targets\n');
    const table = readme.slice(start).split('\n\n')[1] ?? '';
    const documented = table
      .split('\n')
      .slice(2)
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    expect(documented).toEqual(rows);
    const npm = npmTargets.join(' and ');
    expect(readme.replace(/\s+/g, ' ')).toContain(
      `The npm glibc ${NPM_TOOLCHAINS.glibc} toolchains (\`release: crosstool-ng\`) cover ${npm} only.`,
    );
  });

  it("docs/toolchains.md's measured targets are the table's rows", () => {
    expect(firstColumn(toolchains, '### Measured: targets and compilers')).toEqual(
      ARCHITECTURES.map((a) => targetCell(a, false, false)),
    );
    const names = goarches.map((g) => {
      const v = ARCHES[g].variants;
      return oneAbi(g) ? g : `${g}/${v[0] ?? ''}–${v.at(-1) ?? ''}`;
    });
    const later = laterFloors.map(([g, f]) => [g, `${g} (from ${f})`]);
    const listed = names.map((n) => later.find(([g]) => g === n)?.[1] ?? n);
    expect(toolchains.replace(/\s+/g, ' ')).toContain(
      `**Every target**: ${listed.slice(0, -1).join(', ')} and ${listed.at(-1) ?? ''},`,
    );
  });
});

describe('the releases and floors', () => {
  it("docs/toolchains.md's floors table is the releases of each family", () => {
    const table = tableAfter(toolchains, '## Floors and compilers');
    for (const family of ['debian', 'ubuntu']) {
      const cell = ofFamily(family)
        .map((r) => `${r.glibc} → ${r.codename}`)
        .join(', ');
      expect(table.get(family === 'debian' ? 'Debian' : 'Ubuntu'), family).toBe(cell);
    }
    const oldest = Math.min(...RELEASE_ROWS.map((r) => Number(r.glibc.split('.')[1])));
    expect(table.get('either')).toBe(
      `${LOWEST_FLOOR} … 2.${String(oldest - 1)} → the oldest release capped at the floor`,
    );
  });

  it('the lowest floors (from 2.17, riscv64 from 2.27) are said as the table has them', () => {
    const later = (sep: string): string => laterFloors.map(([g, f]) => `${g}${sep}${f}`).join('');
    expect(action.inputs.glibc?.description).toContain(
      `(from ${LOWEST_FLOOR}${laterFloors.map(([g, f]) => `, ${g} from ${f}`).join('')})`,
    );
    expect(ENV_USAGE).toContain(`(from ${LOWEST_FLOOR}; ${later(' ')})`);
    expect(read('docs/cli.md')).toContain(`(from ${LOWEST_FLOOR}; ${later(' ')})`);
    expect(toolchains).toContain(`a floor from ${LOWEST_FLOOR} (${later(': ')}, its glibc's first`);
  });

  it("the usage and docs/cli.md name Debian's floors and the npm toolchains' targets", () => {
    const debian = ofFamily('debian')
      .map((r) => r.glibc)
      .join(' / ');
    expect(ENV_USAGE).toContain(`family whose glibc is at or below it (Debian ${debian})`);
    expect(ENV_USAGE.replace(/\s+/g, ' ')).toContain(
      `crosstool-ng: the glibc ${NPM_TOOLCHAINS.glibc} toolchains from npm (${npmTargets.join(', ')})`,
    );
    expect(read('docs/cli.md')).toContain(
      `the npm glibc ${NPM_TOOLCHAINS.glibc} toolchains (${npmTargets.join(', ')})`,
    );
    expect(npmTargets.every(isGoArch)).toBe(true);
  });

  it("docs/target-packages.md names the archives' architectures as the table has them", () => {
    const doc = read('docs/target-packages.md').replace(/\s+/g, ' ');
    const arches = (codename: string): string[] =>
      Object.keys(RELEASE_ROWS.find((r) => r.codename === codename)?.architectures ?? {});
    expect(doc).toContain(
      `bullseye, as served in its LTS years, only \`${arches('bullseye').join(' ')}\``,
    );
    const bookworm = /bookworm `([^`]*)`/.exec(doc)?.[1]?.split(' ') ?? [];
    const known = new Set(ARCHITECTURES.map((a) => a.debian));
    expect(bookworm.filter((a) => known.has(a))).toEqual(arches('bookworm'));
    const ports = Object.entries(
      RELEASE_ROWS.find((r) => r.family === 'ubuntu')?.architectures ?? {},
    )
      .filter(([, archive]) => archive === 'ubuntu-ports')
      .map(([a]) => a);
    const said = /the ([a-z0-9, ]+) packages are in Ubuntu's ports archive/.exec(doc)?.[1] ?? '';
    expect(said.split(/, | and /).sort()).toEqual(ports.sort());
  });
});
