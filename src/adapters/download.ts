/**
 * Downloads one package file with Node's fetch, streaming into a temporary file next to the
 * destination while hashing; only a file of the expected size and SHA-256 is renamed into place.
 * An existing destination with the right hash is kept without touching the network.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class DownloadError extends Error {
  override name = 'DownloadError';
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
  /** Abort when no data arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
}

export interface DownloadResult {
  path: string;
  /** True when the destination already held the right bytes. */
  reused: boolean;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
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
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ?? cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function downloadVerified(req: DownloadRequest): Promise<DownloadResult> {
  const expected = req.sha256.toLowerCase();
  if (await alreadyThere(req)) return { path: req.dest, reused: true };
  const tmp = join(
    dirname(req.dest),
    `.${basename(req.dest)}.${process.pid}.${randomBytes(4).toString('hex')}.part`,
  );
  const host = hostOf(req.url);
  const controller = new AbortController();
  const idle = req.idleTimeoutMs ?? 60_000;
  let timer = setTimeout(() => {
    controller.abort();
  }, idle);
  const poke = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort();
    }, idle);
  };
  let ok = false;
  try {
    let response: Response;
    try {
      response = await fetch(req.url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new DownloadError(
        `package ${req.name}: cannot reach ${host} (${networkReason(error)}) for ${req.url}`,
      );
    }
    if (!response.ok || response.body === null)
      throw new DownloadError(
        `package ${req.name}: ${host} answered HTTP ${response.status} for ${req.url}`,
      );
    const hash = createHash('sha256');
    let received = 0;
    const file = await open(tmp, 'wx', 0o644);
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        poke();
        received += chunk.byteLength;
        if (received > req.size) break;
        hash.update(chunk);
        await file.write(chunk);
      }
    } catch (error) {
      throw new DownloadError(
        `package ${req.name}: download from ${host} broke off (${networkReason(error)})`,
      );
    } finally {
      await file.close();
    }
    if (received !== req.size)
      throw new DownloadError(
        `package ${req.name}: size mismatch (expected ${req.size} bytes, got ${received > req.size ? 'more' : received})`,
      );
    const got = hash.digest('hex');
    if (got !== expected)
      throw new DownloadError(
        `package ${req.name}: SHA-256 mismatch (expected ${expected}, got ${got})`,
      );
    await rename(tmp, req.dest);
    ok = true;
    return { path: req.dest, reused: false };
  } finally {
    clearTimeout(timer);
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
 * Tries `mirrors` in order for one package; a mirror that fails (unreachable, 404, wrong bytes)
 * only moves on to the next. Wrong bytes are never kept. Returns the mirror that served it, so
 * a caller can try that one first for the next package.
 */
export async function downloadFromMirrors(
  req: MirroredRequest,
  mirrors: readonly string[],
): Promise<DownloadResult & { mirror: string | null; passedOver: string[] }> {
  const tried: string[] = [];
  for (const mirror of mirrors) {
    const url = `${mirror.replace(/\/+$/, '')}/${req.path}`;
    try {
      const got = await downloadVerified({ ...req, url });
      return { ...got, mirror: got.reused ? null : mirror, passedOver: tried };
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      tried.push(`${url}: ${error.message.replace(`package ${req.name}: `, '')}`);
    }
  }
  throw new DownloadError(
    `package ${req.name} ${req.version} (${req.path}) was not found with its locked SHA-256 on any mirror; tried ${tried.length > 0 ? tried.join('; ') : 'no mirror'}. Add a mirror that still has it (the mirror input or --mirror, e.g. an archive of retired releases or a snapshot service)`,
  );
}
