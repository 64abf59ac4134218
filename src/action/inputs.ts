/** The only reader of action inputs: raw strings → typed inputs, every problem listed at once. */
import { LIBCS, parseTarget, type Libc, type Target } from '../domain/platform.js';
import { parseCompilerChoice, type CompilerChoice } from '../domain/toolchain/compiler.js';
import { checkMirrorUri } from '../domain/toolchain/mirrors.js';
import { parsePackageList } from '../domain/toolchain/target-packages.js';
import { checkReleaseName } from '../domain/toolchain/capping.js';
import { parseGlibcVersion, toolchainInputError } from '../domain/input-checks.js';

export type FailOn = 'error' | 'warning' | 'never';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export interface ActionInputs {
  /** Empty: the runner's own platform. */
  targets: Target[];
  /** Each target as the user wrote it, for the keys of the cc and sysroot outputs. */
  targetNames: string[];
  glibc: string;
  libc: Libc;
  compiler: CompilerChoice;
  /** The target's -dev packages for the sysroot (`libpcap-dev`), sorted; none: empty. */
  packages: string[];
  /** The release to take the toolchain from (capped at the floor when newer); null: the default. */
  release: string | null;
  /** Package mirrors to try before the host's own. */
  mirrors: string[];
  /** False: only `mirrors`, never the runner's own apt sources. */
  hostMirrors: boolean;
  run: string | null;
  workingDirectory: string;
  /** Globs of binaries to verify; empty: every ELF file `run` created or changed. */
  artifacts: string[];
  policy: string | null;
  lockfile: string;
  frozenLockfile: boolean;
  failOn: FailOn;
  cache: boolean;
  godebug: string | null;
  exportEnv: boolean;
  /** Arguments of the smoke run (`true`: none); null: no smoke run. */
  smoke: string | null;
}

export const DEFAULTS = {
  glibc: '2.31',
  libc: 'glibc',
  compiler: 'gcc',
  'working-directory': '.',
  lockfile: '.github/cgo-abi-guard.lock.yml',
  'frozen-lockfile': 'false',
  'fail-on': 'error',
  cache: 'true',
  'host-mirrors': 'true',
  'export-env': 'true',
} as const;

/** A list input: comma or newline separated, blanks dropped. */
export function listInput(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function readInputs(get: (name: string) => string): ActionInputs | { errors: string[] } {
  const errors: string[] = [];
  const input = (name: string): string => {
    const value = get(name).trim();
    return value !== '' ? value : ((DEFAULTS as Record<string, string>)[name] ?? '');
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = input(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors.push(`input "${name}": "${value}" is not one of ${allowed.join(', ')}`);
    return allowed[0] as T;
  };
  const bool = (name: string): boolean => {
    const value = input(name).toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    errors.push(`input "${name}": "${input(name)}" is not true or false`);
    return false;
  };

  const targets: Target[] = [];
  const targetNames: string[] = [];
  for (const text of listInput(get('target'))) {
    const t = parseTarget(text);
    if ('error' in t) errors.push(`input "target": ${t.error}`);
    else {
      targets.push(t);
      targetNames.push(text);
    }
  }
  const floor = parseGlibcVersion(input('glibc'));
  if ('error' in floor) errors.push(`input "glibc": ${floor.error}`);
  const glibc = 'error' in floor ? input('glibc') : floor.version;
  const compiler = parseCompilerChoice(input('compiler'));
  if ('error' in compiler) errors.push(`input "compiler": ${compiler.error}`);
  const packages = parsePackageList([get('packages')]);
  if ('error' in packages) errors.push(`input "packages": ${packages.error}`);
  const release = get('release').trim() === '' ? null : get('release').trim();
  const badRelease = release === null ? null : checkReleaseName(release);
  if (badRelease !== null) errors.push(`input "release": ${badRelease}`);
  const mirrors = listInput(get('mirror'));
  for (const m of mirrors) {
    const bad = checkMirrorUri(m);
    if (bad !== null) errors.push(`input "mirror": ${bad}`);
  }
  const inputs: ActionInputs = {
    targets,
    targetNames,
    glibc,
    libc: oneOf('libc', LIBCS),
    compiler: 'error' in compiler ? { compiler: 'gcc', clangMajor: null } : compiler,
    packages: 'error' in packages ? [] : packages.names,
    release,
    mirrors,
    hostMirrors: bool('host-mirrors'),
    run: get('run').trim() === '' ? null : get('run'),
    workingDirectory: input('working-directory'),
    artifacts: listInput(get('artifacts')),
    policy: get('policy').trim() === '' ? null : get('policy').trim(),
    lockfile: input('lockfile'),
    frozenLockfile: bool('frozen-lockfile'),
    failOn: oneOf('fail-on', FAIL_ON),
    cache: bool('cache'),
    godebug: get('godebug').trim() === '' ? null : get('godebug').trim(),
    exportEnv: bool('export-env'),
    smoke: smokeInput(get('smoke')),
  };
  // musl and static builds bring their own compiler: no toolchain for these to go into.
  if (inputs.libc !== 'glibc')
    for (const name of ['packages', 'release'] as const)
      if (get(name).trim() !== '') errors.push(toolchainInputError(name, inputs.libc));
  const seen = new Set<string>();
  for (const t of targets) {
    const key = `${t.goarch}/${t.variant ?? ''}`;
    if (seen.has(key))
      errors.push(`input "target": linux/${key.replace(/\/$/, '')} is listed twice`);
    seen.add(key);
  }
  return errors.length > 0 ? { errors } : inputs;
}

/** `smoke`: empty or `false` is off, `true` runs without arguments, anything else is the arguments. */
function smokeInput(text: string): string | null {
  const value = text.trim();
  if (value === '' || value === 'false') return null;
  return value === 'true' ? '' : value;
}
