/** The only reader of action inputs: raw strings → typed inputs (domain/request.ts), every problem listed at once. */
import { readBaselineInput, type BaselineInput } from '../domain/drift/baseline-plan.js';
import { DRIFT_MODES, type DriftMode } from '../domain/drift/drift.js';
import type { Libc, Target } from '../domain/platform.js';
import type { CompilerChoice } from '../domain/toolchain/compiler.js';
import { MUSL_PACKAGES, type MuslRequest } from '../domain/toolchain/toolchain-plan.js';
import { toolchainInputError } from '../domain/input-checks.js';
import {
  DEFAULTS,
  RequestReader,
  withDefaults,
  type InputProblem,
  type InstallRequest,
} from '../domain/request.js';

export { DEFAULTS, listInput } from '../domain/request.js';

export type FailOn = 'error' | 'warning' | 'never';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** Every input the action reads (action.yml's). */
const INPUTS = [
  'target',
  'glibc',
  'libc',
  'musl',
  'link',
  'compiler',
  'packages',
  'release',
  'run',
  'working-directory',
  'artifacts',
  'policy',
  'lockfile',
  'frozen-lockfile',
  'fail-on',
  'cache',
  'mirror',
  'host-mirrors',
  'godebug',
  'export-env',
  'smoke',
  'drift',
  'baseline',
  'reports',
  'sbom',
] as const;

/** With `reports`, the step only merges: what it would install, build or verify is refused. */
const MERGE_KEEPS = new Set(['reports', 'working-directory', 'fail-on']);
const DEFAULT_OF: Readonly<Record<string, string>> = { ...DEFAULTS, drift: 'warn', sbom: 'false' };

export interface ActionInputs extends InstallRequest {
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
  /** libc musl: the musl floor and link; null: another libc. */
  musl: MuslRequest | null;
  run: string | null;
  workingDirectory: string;
  /** Globs of binaries to verify; empty: every ELF file `run` created or changed. */
  artifacts: string[];
  policy: string | null;
  failOn: FailOn;
  cache: boolean;
  godebug: string | null;
  exportEnv: boolean;
  /** Arguments of the smoke run (`true`: none); null: no smoke run. */
  smoke: string | null;
  /** What a need raised against the baseline does. */
  drift: DriftMode;
  /** Where the baseline comes from: auto (the event), save, or a report file. */
  baseline: BaselineInput;
  /** Globs of other legs' JSON reports: the step merges them, and does nothing else. */
  reports: string[];
  /** Write the CycloneDX SBOM of the C inside the binaries (docs/sbom.md). */
  sbom: boolean;
}

/** A problem as the action says it: `input "glibc": …`. */
export function inputError(p: InputProblem): string {
  return p.joined === true ? `input "${p.input}" ${p.detail}` : `input "${p.input}": ${p.detail}`;
}

export function readInputs(get: (name: string) => string): ActionInputs | { errors: string[] } {
  // An input left empty is not given: its default, or none.
  const given = Object.fromEntries(
    INPUTS.map((name) => [name, get(name).trim() === '' ? undefined : get(name)]),
  );
  const r = new RequestReader(
    withDefaults(given, Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]),
  );
  const read = r.targets();
  const glibc = r.glibc();
  const compiler = r.compiler();
  const packages = r.packages();
  const release = r.release();
  const libc = r.libc() ?? 'glibc';
  const musl = r.musl(libc);
  const install = r.install();
  const inputs: ActionInputs = {
    targets: read.map((t) => t.target),
    targetNames: read.map((t) => t.name),
    glibc: glibc ?? '',
    libc,
    compiler: compiler ?? { compiler: 'gcc', clangMajor: null },
    packages: packages ?? [],
    release,
    musl,
    ...install,
    run: given.run ?? null,
    workingDirectory: r.text('working-directory') ?? DEFAULTS['working-directory'],
    artifacts: r.list('artifacts'),
    policy: r.text('policy'),
    failOn: r.oneOf('fail-on', FAIL_ON) ?? 'error',
    cache: r.bool('cache') ?? false,
    godebug: r.godebug(),
    exportEnv: r.bool('export-env') ?? false,
    smoke: r.smoke(),
    drift: r.oneOf('drift', DRIFT_MODES) ?? 'warn',
    baseline: readBaselineInput(given.baseline),
    reports: r.list('reports'),
    sbom: r.bool('sbom') ?? false,
  };
  if (inputs.reports.length > 0)
    for (const name of INPUTS)
      if (!MERGE_KEEPS.has(name) && given[name] !== undefined && given[name] !== DEFAULT_OF[name])
        r.problem(
          name,
          "does not go with reports: a step with reports merges other steps' reports, and installs, builds and verifies nothing",
        );
  if (inputs.drift === 'off' && given.baseline !== undefined)
    r.problem('baseline', 'is not used with drift: off (nothing is compared or saved)');
  // Static builds bring their own compiler: no toolchain for these to go into. A musl toolchain
  // is Debian's musl, picked by its floor, with no target packages (built against glibc).
  if (libc === 'none')
    for (const name of ['packages', 'release'] as const)
      if (given[name] !== undefined) r.problem(name, toolchainInputError(name, libc));
  if (libc === 'musl') {
    if (given.packages !== undefined) r.problem('packages', MUSL_PACKAGES);
    if (given.release !== undefined)
      r.problem(
        'release',
        'does not go with libc musl: the musl floor (input musl) picks the release',
      );
    // action.yml's default reaches the action as given: only another floor is a problem.
    if (glibc !== null && glibc !== DEFAULTS.glibc)
      r.problem('glibc', `${glibc} is a glibc floor, but libc is musl: the floor is input musl`);
  }
  r.onceEach(inputs.targets);
  const errors = r.problems.map(inputError);
  return errors.length > 0 ? { errors } : inputs;
}
