/**
 * The toolchain cache through @actions/cache. Caching is best effort: every failure — no cache
 * service, a service that refuses or breaks, a key another job already saved, a network error —
 * comes back as one warning line, never as a throw.
 *
 * @actions/cache reports its own failures by logging (`::warning::`, `::error::` for 5xx, or a
 * plain "Failed to save:" line) and returning a miss. While it runs, those lines are taken off
 * stdout and returned as the warning instead, so a broken service never shows as an error.
 *
 * Time is bounded: the network part of a call is abandoned after `timeoutMs`. A restore stops
 * counting once the archive is downloaded ("Cache Size:"), so an extraction is never abandoned
 * half done. An abandoned call may keep sockets open: a post step should exit when it is done.
 */
import * as cache from '@actions/cache';
import { cacheServiceDown } from './cache-probe.js';

export type CacheLog = (line: string) => void;

export interface CacheOptions {
  /** Abandon the network part after this long (default 60 s). */
  timeoutMs?: number;
  /** Key prefixes to fall back on, newest entry first (a restore). */
  restoreKeys?: string[];
  /** What the lines call it (default `toolchain cache`). */
  what?: string;
}

export const DEFAULT_CACHE_TIMEOUT_MS = 60_000;
export const UNAVAILABLE =
  'cache service not available (no ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL)';

export async function restoreCache(
  paths: string[],
  key: string,
  log: CacheLog,
  options: CacheOptions = {},
): Promise<{ hit: boolean; warning: string | null; matched?: string }> {
  const what = options.what ?? 'toolchain cache';
  if (!cache.isFeatureAvailable()) return { hit: false, warning: `${what}: ${UNAVAILABLE}` };
  const down = await cacheServiceDown(process.env);
  if (down !== null) return { hit: false, warning: `${what} not restored: ${down}` };
  const started = Date.now();
  const outcome = await captured(
    () => cache.restoreCache(paths, key, options.restoreKeys),
    options.timeoutMs ?? DEFAULT_CACHE_TIMEOUT_MS,
    /^Cache Size: /,
  );
  const seconds = elapsed(started);
  if (outcome.kind === 'timeout')
    return {
      hit: false,
      warning: `${what} not restored: no answer from the cache service in ${seconds}`,
    };
  if (outcome.kind === 'error')
    return { hit: false, warning: `${what} not restored: ${outcome.message}` };
  const hit = outcome.value !== undefined;
  const matched = outcome.value;
  if (matched !== undefined) log(`restored the ${what} ${matched} in ${seconds}`);
  else if (outcome.problem === null) log(`no ${what} for ${key}`);
  const warning = outcome.problem === null ? null : `${what} not restored: ${outcome.problem}`;
  return matched === undefined ? { hit, warning } : { hit, warning, matched };
}

export async function saveCache(
  paths: string[],
  key: string,
  log: CacheLog,
  options: CacheOptions = {},
): Promise<{ saved: boolean; warning: string | null }> {
  const what = options.what ?? 'toolchain cache';
  if (!cache.isFeatureAvailable()) return { saved: false, warning: `${what}: ${UNAVAILABLE}` };
  const down = await cacheServiceDown(process.env);
  if (down !== null) return { saved: false, warning: `${what} not saved: ${down}` };
  const started = Date.now();
  const outcome = await captured(
    () => cache.saveCache(paths, key),
    options.timeoutMs ?? DEFAULT_CACHE_TIMEOUT_MS,
    null,
  );
  const seconds = elapsed(started);
  if (outcome.kind === 'timeout')
    return {
      saved: false,
      warning: `${what} not saved: no answer from the cache service in ${seconds}`,
    };
  if (outcome.kind === 'error')
    return { saved: false, warning: `${what} not saved: ${outcome.message}` };
  if (outcome.value !== -1 && outcome.problem === null) {
    log(`saved the ${what} ${key} in ${seconds}`);
    return { saved: true, warning: null };
  }
  const why = outcome.problem ?? 'the cache service did not store it';
  return { saved: false, warning: `${what} not saved: ${why}` };
}

type Outcome<T> =
  | { kind: 'done'; value: T; problem: string | null }
  | { kind: 'error'; message: string }
  | { kind: 'timeout' };

/**
 * Runs `call` with the library's failure lines captured from stdout, racing a timer. When a line
 * matches `settled`, the network part is over: the timer stops.
 */
async function captured<T>(
  call: () => Promise<T>,
  timeoutMs: number,
  settled: RegExp | null,
): Promise<Outcome<T>> {
  const problems: string[] = [];
  const reserveDetails: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const restore = interceptStdout((line) => {
    if (settled?.test(line) === true) clearTimeout(timer);
    // v2 turns every reservation failure into "another job may be creating this cache" and
    // logs the real cause only at debug level: keep it for the warning, and the line.
    const reserve = /^::debug::Failed to reserve cache: (?:Error: )?(.*)$/.exec(line);
    if (reserve !== null) reserveDetails.push(oneLine(unescapeCommand(reserve[1] ?? '')));
    const problem = failureOf(line);
    if (problem === null) return false;
    problems.push(problem);
    return true;
  });
  const run = (async (): Promise<Outcome<T>> => {
    try {
      const value = await call();
      const first = problems[0];
      if (first === undefined) return { kind: 'done', value, problem: null };
      const detail = reserveDetails[0];
      const problem = detail === undefined ? first : `could not reserve the key: ${detail}`;
      return { kind: 'done', value, problem };
    } catch (error) {
      return {
        kind: 'error',
        message: oneLine(error instanceof Error ? error.message : String(error)),
      };
    }
  })();
  try {
    return await Promise.race([run, timedOut]);
  } finally {
    clearTimeout(timer);
    restore();
  }
}

/** The failure a library output line reports, or null for an ordinary line. */
function failureOf(line: string): string | null {
  const command = /^::(warning|error)(?: [^:]*)?::(.*)$/.exec(line);
  const text = command === null ? line : unescapeCommand(command[2] ?? '');
  if (command === null && !/^Failed to (save|restore): /.test(text)) return null;
  return oneLine(text.replace(/^Failed to (save|restore): /, ''));
}

function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

type LineFilter = (line: string) => boolean;

/** Routes stdout lines through `swallow` (true: drop the line) until the returned function runs. */
function interceptStdout(swallow: LineFilter): () => void {
  const stdout = process.stdout;
  const original = stdout.write.bind(stdout);
  const patched = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const kept = text.split('\n').filter((line, i, all) => {
      if (i === all.length - 1 && line === '') return true;
      return !swallow(line.replace(/\r$/, ''));
    });
    const out = kept.join('\n');
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    if (out === '') {
      callback?.();
      return true;
    }
    return callback === undefined ? original(out) : original(out, callback);
  };
  stdout.write = patched;
  return () => {
    if (stdout.write === patched) stdout.write = original;
  };
}

function oneLine(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line ?? 'unknown error';
}

function elapsed(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
