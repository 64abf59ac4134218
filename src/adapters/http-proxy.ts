/**
 * The web proxy of the environment, read as @actions/http-client (and so the Actions cache
 * client) reads it: `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for
 * http, and no proxy for a host that `no_proxy`/`NO_PROXY` names or a loopback host (its
 * `checkBypass`). Every request this tool makes itself goes through `httpFetch`: undici's
 * fetch, through undici's ProxyAgent when a proxy applies. Plain-HTTP URLs go to the proxy as
 * forward requests (absolute URI, as apt and curl send them: a proxy that allows CONNECT only
 * to port 443, squid's default, still serves a Debian mirror), https URLs through CONNECT.
 * apt is told the same proxy (`aptProxyConfig`), so apt and our downloads take one route.
 */
import { checkBypass } from '@actions/http-client/lib/proxy';
import { fetch, ProxyAgent, type RequestInit, type Response } from 'undici';

export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError';
}

/** The proxy for `url` (credentials included), or null to go direct. */
export function proxyFor(url: URL): URL | null {
  const env = process.env;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const names =
    url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const name = names.find((n) => (env[n] ?? '') !== '');
  if (name === undefined || checkBypass(url)) return null;
  const value = env[name] ?? '';
  const parsed = URL.canParse(value) ? new URL(value) : null;
  // `proxy.corp:3128` parses as a URL of scheme "proxy.corp:"; http-client reads it as http.
  const proxy =
    parsed !== null && /^https?:$/.test(parsed.protocol)
      ? parsed
      : !value.includes('://') && URL.canParse(`http://${value}`)
        ? new URL(`http://${value}`)
        : null;
  if (proxy === null)
    throw new ProxyConfigError(
      `${name} is "${redacted(value)}": not an http:// or https:// proxy URL`,
    );
  return proxy;
}

/** A proxy URL fit for a message: user and password left out. */
export function redacted(proxy: URL | string): string {
  if (typeof proxy === 'string')
    return URL.canParse(proxy) ? redacted(new URL(proxy)) : proxy.replace(/^[^@/]*@/, '');
  const shown = new URL(proxy.href);
  shown.username = '';
  shown.password = '';
  return shown.origin === 'null' ? shown.href : shown.origin;
}

const agents = new Map<string, ProxyAgent>();

function agentFor(proxy: URL): ProxyAgent {
  let agent = agents.get(proxy.href);
  if (agent === undefined) {
    agent = new ProxyAgent({ uri: proxy.href, proxyTunnel: false });
    agents.set(proxy.href, agent);
  }
  return agent;
}

/** What a failed request went through, for its message: ` through proxy http://p:3128`, or ''. */
export function viaProxy(url: string): string {
  try {
    const proxy = proxyFor(new URL(url));
    return proxy === null ? '' : ` through proxy ${redacted(proxy)}`;
  } catch {
    return '';
  }
}

/** `fetch(url, init)` through the environment's proxy for `url`, or direct. */
export function httpFetch(
  url: string,
  init: Omit<RequestInit, 'dispatcher'> = {},
): Promise<Response> {
  const proxy = proxyFor(new URL(url));
  return proxy === null ? fetch(url, init) : fetch(url, { ...init, dispatcher: agentFor(proxy) });
}

/**
 * The apt configuration that gives a private apt for `mirror` the route `httpFetch` takes: the
 * proxy for its host, or DIRECT (so apt's own reading of `http_proxy`, whose `no_proxy` rules
 * differ, never decides otherwise). apt reads no uppercase HTTP_PROXY and the host's apt.conf is
 * not read by a private apt, so without it a proxy-only network fails every apt update. It goes
 * into a file of the private configuration (`PrivateApt`), never onto apt's command line, where
 * the proxy's credentials would show in every process listing.
 */
export function aptProxyConfig(mirror: string): string {
  const url = new URL(mirror);
  return (['http', 'https'] as const)
    .map((scheme) => {
      const at = new URL(url.href);
      at.protocol = `${scheme}:`;
      const proxy = proxyFor(at);
      const value = proxy === null ? 'DIRECT' : proxy.href;
      // A parsed URL has its quotes and line ends percent-encoded: checked all the same.
      if (/["\n\r]/.test(value))
        throw new ProxyConfigError(
          `the proxy ${redacted(value)} cannot go into apt's configuration`,
        );
      return `Acquire::${scheme}::Proxy "${value}";\n`;
    })
    .join('');
}
