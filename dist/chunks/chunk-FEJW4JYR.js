import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);

// src/cli/flags.ts
import { parseArgs } from "node:util";
var FLAG_OF = {
  packages: "package",
  lockfile: "lock",
  "frozen-lockfile": "frozen",
  "host-mirrors": "no-host-mirrors"
};
var INPUT_OF = Object.fromEntries(
  Object.entries(FLAG_OF).map(([input, flag]) => [flag, input])
);
function flagError(p) {
  const flag = `--${FLAG_OF[p.input] ?? p.input}`;
  if (p.joined === true || p.detail.startsWith('"')) return `${flag} ${p.detail}`;
  if (p.input === "target") return p.detail;
  return `${flag}: ${p.detail}`;
}
function readFlags(argv, options, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals, strict: true, options });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const raw = {};
  for (const [flag, value] of Object.entries(parsed.values)) {
    const input = INPUT_OF[flag] ?? flag;
    if (value === void 0 || value === false) continue;
    if (value === true) raw[input] = flag.startsWith("no-") ? "false" : "true";
    else if (typeof value === "string") raw[input] = [value];
    else raw[input] = value.filter((v) => typeof v === "string");
  }
  return { raw, positionals: parsed.positionals };
}
function argsOrExit(command, parsed, usage, io) {
  if ("errors" in parsed) {
    for (const e of parsed.errors) io.err(`cgo-abi-guard ${command}: ${e}
`);
    io.err(usage);
    return 2;
  }
  if (!parsed.args.help) return parsed.args;
  io.out(usage);
  return 0;
}
var REPORT_FORMATS = ["text", "json", "markdown"];
function reportCommandArgs(argv, booleans) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(booleans.map((b) => [b, { type: "boolean" }]))
      }
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const values = parsed.values;
  const format = values.format ?? "text";
  if (typeof format !== "string" || !REPORT_FORMATS.includes(format))
    return { errors: [`--format "${String(format)}" is not one of ${REPORT_FORMATS.join(", ")}`] };
  return {
    args: {
      help: values.help === true,
      format,
      flags: Object.fromEntries(booleans.map((b) => [b, values[b] === true])),
      positionals: parsed.positionals
    }
  };
}

export {
  flagError,
  readFlags,
  argsOrExit,
  reportCommandArgs
};
