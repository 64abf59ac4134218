/**
 * A recording web proxy, as a company network has one: plain-HTTP forward requests (absolute
 * URI) passed on to the origin, CONNECT tunnels to port 443 only (squid's default, `deny CONNECT
 * !SSL_ports`: a client that tunnels plain HTTP to port 80 fails there), and a request in origin
 * form (a client that mistook it for a server) refused. Every request is recorded with the credentials
 * it presented. Hosts in `virtual` are answered by the proxy itself (a name that resolves
 * nowhere, so only a proxied client reaches it). Listens on a unix socket, so a client in
 * another network namespace reaches it through a relay there (`relayToSocket`).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';

export interface ProxyRecord {
  /** `GET`, `HEAD`, `CONNECT`… */
  method: string;
  /** The absolute URI of a forward request; `host:port` of a CONNECT; the path otherwise. */
  target: string;
  /** The decoded `user:password` of Proxy-Authorization: Basic, or null. */
  credentials: string | null;
}

export interface RecordingProxy {
  records: ProxyRecord[];
  close(): Promise<void>;
}

function credentialsOf(req: IncomingMessage): string | null {
  const header = req.headers['proxy-authorization'];
  const basic = /^Basic (\S+)$/i.exec(header ?? '');
  return basic?.[1] === undefined ? null : Buffer.from(basic[1], 'base64').toString('utf8');
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  virtual: ReadonlyMap<string, string>,
): void {
  const url = new URL(req.url ?? '');
  const body = virtual.get(url.host);
  if (body !== undefined) {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
    return;
  }
  const headers = { ...req.headers };
  delete headers['proxy-authorization'];
  delete headers['proxy-connection'];
  const upstream = request(
    {
      host: url.hostname,
      port: url.port || 80,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502).end(`proxy: ${e.message}`);
    else res.destroy();
  });
  req.pipe(upstream);
}

export async function startRecordingProxy(
  socketPath: string,
  virtual: ReadonlyMap<string, string> = new Map(),
): Promise<RecordingProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const target = req.url ?? '';
    records.push({ method: req.method ?? '', target, credentials: credentialsOf(req) });
    if (!/^https?:\/\//.test(target)) {
      res.writeHead(400).end('proxy: not a proxy request');
      return;
    }
    forward(req, res, virtual);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    records.push({ method: 'CONNECT', target, credentials: credentialsOf(req) });
    const [, host = '', port = ''] = /^\[?([^\]]*?)\]?:(\d+)$/.exec(target) ?? [];
    if (port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  return {
    records,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/**
 * In this process's network namespace: a TCP port on 127.0.0.1 whose every connection is piped
 * to the unix socket at `socketPath`. Resolves with the port and a way to stop it.
 */
export async function relayToSocket(socketPath: string): Promise<{ port: number; close(): void }> {
  const relay = createTcpServer((socket) => {
    const to = connect(socketPath);
    socket.pipe(to).pipe(socket);
    socket.on('error', () => to.destroy());
    to.on('error', () => socket.destroy());
  });
  const port = await new Promise<number>((resolve, reject) => {
    relay.once('error', reject);
    relay.listen(0, '127.0.0.1', () => {
      const address = relay.address();
      if (typeof address === 'object' && address !== null) resolve(address.port);
      else reject(new Error('no port'));
    });
  });
  return {
    port,
    close: () => {
      relay.close();
    },
  };
}
