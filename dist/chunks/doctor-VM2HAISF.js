import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  renderRunnerJson,
  renderRunnerText,
  resolveRunner
} from "./chunk-4P7HQVGJ.js";
import "./chunk-YTYQUFQD.js";
import "./chunk-CN2QLQDV.js";

// src/cli/doctor.ts
var DOCTOR_USAGE = `usage: cgo-abi-guard doctor [--format text|json]

Reports the runner: kernel, C library (glibc or musl) and version, distro, host architecture
(GOARCH and Debian arch), and the Go toolchain (go env: GOVERSION, GOOS/GOARCH, CGO_ENABLED, CC,
GOROOT, GOTOOLCHAIN) with whether go.mod or GOTOOLCHAIN would switch to another toolchain.

  --format text|json   default text
  -h, --help           this help
`;
function parseDoctorArgs(argv) {
  let format = "text";
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    let value;
    if (arg === "--format") value = argv[++i];
    else if (arg.startsWith("--format=")) value = arg.slice("--format=".length);
    else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else return { error: `unexpected argument "${arg}": doctor takes no paths` };
    if (value === void 0) return { error: "--format needs a value: text or json" };
    if (value !== "text" && value !== "json")
      return { error: `--format must be text or json, not "${value}"` };
    format = value;
  }
  return { format, help };
}
async function doctorCommand(argv, io, options = {}) {
  const args = parseDoctorArgs(argv);
  if ("error" in args) {
    io.err(`cgo-abi-guard doctor: ${args.error}
${DOCTOR_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  const facts = await resolveRunner({
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    ...options.fallbackGo === void 0 ? {} : { fallbackGo: options.fallbackGo }
  });
  io.out(args.format === "json" ? renderRunnerJson(facts) : renderRunnerText(facts));
  if (args.format === "json" && "missing" in facts.go)
    io.err(`cgo-abi-guard doctor: ${facts.go.missing}
`);
  return 0;
}
export {
  DOCTOR_USAGE,
  doctorCommand,
  parseDoctorArgs
};
