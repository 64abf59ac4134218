/** The environment Go really reads for a cgo cross build, and its renderings. */
import type { Target } from '../platform.js';
import type { PlanBase } from '../toolchain/kinds.js';
import { sysrootIn, type ToolchainLayout } from '../toolchain/pkg-config-wrapper.js';

export type EnvMap = Record<string, string>;

/**
 * `dir` is the installed toolchain (`<dir>/bin/cc`, `<dir>/root` the sysroot). Go reads CC, CXX
 * and PKG_CONFIG when building; CC_<goarch> / CXX_<goarch> / PKG_CONFIG_<goarch> are only
 * conveniences for later steps and release tools (go build ignores them). CC, CXX and PKG_CONFIG
 * are in the form Go parses (see goQuoted): a tool cache path with a space or a quote is quoted
 * for Go, never for a shell. `layout`: where the plan's kind keeps the sysroot and its `.pc` files.
 */
export function cgoEnv(plan: PlanBase, dir: string, layout: ToolchainLayout): EnvMap {
  const root = sysrootDir(dir, layout);
  const { goarch } = plan.target;
  const env: EnvMap = { CGO_ENABLED: '1', ...goTargetEnv(plan.target) };
  env.CC = goQuoted(`${dir}/bin/cc`);
  env.CXX = goQuoted(`${dir}/bin/c++`);
  env[`CC_${goarch}`] = env.CC;
  env[`CXX_${goarch}`] = env.CXX;
  // The wrapper confines the host's pkg-config to the sysroot whatever the job's environment;
  // the two variables do the same for a plain `pkg-config` in the build command.
  env.PKG_CONFIG = goQuoted(`${dir}/bin/pkg-config`);
  env[`PKG_CONFIG_${goarch}`] = env.PKG_CONFIG;
  env.PKG_CONFIG_LIBDIR = layout.pkgConfigDirs.map((d) => `${root}/${d}`).join(':');
  env.PKG_CONFIG_SYSROOT_DIR = root;
  return env;
}

/** The target as go build reads it: GOOS, GOARCH and its variant (GOAMD64, GOARM). */
export function goTargetEnv(target: Target): EnvMap {
  const env: EnvMap = { GOOS: 'linux', GOARCH: target.goarch };
  if (target.variant === null) return env;
  if (target.goarch === 'amd64') env.GOAMD64 = target.variant;
  if (target.goarch === 'arm') env.GOARM = target.variant.replace(/^v/, '');
  return env;
}

export class CgoPathError extends Error {
  override name = 'CgoPathError';
}

/**
 * A program path as Go reads CC and CXX (cmd/internal/quoted.Split: fields split at spaces, tabs
 * and line breaks; a field may be in single or double quotes, with no escapes inside): as it is
 * when nothing needs quoting, else in the quotes it does not contain, as quoted.Join writes it.
 * A path with both quotes cannot be written for Go.
 */
export function goQuoted(path: string): string {
  const space = /[ \t\n\r]/.test(path);
  const single = path.includes("'");
  const double = path.includes('"');
  if (!space && !single && !double) return path;
  if (!single) return `'${path}'`;
  if (!double) return `"${path}"`;
  throw new CgoPathError(
    `${path} holds both ' and ", which Go cannot read in CC (it splits CC at spaces and takes quotes without escapes): use a tool cache path without one of them (RUNNER_TOOL_CACHE)`,
  );
}

/** The sysroot inside an installed toolchain (`<dir>/root`): the tree itself, or a directory in it. */
export function sysrootDir(dir: string, layout: ToolchainLayout): string {
  return sysrootIn(`${dir}/root`, layout);
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `eval "$(cgo-abi-guard env …)"`-able. */
export function renderShell(env: EnvMap): string {
  return Object.entries(env)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
    .join('');
}

/** Lines for $GITHUB_ENV: a value with a line break goes in a delimited block, never raw. */
export function renderGithubEnv(env: EnvMap): string {
  return Object.entries(env)
    .map(([k, v]) => {
      if (!/[\r\n]/.test(v)) return `${k}=${v}\n`;
      let delimiter = 'CGO_ABI_GUARD_EOF';
      while (v.includes(delimiter)) delimiter += '_';
      return `${k}<<${delimiter}\n${v}\n${delimiter}\n`;
    })
    .join('');
}
