import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  ToolMissingError,
  checkReadelf,
  groupByTarget,
  loadPolicy,
  loadRuntime,
  renderJson,
  renderMarkdown,
  renderText,
  runReport,
  verifyPaths
} from "./chunks/chunk-D3ENLZPB.js";
import {
  writeAttestation
} from "./chunks/chunk-VRSVJNRY.js";
import {
  DEFAULTS,
  RequestReader
} from "./chunks/chunk-SKAVAK5H.js";
import {
  exitCodeOf
} from "./chunks/chunk-HQ3P3VA7.js";
import "./chunks/chunk-VAHUUROM.js";
import {
  argsOrExit,
  flagError,
  readFlags
} from "./chunks/chunk-FEJW4JYR.js";
import {
  smokeFailed,
  smokeMessage
} from "./chunks/chunk-37HHF5IE.js";
import {
  cliReport
} from "./chunks/chunk-PUODYTM3.js";
import {
  formatTarget,
  targetList
} from "./chunks/chunk-Y5IEVJEU.js";
import "./chunks/chunk-QK2C5E6M.js";
import "./chunks/chunk-7WEMPANV.js";
import "./chunks/chunk-YTYQUFQD.js";
import "./chunks/chunk-HI2NNNE4.js";
import "./chunks/chunk-TOITHGCZ.js";
import "./chunks/chunk-CN2QLQDV.js";

// src/cli/verify-args.ts
var FORMATS = ["text", "json", "markdown"];
var VERIFY_USAGE = `usage: cgo-abi-guard verify [options] <file|dir|glob>...

Judges Linux ELF binaries against a target ABI, dynamic linker and glibc floor.

  --target linux/<goarch>[/<variant>]  ${targetList()}
                                      (default: each file's own architecture; arch rule off)
  --libc glibc|musl|none              C library the binaries link against (default glibc; none = static)
  --musl X.Y.Z                        libc musl: the musl a dynamic binary must run on (1.2.2, 1.2.3,
                                      1.2.5): each symbol it needs must be exported by that libc.so
  --link static|dynamic               libc musl: a dynamic binary fails where static was asked
  --glibc X.Y                         highest GLIBC_ version a binary may need (default: no ceiling)
  --kernel X.Y[.Z]                    oldest kernel the binaries must start on (NT_GNU_ABI_TAG)
  --policy FILE                       YAML policy (glibc, kernel, libc, versions, allow-needed, allow-rpath, severity,
                                      hardening)
  --format text|json|markdown         report format (default text)
  --readelf PATH                      readelf to run (default: readelf on PATH)
  --smoke=ARGS                        also start each executable with ARGS (may be empty) against the
                                      glibc of the floor's sysroot: its loader for the host's own
                                      arch, qemu-user -L for another (needs --target); exit 0 passes
  --sysroot DIR                       the floor's sysroot (default: $PKG_CONFIG_SYSROOT_DIR, as \`env\`
                                      exports it): --smoke runs against it, and the libraries of its
                                      target packages (env --package) are expected and named
  --lock FILE                         lockfile pinning qemu-user-static for --smoke (default
                                      ${DEFAULTS.lockfile})
  --mirror URI                        package mirror for qemu (default: the host's apt configuration)
  --checksums FILE                    write a sha256sum file of the binaries that passed (names
                                      relative to the current directory), for actions/attest
  --predicate FILE                    write the verification predicate (docs/attest.md) for actions/attest
  --sbom FILE                         write the CycloneDX 1.6 SBOM of the C inside (docs/sbom.md): the
                                      packages of the --sysroot's install, pinned in --lock, that each
                                      binary loads or linked statically

Exit status: 0 all pass (warnings allowed), 1 a violation, 2 usage error or a file that cannot be judged.
`;
function parseVerifyArgs(argv) {
  const flags = readFlags(
    argv,
    {
      target: { type: "string" },
      libc: { type: "string" },
      glibc: { type: "string" },
      musl: { type: "string" },
      link: { type: "string" },
      kernel: { type: "string" },
      policy: { type: "string" },
      format: { type: "string" },
      readelf: { type: "string" },
      smoke: { type: "string" },
      sysroot: { type: "string" },
      lock: { type: "string" },
      mirror: { type: "string" },
      checksums: { type: "string" },
      predicate: { type: "string" },
      sbom: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    true
  );
  if ("errors" in flags) return flags;
  const r = new RequestReader(flags.raw);
  const [target] = r.targets();
  const libc = r.libc();
  const glibc = r.glibc();
  const musl = r.musl(libc);
  const kernel = r.kernel();
  const format = r.format(FORMATS);
  const help = r.bool("help") === true;
  const smoke = r.smoke();
  if (smoke !== null && target === void 0 && !help)
    r.problem("smoke", "needs --target: the sysroot belongs to one target", true);
  const mirrors = r.mirrors();
  for (const name of ["checksums", "predicate", "sbom"])
    if (r.text(name) === "") r.problem(name, "needs a file name");
  if (r.text("checksums") !== null && r.text("checksums") === r.text("predicate"))
    r.problem("predicate", "must not be the --checksums file");
  const sbom = r.text("sbom");
  if (sbom !== null && sbom !== "" && [r.text("checksums"), r.text("predicate")].includes(sbom))
    r.problem("sbom", "must not be the --checksums or --predicate file");
  const errors = r.problems.map(flagError);
  if (!help && flags.positionals.length === 0)
    errors.push("no files given: name at least one file, directory or glob");
  if (errors.length > 0) return { errors };
  return {
    args: {
      paths: flags.positionals,
      target: target?.target ?? null,
      libc,
      glibc,
      musl: musl?.version ?? null,
      link: musl === null || flags.raw.link === void 0 ? null : musl.link,
      kernel,
      policyFile: r.text("policy"),
      format,
      readelf: r.text("readelf") ?? "readelf",
      smoke,
      sysroot: r.text("sysroot"),
      lockfile: r.text("lockfile") ?? DEFAULTS.lockfile,
      mirrors,
      checksums: r.text("checksums"),
      predicate: r.text("predicate"),
      sbom,
      help
    }
  };
}

// src/cli/run.ts
var USAGE = `usage: cgo-abi-guard <command> [options]

commands:
  verify   judge ELF binaries against a target ABI and glibc floor (see: verify --help)
  env      install a pinned cross toolchain at a glibc floor and print the cgo environment
  doctor   what this machine is: kernel, C library, distribution, architecture, Go toolchain
  diff     the ABI changes between two JSON reports (a base build's and a head build's)
  merge    the JSON reports of a matrix's legs as one table
`;
async function runCli(argv, io) {
  const [command, ...rest] = argv;
  try {
    if (command === "verify") return await verifyCommand(rest, io);
    if (command === "env") return await (await import("./chunks/env-KSDZG6QC.js")).envCommand(rest, io);
    if (command === "doctor") return await (await import("./chunks/doctor-VM2HAISF.js")).doctorCommand(rest, io);
    if (command === "diff") return await (await import("./chunks/diff-SAR5ARJM.js")).diffCommand(rest, io);
    if (command === "merge") return await (await import("./chunks/merge-DOTHUQBH.js")).mergeCommand(rest, io);
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === void 0 ? 2 : 0;
    }
    io.err(`cgo-abi-guard: unknown command "${command}"
${USAGE}`);
    return 2;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`cgo-abi-guard ${command ?? ""}: ${message}
`);
    return 2;
  }
}
async function verifyCommand(argv, io) {
  const args = argsOrExit("verify", parseVerifyArgs(argv), VERIFY_USAGE, io);
  if (typeof args === "number") return args;
  const policy = await buildPolicy(args, io);
  if (policy === null) return 2;
  try {
    await checkReadelf(args.readelf);
  } catch (error) {
    if (error instanceof ToolMissingError) {
      io.err(`cgo-abi-guard verify: ${error.message}
`);
      return 2;
    }
    throw error;
  }
  const given = args.sysroot ?? process.env.PKG_CONFIG_SYSROOT_DIR ?? "";
  const sysroot = given === "" ? null : given;
  const runtimeFor = sysroot === null ? null : await loadRuntime(sysroot);
  const verified = await verifyPaths(args.paths, {
    policy,
    readelf: args.readelf,
    ...runtimeFor === null ? {} : { runtimeFor }
  });
  const smoke = args.smoke === null || args.target === null ? null : await (await import("./chunks/smoke-K32CDKIX.js")).cliSmoke(
    { ...args, smoke: args.smoke, target: args.target, libc: policy.libc, sysroot },
    verified.binaries,
    io
  );
  const target = args.target === null ? null : formatTarget(args.target);
  const report = runReport({
    frontEnd: "cli",
    runner: null,
    policy,
    failOn: "error",
    targets: groupByTarget(verified.binaries, target).map((g) => ({
      ...g,
      problem: null,
      toolchain: null,
      build: null,
      smoke: smoke === null ? { asked: false } : { results: smoke }
    }))
  });
  const render = args.format === "json" ? renderJson : args.format === "markdown" ? renderMarkdown : renderText;
  io.out(render(report));
  if (args.checksums !== null || args.predicate !== null)
    await writeAttestation(report, {
      checksums: args.checksums,
      predicate: args.predicate,
      workdir: process.cwd(),
      musl: policy.libc === "musl" ? { floor: args.musl, link: args.link } : null,
      say: cliReport(io, "verify")
    });
  if (args.sbom !== null && !await (await import("./chunks/sbom-EXFE7YYY.js")).cliSbom(report, args.sbom, sysroot, args.lockfile, io))
    return 2;
  for (const b of verified.binaries)
    if (b.verdict === "error") io.err(`cgo-abi-guard verify: ${b.path}: ${b.error ?? ""}
`);
  for (const r of smoke ?? []) {
    const level = r.passed ? "" : smokeFailed(r) ? "error: " : "warning: ";
    io.err(`cgo-abi-guard verify: smoke: ${level}${smokeMessage(r)}
`);
  }
  return exitCodeOf(report.verdict);
}
async function buildPolicy(args, io) {
  const loaded = await loadPolicy(args.policyFile, { ...args, smoke: args.smoke !== null });
  if ("policy" in loaded) return loaded.policy;
  for (const e of loaded.errors.length > 0 ? loaded.errors : [loaded.failure])
    io.err(`cgo-abi-guard verify: ${e}
`);
  return null;
}

// src/cli.ts
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(2);
  });
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
});
