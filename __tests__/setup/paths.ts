import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the real fixture binaries are built (outside git). */
export const FIXTURE_DIR = process.env.CGO_ABI_GUARD_FIXTURES ?? join(ROOT, '.cache', 'fixtures');

export const CLI = join(ROOT, 'dist', 'cli.js');
