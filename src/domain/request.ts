/**
 * What a user asks for, read the same way by both front ends: the action's inputs and the CLI's
 * flags are turned into raw `{ name → text | texts }` (named as the action's inputs) and parsed
 * here into the same typed request, every problem collected at once. Each front end only spells
 * a problem its way (`input "glibc": …`, `--glibc …`).
 */
import { LIBCS, parseTarget, type Libc, type Target } from './platform.js';
import { parseCompilerChoice, type CompilerChoice } from './toolchain/compiler.js';
import { checkMirrorUri } from './toolchain/mirrors.js';
import { parsePackageList } from './toolchain/target-packages.js';
import { checkReleaseName } from './toolchain/capping.js';
import { hasControlCharacter } from './go/godebug.js';
import { parseGlibcVersion } from './input-checks.js';
import { isDottedVersion } from './version.js';
import { MUSL_LINKS, type MuslLink } from './toolchain/musl.js';
import type { MuslRequest } from './toolchain/toolchain-plan.js';

/** Every default a user can lean on, by the action's input name: the CLI's flags take the same. */
export const DEFAULTS = {
  glibc: '2.31',
  libc: 'glibc',
  link: 'static',
  compiler: 'gcc',
  'working-directory': '.',
  lockfile: '.github/cgo-abi-guard.lock.yml',
  'frozen-lockfile': 'false',
  'fail-on': 'error',
  cache: 'true',
  'host-mirrors': 'true',
  'export-env': 'true',
} as const;

/**
 * Raw inputs by the action's input names. A string is one value as written (a list input of the
 * action is split at commas and newlines); an array the values of a repeated flag, each whole;
 * absent or blank: not given.
 */
export type RawInputs = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * One problem with one input. `detail` starts with the value when it quotes it (`"2.3x" is not a
 * version like 2.31`); `joined`: it reads on from the input's name (`holds a line break …`).
 */
export interface InputProblem {
  input: string;
  detail: string;
  joined?: boolean;
}

/** The toolchain a front end asks for, per target. */
export interface ToolchainRequest {
  target: Target;
  glibc: string;
  compiler: CompilerChoice;
  /** The target's -dev packages for the sysroot (`libpcap-dev`), sorted; none: empty. */
  packages: readonly string[];
  /** The release to take the toolchain from (capped at the floor when newer); null: the default. */
  release: string | null;
  /** A musl toolchain instead (libc musl): its floor and link; null: glibc's. */
  musl: MuslRequest | null;
}

/** How installs are made: the lockfile and the package mirrors. */
export interface InstallRequest {
  lockfile: string;
  /** Fail instead of resolving when the lockfile has no entry. */
  frozenLockfile: boolean;
  /** Package mirrors to try before the host's own. */
  mirrors: string[];
  /** False: only `mirrors`, never the host's own apt sources. */
  hostMirrors: boolean;
}

/** A list input: comma or newline separated, blanks dropped. */
export function listInput(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Raw inputs with the defaults of `names` filled in where they were not given. */
export function withDefaults(raw: RawInputs, names: readonly (keyof typeof DEFAULTS)[]): RawInputs {
  const filled: Record<string, string | readonly string[] | undefined> = { ...raw };
  for (const name of names) if (given(raw[name]) === null) filled[name] = DEFAULTS[name];
  return filled;
}

function given(value: string | readonly string[] | undefined): string | readonly string[] | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value.length === 0 ? null : value;
}

/** The parser of every input both front ends take; each method notes its problems. */
export class RequestReader {
  readonly problems: InputProblem[] = [];

  constructor(private readonly raw: RawInputs) {}

  problem(input: string, detail: string, joined = false): void {
    this.problems.push({ input, detail, ...(joined ? { joined } : {}) });
  }

  /** One value, trimmed; null when not given. */
  text(name: string): string | null {
    const value = given(this.raw[name]);
    if (value === null) return null;
    return (typeof value === 'string' ? value : (value.at(-1) ?? '')).trim();
  }

  /** A list: a string split at commas and newlines, a repeated flag's values as they are. */
  list(name: string): string[] {
    const value = given(this.raw[name]);
    if (value === null) return [];
    return typeof value === 'string' ? listInput(value) : value.map((v) => v.trim());
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const value = this.text(name);
    if (value === null) return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem(name, `"${value}" is not one of ${allowed.join(', ')}`);
    return null;
  }

  bool(name: string): boolean | null {
    const value = this.text(name);
    if (value === null) return null;
    if (value.toLowerCase() === 'true') return true;
    if (value.toLowerCase() === 'false') return false;
    this.problem(name, `"${value}" is not true or false`);
    return null;
  }

  /** `target`: each with its name as written. */
  targets(): { target: Target; name: string }[] {
    const read: { target: Target; name: string }[] = [];
    for (const name of this.list('target')) {
      const t = parseTarget(name);
      if ('error' in t) this.problem('target', t.error);
      else read.push({ target: t, name });
    }
    return read;
  }

  /** A target listed twice (`linux/amd64` and `linux/amd64/v1` are one) is refused. */
  onceEach(targets: readonly Target[]): void {
    const seen = new Set<string>();
    for (const t of targets) {
      const key = `${t.goarch}/${t.variant ?? ''}`;
      if (seen.has(key)) this.problem('target', `linux/${key.replace(/\/$/, '')} is listed twice`);
      seen.add(key);
    }
  }

  /** `glibc`, in its normal form (2.31.0 is 2.31; an unquoted YAML 2.30 is refused: quote it). */
  glibc(): string | null {
    const value = this.text('glibc');
    if (value === null) return null;
    const floor = parseGlibcVersion(value);
    if ('version' in floor) return floor.version;
    this.problem('glibc', floor.error);
    return null;
  }

  libc(): Libc | null {
    return this.oneOf('libc', LIBCS);
  }

  /**
   * `musl` and `link` for libc `libc`: the request of a musl toolchain, or null (and a problem
   * for each of them given with another libc: nothing to act on).
   */
  musl(libc: Libc | null): MuslRequest | null {
    const version = this.text('musl');
    if (version !== null && !isDottedVersion(version))
      this.problem('musl', `"${version}" is not a version like 1.2.3 (quote it in YAML)`);
    const link = this.oneOf('link', MUSL_LINKS) ?? DEFAULTS.link;
    if (libc !== 'musl') {
      if (version !== null) this.problem('musl', `is a musl floor, but libc is ${libc ?? 'glibc'}`);
      if (given(this.raw.link) !== null && link !== DEFAULTS.link)
        this.problem('link', `${link} is for libc musl, but libc is ${libc ?? 'glibc'}`);
      return null;
    }
    return { version, link: link satisfies MuslLink };
  }

  compiler(): CompilerChoice | null {
    const value = this.text('compiler');
    if (value === null) return null;
    const compiler = parseCompilerChoice(value);
    if ('compiler' in compiler) return compiler;
    this.problem('compiler', compiler.error);
    return null;
  }

  /** `packages`: sorted names; null when one is refused. */
  packages(): string[] | null {
    const value = given(this.raw.packages);
    const packages = parsePackageList(value === null ? [] : [value].flat());
    if ('names' in packages) return packages.names;
    this.problem('packages', packages.error);
    return null;
  }

  release(): string | null {
    const release = this.text('release');
    const bad = release === null ? null : checkReleaseName(release);
    if (bad !== null) this.problem('release', bad);
    return release;
  }

  mirrors(): string[] {
    const mirrors = this.list('mirror');
    for (const m of mirrors) {
      const bad = checkMirrorUri(m);
      if (bad !== null) this.problem('mirror', bad);
    }
    return mirrors;
  }

  /** The lockfile and mirrors; the defaults where not given. */
  install(): InstallRequest {
    return {
      lockfile: this.text('lockfile') ?? DEFAULTS.lockfile,
      frozenLockfile: this.bool('frozen-lockfile') ?? false,
      mirrors: this.mirrors(),
      hostMirrors: this.bool('host-mirrors') ?? true,
    };
  }

  /** `godebug`: one line of k=v pairs (checked against the Go toolchain later: steps/godebug.ts). */
  godebug(): string | null {
    const value = this.text('godebug');
    // Untrimmed: a line break before the value is one too.
    if (value !== null && hasControlCharacter([this.raw.godebug ?? ''].flat().join('')))
      this.problem(
        'godebug',
        'holds a line break or control character: write one line of k=v pairs',
        true,
      );
    return value;
  }

  /** `smoke`: off (not given, `false`), no arguments (`true`, given empty), or the arguments. */
  smoke(): string | null {
    const value = this.raw.smoke;
    if (value === undefined) return null;
    const text = (typeof value === 'string' ? value : (value.at(-1) ?? '')).trim();
    if (text === 'false') return null;
    return text === 'true' ? '' : text;
  }

  kernel(): string | null {
    const value = this.text('kernel');
    if (value !== null && !isDottedVersion(value))
      this.problem('kernel', `"${value}" is not a version like 2.31`);
    return value;
  }

  /** `format`: one of `formats`, the first when not given. */
  format<T extends string>(formats: readonly [T, ...T[]]): T {
    return this.oneOf('format', formats) ?? formats[0];
  }
}
