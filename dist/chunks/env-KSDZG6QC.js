import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  GODEBUG_TITLE,
  checkGodebug
} from "./chunk-UVB2JPOQ.js";
import {
  DEFAULTS,
  RequestReader,
  withDefaults
} from "./chunk-SKAVAK5H.js";
import {
  argsOrExit,
  flagError,
  readFlags
} from "./chunk-FEJW4JYR.js";
import {
  installSetting,
  prepareToolchain,
  renderGithubEnv,
  renderShell,
  sysrootOf
} from "./chunk-QP7GGYDZ.js";
import "./chunk-L4R6R6IH.js";
import "./chunk-LIFMBI74.js";
import "./chunk-REKM7YZG.js";
import {
  cliReport
} from "./chunk-PUODYTM3.js";
import {
  targetList
} from "./chunk-Y5IEVJEU.js";
import "./chunk-QK2C5E6M.js";
import "./chunk-7WEMPANV.js";
import {
  resolveGo,
  resolveHost
} from "./chunk-4P7HQVGJ.js";
import "./chunk-YTYQUFQD.js";
import "./chunk-HI2NNNE4.js";
import "./chunk-TOITHGCZ.js";
import "./chunk-CN2QLQDV.js";

// src/domain/toolchain/kinds.ts
function capOf(plan) {
  return plan.kind === "capped" ? plan.cap : null;
}

// src/cli/env-args.ts
var FORMATS = ["shell", "json", "github"];
var ENV_USAGE = `usage: cgo-abi-guard env --target linux/<goarch>[/<variant>] --glibc X.Y [options]
       cgo-abi-guard env --target linux/<goarch>[/<variant>] --libc musl [--musl X.Y.Z] [--link static|dynamic] [options]

Installs a pinned cross toolchain for the target at the glibc (or musl) floor into the tool cache
(no root) and prints the cgo environment to build with.

  --target linux/<goarch>[/<variant>]  ${targetList()}
  --glibc X.Y                         the floor: picks the newest release of the host's distribution
                                      family whose glibc is at or below it (Debian 2.31 / 2.36 / 2.41)
                                      and, for a cross gcc, the host's (its gcc must run here);
                                      below the oldest (from 2.17; riscv64 2.27): the oldest release,
                                      its glibc capped at the floor
  --libc glibc|musl                   glibc (default); musl: Debian's musl-dev for the target with the
                                      release's gcc (or clang), static by default (docs/musl.md)
  --musl X.Y.Z                        the musl floor (libc musl): 1.2.2 (bullseye), 1.2.3 (bookworm),
                                      1.2.5 (trixie); default the oldest that has the target
  --link static|dynamic               libc musl: a static binary (default), or one on musl's loader
  --release NAME                      take the toolchain from this release (bookworm, debian/bookworm),
                                      capped at the floor when newer; crosstool-ng: the glibc 2.17
                                      toolchains from npm (amd64, arm64)
  --compiler gcc|clang|clang-N        gcc (default): the release's cross gcc, or the host gcc on the
                                      release's sysroot for the host's own arch; clang: the host's
                                      clang (else its newest clang-N) + lld; clang-N: that version
  --package NAME                      a -dev package of the floor's release for the target (repeatable,
                                      or comma- or space-separated: libpcap-dev, libsqlite3-dev \u2026),
                                      with the libraries it needs, pinned in the lock, in the sysroot
  --lock FILE                         lockfile (default ${DEFAULTS.lockfile}): written when absent,
                                      enforced when present
  --frozen                            fail when the lockfile has no entry for this toolchain
  --format shell|json|github          shell (default) is eval-able; github is for $GITHUB_ENV
  --mirror URI                        a package mirror to try first (repeatable), then the host's
                                      own (its apt sources, mirror+file: lists included)
  --no-host-mirrors                   only the --mirror URIs, never the host's own
  --godebug k=v,...                   GODEBUG to export, checked against the Go toolchain's table
`;
function parseEnvArgs(argv) {
  const flags = readFlags(argv, {
    target: { type: "string" },
    glibc: { type: "string" },
    libc: { type: "string" },
    musl: { type: "string" },
    link: { type: "string" },
    compiler: { type: "string" },
    package: { type: "string", multiple: true },
    release: { type: "string" },
    lock: { type: "string" },
    frozen: { type: "boolean" },
    format: { type: "string" },
    mirror: { type: "string", multiple: true },
    "no-host-mirrors": { type: "boolean" },
    godebug: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if ("errors" in flags) return flags;
  const r = new RequestReader(withDefaults(flags.raw, ["compiler"]));
  const [target] = r.targets();
  if (target === void 0 && flags.raw.target === void 0)
    r.problem("target", "is required (e.g. --target linux/arm64)", true);
  const glibc = r.glibc();
  const libc = r.libc();
  if (libc === "none") r.problem("libc", "none installs no toolchain: there is no env to print");
  const musl = r.musl(libc);
  if (libc !== "musl" && flags.raw.glibc === void 0)
    r.problem("glibc", "is required (the floor, e.g. --glibc 2.31)", true);
  if (libc === "musl" && flags.raw.glibc !== void 0)
    r.problem("glibc", "is a glibc floor, but --libc is musl: the floor is --musl");
  const compiler = r.compiler();
  const packages = r.packages();
  const release = r.release();
  const install = r.install();
  const godebug = r.godebug();
  const format = r.format(FORMATS);
  if (r.bool("help") === true) return { args: { ...placeholder(), help: true } };
  const errors = r.problems.map(flagError);
  if (errors.length > 0 || target === void 0) return { errors };
  if (compiler === null || packages === null) return { errors };
  const floor = glibc ?? "";
  const args = { glibc: floor, compiler, packages, release, musl, ...install, format, godebug };
  return { args: { ...args, target: target.target, help: false } };
}
function placeholder() {
  return {
    target: { goarch: "amd64", variant: "v1" },
    glibc: "",
    compiler: { compiler: "gcc", clangMajor: null },
    packages: [],
    release: null,
    musl: null,
    lockfile: DEFAULTS.lockfile,
    frozenLockfile: false,
    format: "shell",
    mirrors: [],
    hostMirrors: true,
    godebug: null,
    help: false
  };
}

// src/cli/env.ts
async function envCommand(argv, io) {
  const args = argsOrExit("env", parseEnvArgs(argv), ENV_USAGE, io);
  if (typeof args === "number") return args;
  const fail = (message) => {
    io.err(`cgo-abi-guard env: ${message}
`);
    return 2;
  };
  const report = cliReport(io, "env");
  if (args.godebug !== null) {
    const go = await resolveGo({ cwd: process.cwd(), env: process.env });
    if ("missing" in go)
      return fail(`--godebug needs the Go toolchain to check keys against: ${go.missing}`);
    const check = await checkGodebug(args.godebug, go.goroot);
    for (const w of check.warnings) report.warning(w, GODEBUG_TITLE);
    if (check.errors.length > 0) return fail(check.errors.join("; "));
  }
  const runner = await resolveHost();
  const setting = installSetting({
    frontEnd: "cli",
    runner,
    request: args,
    report,
    actionsCache: null
  });
  const { plan, installed, env } = await prepareToolchain(setting, args);
  if (args.godebug !== null) env.GODEBUG = args.godebug;
  if (args.format === "json") {
    const toolchain = {
      key: plan.lockKey,
      release: installed.entry.release,
      mode: plan.mode,
      cap: capOf(plan),
      dir: installed.dir,
      sysroot: sysrootOf(plan, installed.dir),
      cacheHit: installed.cacheHit,
      lockfile: args.lockfile,
      lockWritten: installed.wroteLockfile
    };
    io.out(`${JSON.stringify({ env, toolchain }, null, 2)}
`);
  } else io.out(args.format === "github" ? renderGithubEnv(env) : renderShell(env));
  return 0;
}
export {
  envCommand
};
