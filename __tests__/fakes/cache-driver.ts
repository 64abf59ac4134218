/**
 * Runs one cache call the way an action step would: its own process, the runner's environment.
 * `tsx cache-driver.ts save|restore <key> <timeoutMs> <path>...` prints the library's output,
 * the adapter's log lines, then `RESULT <json>`; it exits when done, as the post step does.
 */
import { restoreCache, saveCache } from '../../src/adapters/cache.js';

const [op, key, timeout, ...paths] = process.argv.slice(2);
if ((op !== 'save' && op !== 'restore') || key === undefined || timeout === undefined) {
  process.stderr.write('usage: cache-driver save|restore <key> <timeoutMs> <path>...\n');
  process.exit(2);
}
const log = (line: string): void => {
  process.stdout.write(`LOG ${line}\n`);
};
const options = { timeoutMs: Number(timeout) };
const started = performance.now();
const result =
  op === 'save'
    ? await saveCache(paths, key, log, options)
    : await restoreCache(paths, key, log, options);
const ms = Math.round(performance.now() - started);
process.stdout.write(`RESULT ${JSON.stringify({ ...result, ms })}\n`, () => process.exit(0));
