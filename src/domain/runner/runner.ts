/**
 * What the runner is: kernel, C library, distro, host architecture and Go toolchain. Pure
 * parsers over the text the tools print (os-release, getconf, ldd, `go env -json`, go.mod); the
 * adapter in src/adapters/runner.ts runs them.
 */
import { ARCHITECTURES, type Architecture } from '../data/architectures.js';

export interface GoToolchain {
  /** GOVERSION of the local toolchain, e.g. `go1.23.4`. */
  goversion: string;
  goos: string;
  goarch: string;
  cgoEnabled: boolean;
  cc: string;
  goroot: string;
  /** The configured GOTOOLCHAIN (`local`, `auto`, `go1.22.0+auto`, `path`, …). */
  gotoolchain: string;
  /** Why GOTOOLCHAIN or a go.mod toolchain/go line may switch toolchains, or null. */
  switchable: string | null;
}

export interface LibcFacts {
  family: 'glibc' | 'musl' | 'unknown';
  version: string | null;
}

export interface DistroFacts {
  id: string;
  versionId: string | null;
  codename: string | null;
  idLike: string[];
  prettyName: string | null;
}

export interface HostArch {
  goarch: string | null;
  machine: string;
  debianArch: string | null;
}

/**
 * What the toolchain install needs of the host: its distribution, architecture and C library
 * (a release's cross gcc runs only on a glibc at least the release's).
 */
export interface HostFacts {
  distro: DistroFacts;
  hostArch: HostArch;
  libc: LibcFacts;
}

export interface RunnerFacts extends HostFacts {
  kernel: string;
  go: GoToolchain | { missing: string };
}

/** `/etc/os-release`: KEY=value lines, values optionally quoted with shell-style escapes. */
export function parseOsRelease(text: string): DistroFacts {
  const fields = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    fields.set(m[1], unquote(m[2].trim()));
  }
  const get = (key: string): string | null => {
    const v = fields.get(key);
    return v === undefined || v === '' ? null : v;
  };
  return {
    // os-release(5): ID defaults to "linux".
    id: get('ID') ?? 'linux',
    versionId: get('VERSION_ID'),
    codename: get('VERSION_CODENAME') ?? get('UBUNTU_CODENAME'),
    idLike: (get('ID_LIKE') ?? '').split(/\s+/).filter((s) => s !== ''),
    prettyName: get('PRETTY_NAME'),
  };
}

function unquote(value: string): string {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
    const inner = value.slice(1, -1);
    return q === '"' ? inner.replace(/\\([$"\\`])/g, '$1') : inner;
  }
  return value;
}

/** `getconf GNU_LIBC_VERSION` → "glibc 2.36". */
export function parseGetconfLibc(text: string): LibcFacts | null {
  const m = /^\s*glibc\s+(\d+(?:\.\d+)+)/m.exec(text);
  return m?.[1] === undefined ? null : { family: 'glibc', version: m[1] };
}

/**
 * `ldd --version` (stdout and stderr together). musl's ldd prints `musl libc (x86_64)` and
 * `Version 1.2.4` on stderr and exits 1; glibc's prints `ldd (Debian GLIBC 2.36-9) 2.36`.
 */
export function parseLddVersion(text: string): LibcFacts | null {
  if (/\bmusl libc\b/i.test(text)) {
    const v = /^\s*Version\s+(\d+(?:\.\d+)+)/m.exec(text);
    return { family: 'musl', version: v?.[1] ?? null };
  }
  const g = /^ldd \(.*(?:GLIBC|GNU libc).*\)\s+(\d+(?:\.\d+)+)\s*$/m.exec(text);
  return g?.[1] === undefined ? null : { family: 'glibc', version: g[1] };
}

export type GoEnv = Omit<GoToolchain, 'switchable'>;

/** `go env -json` → the fields we report; `{ error }` when it is not that JSON. */
export function parseGoEnvJson(text: string): GoEnv | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'go env -json did not print JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { error: 'go env -json did not print a JSON object' };
  const env = data as Record<string, unknown>;
  const str = (key: string): string => {
    const v = env[key];
    return typeof v === 'string' ? v : '';
  };
  if (str('GOVERSION') === '' || str('GOROOT') === '')
    return { error: 'go env -json has no GOVERSION or GOROOT' };
  return {
    goversion: str('GOVERSION'),
    goos: str('GOOS'),
    goarch: str('GOARCH'),
    cgoEnabled: str('CGO_ENABLED') === '1',
    cc: str('CC'),
    goroot: str('GOROOT'),
    gotoolchain: str('GOTOOLCHAIN'),
  };
}

/** `uname -m` → the architecture's row (data/architectures.ts). */
const MACHINES: ReadonlyMap<string, Architecture> = new Map(
  ARCHITECTURES.flatMap((a) => a.uname.map((m) => [m, a] as const)),
);

/** `uname -m` → GOARCH and Debian architecture (null for machines Go/Debian do not map). */
export function hostArchOf(machine: string): HostArch {
  const m = MACHINES.get(machine.trim());
  return { machine: machine.trim(), goarch: m?.goarch ?? null, debianArch: m?.debian ?? null };
}

export function renderRunnerText(facts: RunnerFacts): string {
  const d = facts.distro;
  const distro = [d.id, d.versionId, d.codename].filter((s) => s !== null).join(' ');
  const libc =
    facts.libc.family === 'unknown'
      ? 'unknown (neither getconf GNU_LIBC_VERSION nor ldd --version said)'
      : `${facts.libc.family} ${facts.libc.version ?? '(version unknown)'}`;
  const a = facts.hostArch;
  const lines = [
    `kernel       ${facts.kernel}`,
    `libc         ${libc}`,
    `distro       ${d.prettyName === null ? distro : `${d.prettyName} (${distro})`}`,
    `arch         ${a.machine} (GOARCH ${a.goarch ?? 'unknown'}, Debian ${a.debianArch ?? 'unknown'})`,
  ];
  const go = facts.go;
  if ('missing' in go) lines.push(`go           missing: ${go.missing}`);
  else {
    lines.push(
      `go           ${go.goversion} ${go.goos}/${go.goarch}`,
      `GOROOT       ${go.goroot}`,
      `cgo          ${go.cgoEnabled ? 'enabled' : 'DISABLED (CGO_ENABLED=0)'}, CC=${go.cc === '' ? '(none)' : go.cc}`,
      `GOTOOLCHAIN  ${go.gotoolchain === '' ? '(unset)' : go.gotoolchain}: ${go.switchable ?? 'builds use this toolchain'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderRunnerJson(facts: RunnerFacts): string {
  return `${JSON.stringify(facts, null, 2)}\n`;
}
