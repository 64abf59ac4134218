/** `env`: install the pinned toolchain for a target and floor, print the cgo environment. */
import { resolveGo, resolveHost } from '../adapters/runner.js';
import { renderGithubEnv, renderShell } from '../domain/go/cgo-env.js';
import { capOf } from '../domain/toolchain/kinds.js';
import { sysrootOf } from '../steps/kinds/registry.js';
import { checkGodebug, GODEBUG_TITLE } from '../steps/godebug.js';
import { prepareToolchain } from '../steps/prepare-toolchain.js';
import { installSetting } from '../steps/setting.js';
import type { Io } from './io.js';
import { cliReport } from './report.js';
import { ENV_USAGE, parseEnvArgs } from './env-args.js';
import { argsOrExit } from './flags.js';

export async function envCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = argsOrExit('env', parseEnvArgs(argv), ENV_USAGE, io);
  if (typeof args === 'number') return args;
  const fail = (message: string): number => {
    io.err(`cgo-abi-guard env: ${message}\n`);
    return 2;
  };
  const report = cliReport(io, 'env');
  // Checked before anything is installed, as the action does.
  if (args.godebug !== null) {
    const go = await resolveGo({ cwd: process.cwd(), env: process.env });
    if ('missing' in go)
      return fail(`--godebug needs the Go toolchain to check keys against: ${go.missing}`);
    const check = await checkGodebug(args.godebug, go.goroot);
    for (const w of check.warnings) report.warning(w, GODEBUG_TITLE);
    if (check.errors.length > 0) return fail(check.errors.join('; '));
  }
  const runner = await resolveHost();
  const setting = installSetting({
    frontEnd: 'cli',
    runner,
    request: args,
    report,
    actionsCache: null,
  });
  const { plan, installed, env } = await prepareToolchain(setting, args);
  if (args.godebug !== null) env.GODEBUG = args.godebug;
  if (args.format === 'json') {
    const toolchain = {
      key: plan.lockKey,
      release: installed.entry.release,
      mode: plan.mode,
      cap: capOf(plan),
      dir: installed.dir,
      sysroot: sysrootOf(plan, installed.dir),
      cacheHit: installed.cacheHit,
      lockfile: args.lockfile,
      lockWritten: installed.wroteLockfile,
    };
    io.out(`${JSON.stringify({ env, toolchain }, null, 2)}\n`);
  } else io.out(args.format === 'github' ? renderGithubEnv(env) : renderShell(env));
  return 0;
}
