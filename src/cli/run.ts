/** The CLI: `verify` today; every failure is one line on stderr and an exit status, never a trace. */
import { checkReadelf, ToolMissingError } from '../adapters/readelf.js';
import type { Policy } from '../domain/rules/types.js';
import { loadPolicy } from '../steps/policy.js';
import { exitCodeOf } from '../domain/report/report.js';
import { groupByTarget, runReport } from '../domain/report/build-report.js';
import { renderJson, renderMarkdown, renderText } from '../domain/report/render.js';
import { formatTarget } from '../domain/platform.js';
import { loadRuntime } from '../steps/runtime.js';
import { verifyPaths } from '../steps/verify.js';
import { parseVerifyArgs, VERIFY_USAGE, type VerifyArgs } from './verify-args.js';
import { smokeFailed, smokeMessage } from '../domain/toolchain/smoke.js';
import { argsOrExit } from './flags.js';
import type { Io } from './io.js';
import { writeAttestation } from '../steps/attest.js';
import { cliReport } from './report.js';

export type { Io } from './io.js';

const USAGE = `usage: cgo-abi-guard <command> [options]

commands:
  verify   judge ELF binaries against a target ABI and glibc floor (see: verify --help)
  env      install a pinned cross toolchain at a glibc floor and print the cgo environment
  doctor   what this machine is: kernel, C library, distribution, architecture, Go toolchain
  diff     the ABI changes between two JSON reports (a base build's and a head build's)
  merge    the JSON reports of a matrix's legs as one table
`;

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'verify') return await verifyCommand(rest, io);
    // Each command loads its own part of the bundle (scripts/bundle.mjs splits it): a verify
    // never loads the installers and the cache clients env needs.
    if (command === 'env') return await (await import('./env.js')).envCommand(rest, io);
    if (command === 'doctor') return await (await import('./doctor.js')).doctorCommand(rest, io);
    if (command === 'diff') return await (await import('./diff.js')).diffCommand(rest, io);
    if (command === 'merge') return await (await import('./merge.js')).mergeCommand(rest, io);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    io.err(`cgo-abi-guard: unknown command "${command}"\n${USAGE}`);
    return 2;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`cgo-abi-guard ${command ?? ''}: ${message}\n`);
    return 2;
  }
}

async function verifyCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = argsOrExit('verify', parseVerifyArgs(argv), VERIFY_USAGE, io);
  if (typeof args === 'number') return args;
  const policy = await buildPolicy(args, io);
  if (policy === null) return 2;
  try {
    await checkReadelf(args.readelf);
  } catch (error) {
    if (error instanceof ToolMissingError) {
      io.err(`cgo-abi-guard verify: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // The sysroot `env` exported: its target packages' libraries are expected, and named.
  const given = args.sysroot ?? process.env.PKG_CONFIG_SYSROOT_DIR ?? '';
  const sysroot = given === '' ? null : given;
  const runtimeFor = sysroot === null ? null : await loadRuntime(sysroot);
  const verified = await verifyPaths(args.paths, {
    policy,
    readelf: args.readelf,
    ...(runtimeFor === null ? {} : { runtimeFor }),
  });
  const smoke =
    args.smoke === null || args.target === null
      ? null
      : await (
          await import('./smoke.js')
        ).cliSmoke(
          { ...args, smoke: args.smoke, target: args.target, libc: policy.libc, sysroot },
          verified.binaries,
          io,
        );
  // One target per group of binaries judged against it; --smoke needs --target: one group.
  const target = args.target === null ? null : formatTarget(args.target);
  const report = runReport({
    frontEnd: 'cli',
    runner: null,
    policy,
    failOn: 'error',
    targets: groupByTarget(verified.binaries, target).map((g) => ({
      ...g,
      problem: null,
      toolchain: null,
      build: null,
      smoke: smoke === null ? { asked: false } : { results: smoke },
    })),
  });
  const render =
    args.format === 'json' ? renderJson : args.format === 'markdown' ? renderMarkdown : renderText;
  io.out(render(report));
  if (args.checksums !== null || args.predicate !== null)
    await writeAttestation(report, {
      checksums: args.checksums,
      predicate: args.predicate,
      workdir: process.cwd(),
      musl: policy.libc === 'musl' ? { floor: args.musl, link: args.link } : null,
      say: cliReport(io, 'verify'),
    });
  if (
    args.sbom !== null &&
    !(await (await import('./sbom.js')).cliSbom(report, args.sbom, sysroot, args.lockfile, io))
  )
    return 2;
  for (const b of verified.binaries)
    if (b.verdict === 'error') io.err(`cgo-abi-guard verify: ${b.path}: ${b.error ?? ''}\n`);
  for (const r of smoke ?? []) {
    const level = r.passed ? '' : smokeFailed(r) ? 'error: ' : 'warning: ';
    io.err(`cgo-abi-guard verify: smoke: ${level}${smokeMessage(r)}\n`);
  }
  return exitCodeOf(report.verdict);
}

/** The policy file (if any) with the command-line flags on top. */
async function buildPolicy(args: VerifyArgs, io: Io): Promise<Policy | null> {
  const loaded = await loadPolicy(args.policyFile, { ...args, smoke: args.smoke !== null });
  if ('policy' in loaded) return loaded.policy;
  for (const e of loaded.errors.length > 0 ? loaded.errors : [loaded.failure])
    io.err(`cgo-abi-guard verify: ${e}\n`);
  return null;
}
