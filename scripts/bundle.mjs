// Bundles the three entry points into dist/ (code they share, and what a command loads on demand,
// in dist/chunks/), with dist/licenses.txt for the third-party code in
// them (legal comments are left out of the bundles; the licence texts are there instead).
// Deterministic: same sources, same bytes. `--check` builds in memory and fails when dist/
// differs from what the sources give. `--metafile FILE` also writes esbuild's metafile there.
import { build } from 'esbuild';
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { licensesText } from './licenses.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const metafileAt = process.argv.indexOf('--metafile');
const metafilePath = metafileAt === -1 ? null : process.argv[metafileAt + 1];

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts', 'src/post.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Code shared by the entry points and what a command imports on demand lives in chunks, so a
  // command loads only its part (a one-file verify does not parse the installers).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  legalComments: 'none',
  write: false,
  metafile: true,
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node's built-ins; give ESM output one.
  banner: {
    js: "import { createRequire as __cgoAbiGuardRequire } from 'node:module';\nconst require = __cgoAbiGuardRequire(import.meta.url);",
  },
});

if (metafilePath !== null) await writeFile(metafilePath, JSON.stringify(result.metafile));
const files = [
  ...result.outputFiles,
  {
    path: join(root, 'dist', 'licenses.txt'),
    contents: Buffer.from(await licensesText(root, result.metafile)),
  },
];

let stale = [];
// Chunk names carry their content hash: a chunk the sources no longer give is stale too.
const chunks = join(root, 'dist', 'chunks');
const wanted = new Set(files.map((f) => f.path));
const had = (await readdir(chunks).catch(() => [])).map((name) => join(chunks, name));
if (check) stale.push(...had.filter((p) => !wanted.has(p)).map((p) => relative(root, p)));
else await rm(chunks, { recursive: true, force: true });
for (const file of files) {
  const rel = relative(root, file.path);
  if (check) {
    const current = await readFile(file.path).catch(() => null);
    if (current === null || !current.equals(Buffer.from(file.contents))) stale.push(rel);
  } else {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
}
if (check && stale.length > 0) {
  console.error(
    `dist/ is out of date with the sources: ${stale.join(', ')}. Run "npm run bundle" and commit dist/.`,
  );
  process.exit(1);
}
console.log(
  check
    ? 'dist/ matches the sources'
    : `bundled ${files.map((f) => relative(root, f.path)).join(', ')}`,
);
