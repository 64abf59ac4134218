/** `env`: install the pinned toolchain for a target and floor, print the cgo environment. */
import { resolveGo, resolveHost } from '../adapters/runner.js';
import { toolCacheOf } from '../adapters/tool-cache.js';
import { godebugCheck } from '../adapters/godebug.js';
import { renderGithubEnv, renderShell } from '../domain/go/cgo-env.js';
import { capOf } from '../domain/toolchain/kinds.js';
import { sysrootOf } from '../steps/kinds/registry.js';
import { prepareToolchain } from '../steps/prepare-toolchain.js';
import type { Io } from './io.js';
import { cliReport } from './report.js';
import { ENV_USAGE, parseEnvArgs } from './env-args.js';

export async function envCommand(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseEnvArgs(argv);
  if ('errors' in parsed) {
    for (const e of parsed.errors) io.err(`cgo-abi-guard env: ${e}\n`);
    io.err(ENV_USAGE);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    io.out(ENV_USAGE);
    return 0;
  }
  const fail = (message: string): number => {
    io.err(`cgo-abi-guard env: ${message}\n`);
    return 2;
  };
  const runner = await resolveHost();
  const report = cliReport(io, 'env');
  const { plan, installed, env } = await prepareToolchain({
    runner,
    target: args.target,
    glibc: args.glibc,
    compiler: args.compiler,
    packages: args.packages,
    release: args.release,
    lockPath: args.lock,
    frozen: args.frozen,
    mirrors: { extra: args.mirrors, useHost: args.hostMirrors },
    toolCache: toolCacheOf(process.env),
    actionsCache: null,
    report,
  });
  if (args.godebug !== null) {
    const go = await resolveGo({ cwd: process.cwd(), env: process.env });
    if ('missing' in go)
      return fail(`--godebug needs the Go toolchain to check keys against: ${go.missing}`);
    const check = await godebugCheck(args.godebug, go.goroot);
    for (const w of [check.skipped ?? [], check.warnings].flat())
      report.warning(w, 'cgo-abi-guard godebug');
    if (check.errors.length > 0) return fail(check.errors.join('; '));
    env.GODEBUG = args.godebug;
  }
  if (args.format === 'json') {
    const toolchain = {
      key: plan.lockKey,
      release: installed.entry.release,
      mode: plan.mode,
      cap: capOf(plan),
      dir: installed.dir,
      sysroot: sysrootOf(plan, installed.dir),
      cacheHit: installed.cacheHit,
      lockfile: args.lock,
      lockWritten: installed.wroteLockfile,
    };
    io.out(`${JSON.stringify({ env, toolchain }, null, 2)}\n`);
  } else io.out(args.format === 'github' ? renderGithubEnv(env) : renderShell(env));
  return 0;
}
