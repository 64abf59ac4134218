// dist/licenses.txt: every third-party package esbuild put into the bundles, with the licence
// and notice texts the package ships (MIT, ISC, BSD and Apache code may only be passed on with
// them). The list comes from esbuild's metafile (what went into the output files), not from
// package.json: a dependency that is never bundled is not listed, a nested copy is. Deterministic:
// sorted by name and version, line ends normalised.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The package folder a bundled input file belongs to (the innermost node_modules), or null. */
export function packageDirOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return null;
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  const depth = parts[0]?.startsWith('@') ? 2 : 1;
  if (parts.length <= depth) return null;
  return input.slice(0, at) + 'node_modules/' + parts.slice(0, depth).join('/');
}

/** Package folders (relative to the working directory) of every input of every output. */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs))
    for (const input of Object.keys(output.inputs)) {
      const dir = packageDirOf(input);
      if (dir !== null) dirs.add(dir);
    }
  return [...dirs];
}

const LICENCE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
const NOTICE_FILE = /^notice([.-].*)?$/i;

// The text of a licence named by its SPDX id, for a package that ships no licence file of its
// own but names the licence (and its author) in package.json. Only what a bundled package needs.
const SPDX_TEXT = {
  MIT: `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`,
};

const normalise = (text) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\s+$/g, '');

function licenceName(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (typeof pkg.license?.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

function authorName(pkg) {
  if (typeof pkg.author === 'string') return pkg.author;
  if (typeof pkg.author?.name === 'string') return pkg.author.name;
  return null;
}

/** One package: name, version, licence name and text (its licence files, then its notices). */
export async function packageLicence(root, dir) {
  const pkg = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
  const names = (await readdir(join(root, dir))).sort();
  const files = [
    ...names.filter((n) => LICENCE_FILE.test(n)),
    ...names.filter((n) => NOTICE_FILE.test(n)),
  ];
  const texts = [];
  for (const f of files) {
    const text = normalise(await readFile(join(root, dir, f), 'utf8'));
    if (text !== '') texts.push(text);
  }
  const licence = licenceName(pkg);
  if (texts.length === 0) {
    const standard = SPDX_TEXT[licence];
    const author = authorName(pkg);
    if (standard === undefined || author === null)
      throw new Error(
        `${pkg.name} ${pkg.version} (${dir}) ships no licence file and its package.json names ` +
          `licence ${licence} and author ${author ?? '(none)'}: add the licence text to scripts/licenses.mjs`,
      );
    texts.push(
      `(The package ships no licence file; its package.json names the licence ${licence} and ` +
        `the author below. This is the ${licence} licence's text.)\n\nCopyright (c) ${author}\n\n${standard}`,
    );
  }
  return { name: pkg.name, version: pkg.version, licence, text: texts.join('\n\n') };
}

export const RULE = '='.repeat(78);

/** The text of dist/licenses.txt for the bundles `metafile` describes. */
export async function licensesText(root, metafile) {
  const entries = await Promise.all(
    bundledPackageDirs(metafile).map((dir) => packageLicence(root, dir)),
  );
  entries.sort((a, b) =>
    a.name === b.name
      ? a.version < b.version
        ? -1
        : a.version > b.version
          ? 1
          : 0
      : a.name < b.name
        ? -1
        : 1,
  );
  const unique = entries.filter(
    (e, i) => i === 0 || e.name !== entries[i - 1].name || e.version !== entries[i - 1].version,
  );
  const head =
    'Third-party software bundled into dist/ (main.js, post.js, cli.js), with the licence and\n' +
    "notice texts each package ships. Generated by scripts/bundle.mjs from esbuild's metafile.\n";
  const body = unique.map(
    (e) => `${RULE}\n${e.name} ${e.version}\nLicense: ${e.licence}\n\n${e.text}\n`,
  );
  return [head, ...body].join('\n');
}
