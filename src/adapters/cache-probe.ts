/**
 * Whether the cache service can be reached at all, asked before @actions/cache is: for a service
 * that refuses connections, the library's v1 client sleeps and retries (10 s a call), while v2
 * gives up at once. A refused connection or an unknown host of every cache URL the runner names
 * is reported at once; anything else (an answer, a slow one) is left to the library. Through a
 * proxy (https_proxy, no_proxy, as @actions/http-client reads them) the proxy is what is reached.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { connect } from 'node:net';

const PROBE_MS = 3000;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Why no cache URL of `env` can be reached, or null when one may be (or none is named). */
export async function cacheServiceDown(
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | null> {
  const urls = [env.ACTIONS_CACHE_URL, env.ACTIONS_RESULTS_URL].filter(
    (u): u is string => u !== undefined && u !== '',
  );
  if (urls.length === 0) return null;
  const reasons = await Promise.all(urls.map(refusal));
  return reasons.every((r) => r !== null) ? reasons.join('; ') : null;
}

async function refusal(url: string): Promise<string | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null; // the library says what is wrong with it
  }
  const via = getProxyUrl(target) ?? target;
  const host = via.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(via.port) || (via.protocol === 'https:' ? 443 : 80);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (why: string | null): void => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(PROBE_MS, () => {
      done(null);
    });
    socket.once('connect', () => {
      done(null);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      done(UNREACHABLE.has(error.code ?? '') ? `cannot reach ${via.host}: ${error.message}` : null);
    });
  });
}
