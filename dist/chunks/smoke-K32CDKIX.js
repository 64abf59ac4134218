import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  smokeRunner
} from "./chunk-6CSFMQR6.js";
import {
  isRunnable
} from "./chunk-37HHF5IE.js";
import {
  installSetting
} from "./chunk-QP7GGYDZ.js";
import "./chunk-L4R6R6IH.js";
import "./chunk-LIFMBI74.js";
import "./chunk-REKM7YZG.js";
import {
  cliReport
} from "./chunk-PUODYTM3.js";
import "./chunk-Y5IEVJEU.js";
import "./chunk-QK2C5E6M.js";
import "./chunk-7WEMPANV.js";
import {
  resolveHost
} from "./chunk-4P7HQVGJ.js";
import "./chunk-YTYQUFQD.js";
import "./chunk-HI2NNNE4.js";
import "./chunk-TOITHGCZ.js";
import "./chunk-CN2QLQDV.js";

// src/cli/smoke.ts
var SmokeSetupError = class extends Error {
};
async function cliSmoke(args, binaries, io) {
  const dynamic = binaries.some(
    (b) => b.facts !== null && isRunnable(b.facts) && b.facts.interpreter !== null
  );
  if (args.sysroot === null && dynamic && args.libc === "glibc")
    throw new SmokeSetupError(
      "--smoke needs the floor's sysroot: pass --sysroot DIR, or eval the output of `env` first (it exports PKG_CONFIG_SYSROOT_DIR)"
    );
  const request = { ...args, frozenLockfile: false, hostMirrors: true };
  const report = cliReport(io, "verify");
  const runner = await resolveHost();
  const setting = installSetting({ frontEnd: "cli", runner, request, report, actionsCache: null });
  return smokeRunner(setting).run(binaries, {
    target: args.target,
    sysroot: args.sysroot,
    libc: args.libc,
    args: args.smoke
  });
}
export {
  SmokeSetupError,
  cliSmoke
};
