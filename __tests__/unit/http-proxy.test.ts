/** Which proxy a URL goes through: @actions/http-client's reading of the environment. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aptProxyConfig,
  proxyFor,
  ProxyConfigError,
  redacted,
  viaProxy,
} from '../../src/adapters/http-proxy.js';

const NAMES = ['http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'];
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
  for (const n of NAMES) Reflect.deleteProperty(process.env, n);
});

afterEach(() => {
  for (const n of NAMES) {
    const value = saved[n];
    if (value === undefined) Reflect.deleteProperty(process.env, n);
    else process.env[n] = value;
  }
});

const via = (url: string): string | null => proxyFor(new URL(url))?.href ?? null;

describe('proxyFor', () => {
  it('goes direct when no proxy is named', () => {
    expect(via('http://mirror.example/debian/x.deb')).toBeNull();
    expect(aptProxyConfig('http://mirror.example/debian')).toBe(
      'Acquire::http::Proxy "DIRECT";\nAcquire::https::Proxy "DIRECT";\n',
    );
  });

  it("keeps a proxy's quotes and braces from ending apt's string: two statements, encoded", () => {
    process.env.HTTP_PROXY = 'http://user:"};x@p.example:3128/a"b{c}';
    expect(aptProxyConfig('http://mirror.example/debian')).toBe(
      'Acquire::http::Proxy "http://user:%22%7D%3Bx@p.example:3128/a%22b%7Bc%7D";\n' +
        'Acquire::https::Proxy "DIRECT";\n',
    );
  });

  it('takes HTTP_PROXY for http and HTTPS_PROXY for https, lowercase first', () => {
    process.env.HTTP_PROXY = 'http://plain.example:3128';
    expect(via('http://mirror.example/x')).toBe('http://plain.example:3128/');
    expect(via('https://mirror.example/x')).toBeNull();
    process.env.HTTPS_PROXY = 'http://upper.example:8080';
    process.env.https_proxy = 'http://lower.example:8080';
    expect(via('https://mirror.example/x')).toBe('http://lower.example:8080/');
  });

  it('reads a proxy without a scheme as http, and refuses one that is not http(s)', () => {
    process.env.HTTP_PROXY = 'plain.example:3128';
    expect(via('http://mirror.example/x')).toBe('http://plain.example:3128/');
    process.env.HTTP_PROXY = 'socks5://user:secret@socks.example:1080';
    expect(() => via('http://mirror.example/x')).toThrow(ProxyConfigError);
    expect(() => via('http://mirror.example/x')).toThrow(
      'HTTP_PROXY is "socks5://socks.example:1080": not an http:// or https:// proxy URL',
    );
  });

  it('honours NO_PROXY as @actions/http-client does: host, suffix, host:port, *', () => {
    process.env.HTTP_PROXY = 'http://p.example:3128';
    process.env.NO_PROXY = 'intranet.example, .corp.example,mirror.example:8080';
    expect(via('http://intranet.example/x')).toBeNull();
    expect(via('http://a.intranet.example/x')).toBeNull();
    expect(via('http://A.CORP.EXAMPLE/x')).toBeNull();
    expect(via('http://mirror.example:8080/x')).toBeNull();
    expect(via('http://mirror.example/x')).toBe('http://p.example:3128/');
    expect(via('http://notintranet.example/x')).toBe('http://p.example:3128/');
    process.env.no_proxy = '*';
    expect(via('http://mirror.example/x')).toBeNull();
  });

  it('never proxies loopback', () => {
    process.env.HTTP_PROXY = 'http://p.example:3128';
    expect(via('http://127.0.0.1:8080/x')).toBeNull();
    expect(via('http://localhost/x')).toBeNull();
  });
});

describe('aptProxyOptions', () => {
  it("gives apt the proxy of each scheme for the mirror's host, credentials included", () => {
    process.env.HTTP_PROXY = 'http://user:p%40ss@p.example:3128';
    expect(aptProxyConfig('http://mirror.example/debian')).toBe(
      'Acquire::http::Proxy "http://user:p%40ss@p.example:3128/";\n' +
        'Acquire::https::Proxy "DIRECT";\n',
    );
    process.env.HTTPS_PROXY = 'http://p.example:3129';
    expect(aptProxyConfig('https://mirror.example/debian')).toContain(
      'Acquire::https::Proxy "http://p.example:3129/";',
    );
  });

  it('tells apt DIRECT for a host NO_PROXY names (apt would read http_proxy otherwise)', () => {
    process.env.http_proxy = 'http://p.example:3128';
    process.env.NO_PROXY = 'MIRROR.example';
    expect(aptProxyConfig('http://mirror.example/debian')).toBe(
      'Acquire::http::Proxy "DIRECT";\nAcquire::https::Proxy "DIRECT";\n',
    );
  });

  it("keeps a proxy's quotes and braces from ending apt's string: two statements, encoded", () => {
    process.env.HTTP_PROXY = 'http://user:"};x@p.example:3128/a"b{c}';
    expect(aptProxyConfig('http://mirror.example/debian')).toBe(
      'Acquire::http::Proxy "http://user:%22%7D%3Bx@p.example:3128/a%22b%7Bc%7D";\n' +
        'Acquire::https::Proxy "DIRECT";\n',
    );
  });
});

describe('messages', () => {
  it('name the proxy without its credentials', () => {
    expect(redacted(new URL('http://user:secret@p.example:3128/'))).toBe('http://p.example:3128');
    process.env.HTTP_PROXY = 'http://user:secret@p.example:3128';
    expect(viaProxy('http://mirror.example/x')).toBe(' through proxy http://p.example:3128');
    expect(viaProxy('https://mirror.example/x')).toBe('');
  });
});
