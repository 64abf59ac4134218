/**
 * Downloads one package file (through the environment's proxy: `httpFetch`), streaming into a
 * temporary file next to the destination while hashing; only a file of the expected size and
 * SHA-256 is renamed into place. An existing one with the right hash is kept without a request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Response } from 'undici';
import { isNoSpace, noSpaceMessage } from './disk-space.js';
import { httpFetch, ProxyConfigError, viaProxy } from './http-proxy.js';
import { sha256File } from './sha256.js';

export { sha256File };

/** Why a mirror did not serve a file: its bytes are other or absent, or it is slow or down. */
export type DownloadFailure = 'bytes' | 'slow' | 'network';

export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    message: string,
    readonly failure: DownloadFailure = 'bytes',
  ) {
    super(message);
  }
}

/** The download could not be written here (a full disk, a read-only folder): no mirror helps. */
export class LocalWriteError extends Error {
  override name = 'LocalWriteError';
}

/**
 * How slow a mirror may be. The answer must come within one window, and every window after it
 * must bring at least `minBytesPerSecond × window` bytes; so a file of size S has a deadline of
 * about two windows plus S at the minimum rate. A mirror that sends a byte now and then (which
 * a timer restarted on every chunk never stops) is left after one window for the next.
 */
export interface DownloadLimits {
  minBytesPerSecond: number;
  windowMs: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = {
  minBytesPerSecond: 50_000,
  windowMs: 30_000,
};

export const MIN_RATE_VAR = 'CGO_ABI_GUARD_DOWNLOAD_MIN_RATE';
export const WINDOW_VAR = 'CGO_ABI_GUARD_DOWNLOAD_WINDOW';

/** The limits, with `CGO_ABI_GUARD_DOWNLOAD_MIN_RATE` (bytes/s) and `…_WINDOW` (seconds) over the defaults. */
export function downloadLimits(env: Readonly<Record<string, string | undefined>>): DownloadLimits {
  const read = (name: string, unit: string, fallback: number, scale: number): number => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback * scale;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0)
      throw new Error(`${name} must be a positive number of ${unit}, not "${text}"`);
    return n * scale;
  };
  return {
    minBytesPerSecond: read(
      MIN_RATE_VAR,
      'bytes per second',
      DEFAULT_DOWNLOAD_LIMITS.minBytesPerSecond,
      1,
    ),
    windowMs: read(WINDOW_VAR, 'seconds', DEFAULT_DOWNLOAD_LIMITS.windowMs / 1000, 1000),
  };
}

export interface DownloadRequest {
  url: string;
  dest: string;
  /** Expected SHA-256, lowercase hex. */
  sha256: string;
  /** Expected size in bytes. */
  size: number;
  /** Package name, for messages. */
  name: string;
  /** Default: `downloadLimits(process.env)`. */
  limits?: DownloadLimits;
}

export interface DownloadResult {
  path: string;
  /** True when the destination already held the right bytes. */
  reused: boolean;
}

async function alreadyThere(req: DownloadRequest): Promise<boolean> {
  const st = await stat(req.dest).catch(() => null);
  if (st === null || !st.isFile() || st.size !== req.size) return false;
  return (await sha256File(req.dest)) === req.sha256.toLowerCase();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return 'timed out';
  if (error instanceof ProxyConfigError) return error.message;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ?? cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/** Aborts the request when the answer or the bytes come slower than `limits`; `reason` says why. */
class Pace {
  readonly controller = new AbortController();
  reason: string | null = null;
  private received = 0;
  private atLastLook = 0;
  private timer: NodeJS.Timeout;

  constructor(private readonly limits: DownloadLimits) {
    this.timer = setTimeout(() => {
      this.stop(`gave no answer within ${seconds(limits.windowMs)}`);
    }, limits.windowMs);
  }

  /** The answer's headers came: from now on the bytes are counted per window. */
  answered(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.look, this.limits.windowMs);
  }

  add(bytes: number): void {
    this.received += bytes;
  }

  private readonly look = (): void => {
    const { minBytesPerSecond, windowMs } = this.limits;
    const got = this.received - this.atLastLook;
    this.atLastLook = this.received;
    if (got * 1000 < minBytesPerSecond * windowMs) {
      this.stop(
        `was too slow: ${got} bytes in ${seconds(windowMs)}, below the minimum of ${minBytesPerSecond} bytes/s (${MIN_RATE_VAR} sets it)`,
      );
      return;
    }
    this.timer = setTimeout(this.look, windowMs);
  };

  private stop(reason: string): void {
    this.reason = reason;
    this.controller.abort();
  }

  done(): void {
    clearTimeout(this.timer);
  }
}

/** Local file trouble as one line naming the path; a full disk says so, with where and how much. */
async function localError(error: unknown, path: string, doing: string): Promise<LocalWriteError> {
  if (isNoSpace(error)) return new LocalWriteError(await noSpaceMessage(dirname(path), doing));
  const code = (error as NodeJS.ErrnoException).code;
  return new LocalWriteError(`cannot write ${path} while ${doing} (${code ?? String(error)})`);
}

export async function downloadVerified(req: DownloadRequest): Promise<DownloadResult> {
  const expected = req.sha256.toLowerCase();
  if (await alreadyThere(req)) return { path: req.dest, reused: true };
  const tmp = join(
    dirname(req.dest),
    `.${basename(req.dest)}.${process.pid}.${randomBytes(4).toString('hex')}.part`,
  );
  const host = hostOf(req.url);
  const doing = `downloading ${req.name} from ${host}`;
  const pace = new Pace(req.limits ?? downloadLimits(process.env));
  const slow = (): DownloadError | null =>
    pace.reason === null
      ? null
      : new DownloadError(`package ${req.name}: ${host} ${pace.reason}`, 'slow');
  let ok = false;
  try {
    let response: Response;
    try {
      response = await httpFetch(req.url, { signal: pace.controller.signal, redirect: 'follow' });
    } catch (error) {
      throw (
        slow() ??
        new DownloadError(
          `package ${req.name}: cannot reach ${host}${viaProxy(req.url)} (${networkReason(error)}) for ${req.url}`,
          'network',
        )
      );
    }
    pace.answered();
    if (!response.ok || response.body === null)
      throw new DownloadError(
        `package ${req.name}: ${host} answered HTTP ${response.status} for ${req.url}`,
      );
    const hash = createHash('sha256');
    let received = 0;
    const file = await open(tmp, 'wx', 0o644).catch(async (e: unknown) => {
      throw await localError(e, tmp, doing);
    });
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        pace.add(chunk.byteLength);
        received += chunk.byteLength;
        if (received > req.size) break;
        hash.update(chunk);
        await file.write(chunk).catch(async (e: unknown) => {
          throw await localError(e, tmp, doing);
        });
      }
    } catch (error) {
      await file.close().catch(() => undefined);
      if (error instanceof LocalWriteError) throw error;
      throw (
        slow() ??
        new DownloadError(
          `package ${req.name}: download from ${host} broke off (${networkReason(error)})`,
          'network',
        )
      );
    }
    await file.close().catch(async (e: unknown) => {
      throw await localError(e, tmp, doing);
    });
    if (received !== req.size)
      throw new DownloadError(
        `package ${req.name}: size mismatch (expected ${req.size} bytes, got ${received > req.size ? 'more' : received})`,
      );
    const got = hash.digest('hex');
    if (got !== expected)
      throw new DownloadError(
        `package ${req.name}: SHA-256 mismatch (expected ${expected}, got ${got})`,
      );
    await rename(tmp, req.dest).catch(async (e: unknown) => {
      throw await localError(e, req.dest, doing);
    });
    ok = true;
    return { path: req.dest, reused: false };
  } finally {
    pace.done();
    if (!ok) await rm(tmp, { force: true });
  }
}

/** One package, by its path inside the archive, from the first mirror that has the right bytes. */
export interface MirroredRequest extends Omit<DownloadRequest, 'url'> {
  /** `pool/main/…/x.deb`, the same on every mirror of the archive. */
  path: string;
  version: string;
}

/**
 * Tries `mirrors` in order for one package; a mirror that fails (unreachable, too slow, 404,
 * wrong bytes) only moves on to the next. Wrong bytes are never kept. A local failure (a full
 * disk) stops at once: no mirror helps. Returns the mirror that served it, so a caller can try
 * that one first for the next package.
 */
export async function downloadFromMirrors(
  req: MirroredRequest,
  mirrors: readonly string[],
): Promise<DownloadResult & { mirror: string | null; passedOver: string[] }> {
  const limits = req.limits ?? downloadLimits(process.env);
  const tried: string[] = [];
  let bytesElsewhere = false;
  for (const mirror of mirrors) {
    const url = `${mirror.replace(/\/+$/, '')}/${req.path}`;
    try {
      const got = await downloadVerified({ ...req, url, limits });
      return { ...got, mirror: got.reused ? null : mirror, passedOver: tried };
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      bytesElsewhere ||= error.failure === 'bytes';
      tried.push(`${url}: ${error.message.replace(`package ${req.name}: `, '')}`);
    }
  }
  const what = `package ${req.name} ${req.version} (${req.path})`;
  const list = tried.length > 0 ? tried.join('; ') : 'no mirror';
  // Slow or unreachable mirrors may still have the file: "add a mirror that has it" would mislead.
  throw new DownloadError(
    bytesElsewhere || tried.length === 0
      ? `${what} was not found with its locked SHA-256 on any mirror; tried ${list}. Add a mirror that still has it (the mirror input or --mirror, e.g. an archive of retired releases or a snapshot service)`
      : `${what} could not be downloaded from any mirror; tried ${list}. Check the network, or add a mirror that answers faster (the mirror input or --mirror)`,
  );
}
