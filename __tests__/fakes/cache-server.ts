/**
 * A local stand-in for the GitHub Actions cache service, speaking both protocols @actions/cache
 * 6.3.0 uses (lib/internal/config.js picks one from the environment):
 *
 * - v1 (ACTIONS_CACHE_URL, ACTIONS_CACHE_SERVICE_V2 unset): REST under `_apis/artifactcache/` —
 *   `GET cache?keys=&version=` (204 or `{cacheKey, archiveLocation}`), `POST caches` (reserve,
 *   409 when the key exists), `PATCH caches/<id>` with `Content-Range` chunks, `POST caches/<id>`
 *   (commit with the size); the archive is then fetched with a plain GET.
 * - v2 (ACTIONS_RESULTS_URL + ACTIONS_CACHE_SERVICE_V2): Twirp JSON under
 *   `twirp/github.actions.results.api.v1.CacheService/` — CreateCacheEntry (a signed upload URL),
 *   FinalizeCacheEntryUpload, GetCacheEntryDownloadURL — and an Azure-Blob-like store for the
 *   signed URLs: `PUT` (single shot, `x-ms-blob-type: BlockBlob`), `PUT ?comp=block&blockid=`,
 *   `PUT ?comp=blocklist`, `GET` with or without `Range`.
 *
 * Entries live in memory; lookups match a key exactly, then by prefix (newest first), and only
 * with the same version, as the real service does.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, DONE, json, listen, parse, readBody, send, str, type Done } from './http.js';

export { closedPort, startHangingServer } from './http.js';

export type CacheProtocol = 'v1' | 'v2';

export interface CacheServer {
  /** What a runner would set for a step. */
  env: Record<string, string>;
  close(): Promise<void>;
  /** Keys of the committed entries. */
  entries(): string[];
  /** Bytes of each committed entry's archive, by key (what it takes of the 10 GB a repository has). */
  sizes(): Map<string, number>;
  /** `METHOD path` of every request, in order. */
  requests(): string[];
  /** Archive downloads answer only after this long (a slow service). */
  delayDownloads(ms: number): void;
}

interface Entry {
  id: number;
  key: string;
  version: string;
  parts: Map<number, Buffer>; // v1 chunks by offset
  blocks: Map<string, Buffer>; // v2 staged blocks by id
  uploaded: Buffer | null; // v2 blob bytes, until FinalizeCacheEntryUpload
  data: Buffer | null; // set once committed
  created: number;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';
const V1 = '/_apis/artifactcache/';
const BLOBS = '/devstoreaccount1/actions-cache/';

export async function startCacheServer(protocol: CacheProtocol = 'v1'): Promise<CacheServer> {
  const token = `stand-in-${randomBytes(8).toString('hex')}`;
  const sig = randomBytes(8).toString('hex');
  const entries: Entry[] = [];
  const log: string[] = [];
  let base = '';
  let downloadDelay = 0;

  const find = (keys: string[], version: string): Entry | undefined => {
    const done = entries.filter((e) => e.data !== null && e.version === version);
    for (const key of keys) {
      const exact = done.find((e) => e.key === key);
      if (exact !== undefined) return exact;
      const prefixed = done
        .filter((e) => e.key.startsWith(key))
        .sort((a, b) => b.created - a.created);
      if (prefixed[0] !== undefined) return prefixed[0];
    }
    return undefined;
  };
  const reserve = (key: string, version: string): Entry | null => {
    if (entries.some((e) => e.key === key && e.version === version)) return null;
    const entry: Entry = {
      id: entries.length + 1,
      key,
      version,
      parts: new Map<number, Buffer>(),
      blocks: new Map<string, Buffer>(),
      uploaded: null,
      data: null,
      created: Date.now(),
    };
    entries.push(entry);
    return entry;
  };
  const byId = (id: string | undefined): Entry | undefined =>
    entries.find((e) => String(e.id) === id);
  const blobUrl = (entry: Entry): string => `${base}${BLOBS.slice(1)}${entry.id}?sig=${sig}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<Done> {
    const url = new URL(req.url ?? '/', base);
    const body = await readBody(req);
    log.push(`${req.method ?? ''} ${url.pathname}${url.search}`);
    if (url.pathname.startsWith(BLOBS)) {
      if (url.searchParams.get('sig') !== sig) return send(res, 403, 'bad signature');
      if (req.method === 'GET' && downloadDelay > 0)
        await new Promise((resolve) => setTimeout(resolve, downloadDelay));
      return blob(req, res, url, body, byId(url.pathname.slice(BLOBS.length)));
    }
    if (req.headers.authorization !== `Bearer ${token}`)
      return json(res, 401, { message: 'bad token' });
    if (protocol === 'v1' && url.pathname.startsWith(V1)) return v1(req, url, body, res);
    if (protocol === 'v2' && req.method === 'POST' && url.pathname.startsWith(TWIRP))
      return twirp(url.pathname.slice(TWIRP.length), parse(body), res);
    return send(res, 404, 'not found');
  }

  function v1(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): Done {
    const method = req.method ?? '';
    const resource = url.pathname.slice(V1.length);
    if (method === 'GET' && resource === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      const entry = find(keys, url.searchParams.get('version') ?? '');
      if (entry === undefined) return send(res, 204, '');
      return json(res, 200, {
        cacheKey: entry.key,
        scope: 'refs/heads/main',
        archiveLocation: blobUrl(entry),
      });
    }
    if (method === 'GET' && resource === 'caches')
      return json(res, 200, { totalCount: 0, artifactCaches: [] });
    const request = method === 'POST' ? parse(body) : {};
    if (method === 'POST' && resource === 'caches') {
      const entry = reserve(str(request.key), str(request.version));
      if (entry === null)
        return json(res, 409, {
          message: `Cache already exists. Scope: refs/heads/main, Key: ${str(request.key)}`,
        });
      return json(res, 201, { cacheId: entry.id });
    }
    const entry = byId(/^caches\/(\d+)$/.exec(resource)?.[1]);
    if (entry === undefined) return json(res, 404, { message: 'no such cache' });
    if (method === 'PATCH') {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range']));
      if (range === null || Number(range[2]) - Number(range[1]) + 1 !== body.length)
        return json(res, 400, { message: 'bad Content-Range' });
      entry.parts.set(Number(range[1]), body);
      return send(res, 204, '');
    }
    if (method === 'POST') {
      const data = Buffer.concat(
        [...entry.parts].sort((a, b) => a[0] - b[0]).map(([, part]) => part),
      );
      if (data.length !== Number(request.size))
        return json(res, 400, { message: `size ${data.length} is not ${String(request.size)}` });
      entry.data = data;
      return send(res, 204, '');
    }
    return send(res, 405, 'method not allowed');
  }

  function twirp(method: string, request: Record<string, unknown>, res: ServerResponse): Done {
    const key = str(request.key);
    const version = str(request.version);
    if (method === 'CreateCacheEntry') {
      const entry = reserve(key, version);
      if (entry === null)
        return json(res, 409, {
          code: 'already_exists',
          msg: 'cache entry with the same key, version, and scope already exists',
        });
      return json(res, 200, { ok: true, signed_upload_url: blobUrl(entry) });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.find((e) => e.key === key && e.version === version && e.data === null);
      const data = entry?.uploaded;
      if (entry === undefined || !data || data.length !== Number(request.size_bytes))
        return json(res, 200, { ok: false, message: 'no matching upload' });
      entry.data = data;
      return json(res, 200, { ok: true, entry_id: String(entry.id) });
    }
    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = Array.isArray(request.restore_keys) ? request.restore_keys.map(str) : [];
      const entry = find([key, ...restoreKeys], version);
      if (entry === undefined) return json(res, 200, { ok: false });
      return json(res, 200, {
        ok: true,
        signed_download_url: blobUrl(entry),
        matched_key: entry.key,
      });
    }
    return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
  }

  function blob(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer,
    entry: Entry | undefined,
  ): Done {
    if (entry === undefined) return send(res, 404, 'BlobNotFound');
    const headers = {
      etag: `"0x${entry.id}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2025-01-05',
    };
    if (req.method === 'PUT') {
      if (protocol !== 'v2' || entry.data !== null) return send(res, 409, 'BlobImmutable');
      const comp = url.searchParams.get('comp');
      if (comp === 'block') entry.blocks.set(url.searchParams.get('blockid') ?? '', body);
      else if (comp === 'blocklist') {
        const ids = [
          ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g),
        ].map((m) => m[1] ?? '');
        entry.uploaded = Buffer.concat(ids.map((id) => entry.blocks.get(id) ?? Buffer.alloc(0)));
      } else if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob')
        entry.uploaded = body;
      else return send(res, 400, 'unsupported blob operation');
      res.writeHead(201, {
        ...headers,
        'x-ms-request-server-encrypted': 'true',
        'content-length': '0',
      });
      res.end();
      return DONE;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && entry.data !== null) {
      const data = entry.data;
      const range = /^bytes=(\d+)-(\d*)$/.exec(
        String(req.headers.range ?? req.headers['x-ms-range'] ?? ''),
      );
      const start = range === null ? 0 : Number(range[1]);
      const end =
        range === null || range[2] === '' || range[2] === undefined
          ? data.length - 1
          : Math.min(Number(range[2]), data.length - 1);
      const part = data.subarray(start, end + 1);
      const status = range === null ? 200 : 206;
      res.writeHead(status, {
        ...headers,
        'content-type': 'application/octet-stream',
        'content-length': String(part.length),
        'x-ms-blob-type': 'BlockBlob',
        ...(range === null ? {} : { 'content-range': `bytes ${start}-${end}/${data.length}` }),
      });
      res.end(req.method === 'HEAD' ? undefined : part);
      return DONE;
    }
    return send(res, 404, 'BlobNotFound');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, error instanceof Error ? error.message : String(error));
    });
  });
  const port = await listen(server);
  base = `http://127.0.0.1:${port}/`;
  const env: Record<string, string> =
    protocol === 'v1'
      ? { ACTIONS_CACHE_URL: base, ACTIONS_RUNTIME_TOKEN: token }
      : {
          ACTIONS_RESULTS_URL: base,
          ACTIONS_CACHE_SERVICE_V2: 'True',
          ACTIONS_RUNTIME_TOKEN: token,
        };
  return {
    env,
    entries: () => entries.filter((e) => e.data !== null).map((e) => e.key),
    sizes: () => new Map(entries.flatMap((e) => (e.data === null ? [] : [[e.key, e.data.length]]))),
    requests: () => [...log],
    delayDownloads: (ms: number) => {
      downloadDelay = ms;
    },
    close: () => closeServer(server),
  };
}
