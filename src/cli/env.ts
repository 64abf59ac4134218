/** `env`: install the pinned toolchain for a target and floor, print the cgo environment. */
import { resolveRunner } from '../adapters/runner.js';
import { stateRoot, toolCacheArch, toolCacheRoot } from '../adapters/tool-cache.js';
import { hostMirrors } from '../adapters/host-tools.js';
import { godebugCheck } from '../adapters/godebug.js';
import { cgoEnv, renderGithubEnv, renderShell, sysrootDir } from '../domain/go/cgo-env.js';
import { hostInfoOf } from '../domain/runner/host.js';
import { planToolchain } from '../domain/toolchain/toolchain-plan.js';
import { describeClang } from '../domain/toolchain/clang.js';
import { hostCompilerFor } from '../steps/host-compiler.js';
import { formatTarget } from '../domain/platform.js';
import { npmNotice } from '../domain/toolchain/npm-toolchains.js';
import { installToolchain } from '../steps/install.js';
import type { Io } from './io.js';
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
  const runner = await resolveRunner({ cwd: process.cwd(), env: process.env });
  const host = hostInfoOf(runner);
  if ('error' in host) return fail(host.error);
  const plan = planToolchain(host, args.target, args.glibc, args.compiler.compiler);
  if ('error' in plan) return fail(plan.error);
  if (plan.npm !== null)
    io.err(
      `cgo-abi-guard env: note: ${npmNotice(args.glibc, formatTarget(args.target), plan.npm)}\n`,
    );
  const { clang, caveat } = await hostCompilerFor(plan, args.compiler);
  if (clang !== null) io.err(`cgo-abi-guard env: using ${describeClang(clang)}\n`);
  if (caveat !== null) io.err(`cgo-abi-guard env: warning: ${caveat}\n`);
  const installed = await installToolchain({
    plan,
    lockPath: args.lock,
    frozen: args.frozen,
    mirrors: () =>
      hostMirrors({
        extra: args.mirrors,
        useHost: args.hostMirrors,
        hostCodename: runner.distro.codename,
        codename: plan.release.codename,
        arch: plan.host.debianArch,
      }),
    clang,
    toolCacheRoot: toolCacheRoot(process.env),
    stateRoot: stateRoot(process.env),
    cacheArch: toolCacheArch(),
    log: (line) => {
      io.err(`cgo-abi-guard env: ${line}\n`);
    },
  });
  const env = cgoEnv(plan, installed.dir);
  if (args.godebug !== null) {
    if ('missing' in runner.go)
      return fail(`--godebug needs the Go toolchain to check keys against: ${runner.go.missing}`);
    const check = await godebugCheck(args.godebug, runner.go.goroot);
    if (check.skipped !== null) io.err(`cgo-abi-guard env: warning: ${check.skipped}\n`);
    for (const w of check.warnings) io.err(`cgo-abi-guard env: warning: ${w}\n`);
    if (check.errors.length > 0) return fail(check.errors.join('; '));
    env.GODEBUG = args.godebug;
  }
  if (args.format === 'json') {
    const toolchain = {
      key: plan.key,
      release: installed.entry.release,
      mode: plan.mode,
      dir: installed.dir,
      sysroot: sysrootDir(plan, installed.dir),
      cacheHit: installed.cacheHit,
      lockfile: args.lock,
      lockWritten: installed.lockWritten !== null,
    };
    io.out(`${JSON.stringify({ env, toolchain }, null, 2)}\n`);
  } else io.out(args.format === 'github' ? renderGithubEnv(env) : renderShell(env));
  return 0;
}
