/**
 * Runs one cache call the way an action step would: its own process, the runner's environment.
 * `tsx cache-driver.ts save|restore <key> <timeoutMs> <path>` prints the library's output,
 * the adapter's log lines, then `RESULT <json>`; it exits when done, as the post step does.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { restoreTree, saveTree } from '../../src/adapters/cache-tree.js';
import { installNames, type InstallName } from '../../src/adapters/tool-cache.js';

const [op, key, timeout, tree, lingerMs] = process.argv.slice(2);
if (
  (op !== 'save' && op !== 'restore') ||
  key === undefined ||
  timeout === undefined ||
  tree === undefined
) {
  process.stderr.write('usage: cache-driver save|restore <key> <timeoutMs> <tree> [lingerMs]\n');
  process.exit(2);
}
const log = (line: string): void => {
  process.stdout.write(`LOG ${line}\n`);
};
// The names an install on x64 makes, unless CACHE_DRIVER_NAMES lists others (`name:dir,…`).
const listed = process.env.CACHE_DRIVER_NAMES;
const names: InstallName[] =
  listed === undefined
    ? installNames('x64')
    : listed.split(',').map((n) => {
        const [name = '', type] = n.split(':');
        return { name, type: type === 'dir' ? 'dir' : 'file' };
      });
const options = { timeoutMs: Number(timeout), names };
const started = performance.now();
const result =
  op === 'save'
    ? await saveTree(tree, key, log, options)
    : await restoreTree(tree, key, log, options);
const ms = Math.round(performance.now() - started);
let after: string[] | undefined;
if (lingerMs !== undefined) {
  // As the main step goes on after a miss: install into the tree, and live on while an
  // abandoned restore may still finish; then list what the tree holds.
  await mkdir(join(tree, 'x64'), { recursive: true });
  await writeFile(join(tree, 'x64', 'installed'), '');
  await new Promise((resolve) => setTimeout(resolve, Number(lingerMs)));
  after = (await readdir(tree, { recursive: true })).sort();
}
process.stdout.write(`RESULT ${JSON.stringify({ ...result, ms, after })}\n`, () => process.exit(0));
