/**
 * The README, CONTRIBUTING.md and the manual in docs/ hold together: every relative link names a
 * file of the repository, every `#anchor` a heading GitHub makes that anchor for; the README stays
 * a README (at most 300 lines, two commands for contributors) with the manual under docs/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, brokenLinks, linkTargets, slug } from '../setup/markdown.js';
import { ROOT } from '../setup/paths.js';

const docs = readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const files = ['README.md', 'CONTRIBUTING.md', ...docs];

describe('the docs', () => {
  it('link only to files that exist and headings that are there', () => {
    expect(docs.length).toBeGreaterThan(5);
    const links = files.flatMap((f) => linkTargets(readFileSync(join(ROOT, f), 'utf8')));
    expect(links.filter((l) => l.includes('#')).length).toBeGreaterThan(20);
    expect(files.flatMap((f) => brokenLinks(ROOT, f))).toEqual([]);
  });

  it('README.md is at most 300 lines and leads to the manual and CONTRIBUTING.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length - 1).toBeLessThanOrEqual(300);
    const targets = linkTargets(readme);
    expect(targets).toContain('docs/README.md');
    expect(targets).toContain('CONTRIBUTING.md');
  });

  it("README's Contributing section has exactly two commands: the example and the whole suite", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Contributing\n');
    expect(start).toBeGreaterThan(0);
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const blocks = [...section.matchAll(/\n```sh\n([\s\S]*?)\n```\n/g)].map((m) => m[1] ?? '');
    const commands = blocks
      .flatMap((b) => b.split('\n'))
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter((l) => l !== '');
    expect(commands).toEqual(['./scripts/example', './scripts/test']);
    for (const c of commands) expect(statSync(join(ROOT, c)).mode & 0o111, c).not.toBe(0);
  });

  it("lists every page of docs/ in the manual's index", () => {
    const index = linkTargets(readFileSync(join(ROOT, 'docs', 'README.md'), 'utf8'));
    const pages = docs.filter((d) => d !== 'docs/README.md').map((d) => d.slice('docs/'.length));
    expect(pages.filter((p) => !index.includes(p))).toEqual([]);
  });
});

describe('the link checker', () => {
  it('makes anchors as GitHub does', () => {
    expect(slug('A toolchain at a glibc floor: `env`')).toBe('a-toolchain-at-a-glibc-floor-env');
    expect(slug("A floor above the runner's glibc")).toBe('a-floor-above-the-runners-glibc');
    expect(slug('The npm toolchains, by name: `release: crosstool-ng`')).toBe(
      'the-npm-toolchains-by-name-release-crosstool-ng',
    );
    expect(slug('Floors below every release: capped sysroots')).toBe(
      'floors-below-every-release-capped-sysroots',
    );
    expect(slug('Why: who needs each symbol — and [how](x.md)')).toBe(
      'why-who-needs-each-symbol--and-how',
    );
    expect(slug('static_nss and PKG_CONFIG_<goarch>')).toBe('static_nss-and-pkg_config_goarch');
    expect([...anchors('# A\n## A\n```\n# not a heading\n```\n### B ##\n')]).toEqual([
      'a',
      'a-1',
      'b',
    ]);
  });

  it('finds a missing file, a missing heading, a link out of the repository, an ignored file', () => {
    const tree: Record<string, string> = {
      '/r/.gitignore': '.cache/\n',
      '/r/docs/a.md': [
        '# Page A',
        '[ok](b.md#the-b-heading) [self](#page-a) [web](https://example.com/x#y)',
        '[gone](c.md) [no heading](b.md#nothing) [out](../../etc/passwd)',
        '[cache](../.cache/x) [code anchor](../src/x.ts#L3)',
        '`[in code](nowhere.md)`',
        '```',
        '[in a fence](nowhere.md)',
        '```',
      ].join('\n'),
      '/r/docs/b.md': '## The B heading\n',
      '/r/.cache/x': '',
      '/r/src/x.ts': '',
    };
    const read = (p: string): string => {
      const text = tree[p];
      if (text === undefined) throw new Error(`ENOENT ${p}`);
      return text;
    };
    const exists = (p: string): boolean => p in tree || p === '/etc/passwd';
    expect(brokenLinks('/r', 'docs/a.md', read, exists)).toEqual([
      'docs/a.md: c.md: no such file',
      'docs/a.md: b.md#nothing: docs/b.md has no heading #nothing',
      'docs/a.md: ../../etc/passwd leads outside the repository',
      'docs/a.md: ../.cache/x is ignored by git, so GitHub does not have it',
      'docs/a.md: ../src/x.ts#L3: an anchor in a file that is not Markdown cannot be checked',
    ]);
  });
});
