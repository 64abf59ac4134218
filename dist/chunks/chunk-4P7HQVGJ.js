import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  ARCHITECTURES,
  execQuiet
} from "./chunk-YTYQUFQD.js";

// src/domain/runner/runner.ts
function parseOsRelease(text) {
  const fields = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (m?.[1] === void 0 || m[2] === void 0) continue;
    fields.set(m[1], unquote(m[2].trim()));
  }
  const get = (key) => {
    const v = fields.get(key);
    return v === void 0 || v === "" ? null : v;
  };
  return {
    // os-release(5): ID defaults to "linux".
    id: get("ID") ?? "linux",
    versionId: get("VERSION_ID"),
    codename: get("VERSION_CODENAME") ?? get("UBUNTU_CODENAME"),
    idLike: (get("ID_LIKE") ?? "").split(/\s+/).filter((s) => s !== ""),
    prettyName: get("PRETTY_NAME")
  };
}
function unquote(value) {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
    const inner = value.slice(1, -1);
    return q === '"' ? inner.replace(/\\([$"\\`])/g, "$1") : inner;
  }
  return value;
}
function parseGetconfLibc(text) {
  const m = /^\s*glibc\s+(\d+(?:\.\d+)+)/m.exec(text);
  return m?.[1] === void 0 ? null : { family: "glibc", version: m[1] };
}
function parseLddVersion(text) {
  if (/\bmusl libc\b/i.test(text)) {
    const v = /^\s*Version\s+(\d+(?:\.\d+)+)/m.exec(text);
    return { family: "musl", version: v?.[1] ?? null };
  }
  const g = /^ldd \(.*(?:GLIBC|GNU libc).*\)\s+(\d+(?:\.\d+)+)\s*$/m.exec(text);
  return g?.[1] === void 0 ? null : { family: "glibc", version: g[1] };
}
function parseGoEnvJson(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "go env -json did not print JSON" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { error: "go env -json did not print a JSON object" };
  const env = data;
  const str = (key) => {
    const v = env[key];
    return typeof v === "string" ? v : "";
  };
  if (str("GOVERSION") === "" || str("GOROOT") === "")
    return { error: "go env -json has no GOVERSION or GOROOT" };
  return {
    goversion: str("GOVERSION"),
    goos: str("GOOS"),
    goarch: str("GOARCH"),
    cgoEnabled: str("CGO_ENABLED") === "1",
    cc: str("CC"),
    goroot: str("GOROOT"),
    gotoolchain: str("GOTOOLCHAIN")
  };
}
var MACHINES = new Map(
  ARCHITECTURES.flatMap((a) => a.uname.map((m) => [m, a]))
);
function hostArchOf(machine2) {
  const m = MACHINES.get(machine2.trim());
  return { machine: machine2.trim(), goarch: m?.goarch ?? null, debianArch: m?.debian ?? null };
}
function renderRunnerText(facts) {
  const d = facts.distro;
  const distro = [d.id, d.versionId, d.codename].filter((s) => s !== null).join(" ");
  const libc = facts.libc.family === "unknown" ? "unknown (neither getconf GNU_LIBC_VERSION nor ldd --version said)" : `${facts.libc.family} ${facts.libc.version ?? "(version unknown)"}`;
  const a = facts.hostArch;
  const lines = [
    `kernel       ${facts.kernel}`,
    `libc         ${libc}`,
    `distro       ${d.prettyName === null ? distro : `${d.prettyName} (${distro})`}`,
    `arch         ${a.machine} (GOARCH ${a.goarch ?? "unknown"}, Debian ${a.debianArch ?? "unknown"})`
  ];
  const go = facts.go;
  if ("missing" in go) lines.push(`go           missing: ${go.missing}`);
  else {
    lines.push(
      `go           ${go.goversion} ${go.goos}/${go.goarch}`,
      `GOROOT       ${go.goroot}`,
      `cgo          ${go.cgoEnabled ? "enabled" : "DISABLED (CGO_ENABLED=0)"}, CC=${go.cc === "" ? "(none)" : go.cc}`,
      `GOTOOLCHAIN  ${go.gotoolchain === "" ? "(unset)" : go.gotoolchain}: ${go.switchable ?? "builds use this toolchain"}`
    );
  }
  return `${lines.join("\n")}
`;
}
function renderRunnerJson(facts) {
  return `${JSON.stringify(facts, null, 2)}
`;
}

// src/adapters/runner.ts
import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { machine, release } from "node:os";
import { delimiter, join } from "node:path";

// src/domain/go/go-toolchain.ts
function parseGoVersion(text) {
  const num = "(0|[1-9]\\d*)";
  const m = new RegExp(`^${num}(?:\\.${num}(?:\\.${num}|([a-z]+)${num}?)?)?$`).exec(text);
  if (m?.[1] === void 0) return null;
  const [, major, minor, patch, kind, pre] = m;
  if (minor === void 0) return { major, minor: "0", patch: "0", kind: "", pre: "" };
  const oldRelease = cmpInt(minor, "21") < 0 && patch === void 0 && kind === void 0;
  return {
    major,
    minor,
    patch: patch ?? (oldRelease ? "0" : ""),
    kind: kind ?? "",
    pre: pre ?? ""
  };
}
function cmpInt(x, y) {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}
function compareGoVersions(a, b) {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  for (const k of ["major", "minor", "patch"]) {
    const c = cmpInt(x[k], y[k]);
    if (c !== 0) return c;
  }
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
  return cmpInt(x.pre, y.pre);
}
function versionFromToolchain(name) {
  if (!name.startsWith("go") || /[\\/]/.test(name)) return null;
  const v = name.slice(2).split(/[ \t-]/)[0] ?? "";
  return parseGoVersion(v) === null ? null : v;
}
function parseGoModDirectives(text) {
  let go = null;
  let toolchain = null;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const m = /^(go|toolchain)\s+(\S+)$/.exec(line);
    if (m?.[2] === void 0) continue;
    if (m[1] === "go") go = m[2];
    else toolchain = m[2];
  }
  return { go, toolchain };
}
function toolchainSwitch(goEnv, goModText) {
  const setting = goEnv.gotoolchain.trim();
  const local = goEnv.goversion.split(" ")[0] ?? "";
  if (setting === "" || setting === "local") return null;
  let minName = local;
  let mode = setting;
  if (setting !== "auto" && setting !== "path") {
    const plus = setting.indexOf("+");
    const min = plus < 0 ? setting : setting.slice(0, plus);
    mode = plus < 0 ? null : setting.slice(plus + 1);
    if (mode !== null && mode !== "auto" && mode !== "path")
      return `GOTOOLCHAIN=${setting} is invalid (only +auto and +path exist): go refuses to run`;
    if (min !== "local") {
      if (versionFromToolchain(min) === null)
        return `GOTOOLCHAIN=${setting} is invalid: go refuses to run`;
      minName = min;
    }
  }
  const forced = minName === local ? null : `GOTOOLCHAIN=${setting} runs ${minName}, not the local ${local}`;
  if (mode === null || goModText === null) return forced;
  const mod = parseGoModDirectives(goModText);
  if (mod.toolchain === "default") return forced;
  let minVers = versionFromToolchain(minName) ?? "";
  let target = null;
  let reason = "";
  const tv = mod.toolchain === null ? null : versionFromToolchain(mod.toolchain);
  if (tv !== null && compareGoVersions(tv, minVers) > 0) {
    target = mod.toolchain;
    minVers = tv;
    reason = `go.mod says "toolchain ${mod.toolchain ?? ""}"`;
  }
  if (mod.go !== null && compareGoVersions(mod.go, minVers) > 0) {
    const v = parseGoVersion(mod.go);
    const isLang = v !== null && v.patch === "" && v.kind === "";
    target = `go${mod.go}${isLang && compareGoVersions(mod.go, "1.21") >= 0 ? ".0" : ""}`;
    reason = `go.mod says "go ${mod.go}"`;
  }
  if (target === null) return forced;
  const how = mode === "path" ? "looked up on PATH" : "downloaded";
  return `${reason}, newer than ${minName}: with GOTOOLCHAIN=${setting} go runs ${target} (${how})`;
}

// src/adapters/runner.ts
var DEFAULT_FALLBACK_GO = ["/usr/local/go/bin/go"];
var OS_RELEASE_FILES = ["/etc/os-release", "/usr/lib/os-release"];
var TIMEOUT_MS = 5e3;
var GO_TIMEOUT_MS = 3e4;
function runProcess(file, args, options) {
  return execQuiet(file, args, {
    env: options.env,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    ...options.cwd === void 0 ? {} : { cwd: options.cwd }
  });
}
async function resolveRunner(options) {
  const [host, go] = await Promise.all([resolveHost(options.env), resolveGo(options)]);
  return { kernel: release(), ...host, go };
}
async function resolveHost(env = process.env) {
  const [distro, libc] = await Promise.all([resolveDistro(), resolveLibc(env)]);
  return { distro, hostArch: hostArchOf(machine()), libc };
}
async function resolveLibc(env) {
  const getconf = await runProcess("getconf", ["GNU_LIBC_VERSION"], { env });
  const fromGetconf = getconf.exitCode === 0 ? parseGetconfLibc(getconf.stdout) : null;
  if (fromGetconf !== null) return fromGetconf;
  const ldd = await runProcess("ldd", ["--version"], { env });
  return parseLddVersion(`${ldd.stdout}
${ldd.stderr}`) ?? { family: "unknown", version: null };
}
async function resolveDistro() {
  for (const file of OS_RELEASE_FILES) {
    const text = await readFile(file, "utf8").catch(() => null);
    if (text !== null) return parseOsRelease(text);
  }
  return parseOsRelease("");
}
async function findGo(env, fallbackGo = DEFAULT_FALLBACK_GO) {
  const candidates = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "").map((dir) => join(dir, "go"));
  if (env.GOROOT !== void 0 && env.GOROOT !== "") candidates.push(join(env.GOROOT, "bin", "go"));
  candidates.push(...fallbackGo);
  for (const c of candidates) {
    const ok = await access(c, constants.X_OK).then(
      () => true,
      () => false
    );
    if (ok) return c;
  }
  return null;
}
async function resolveGo(options) {
  const { cwd, env } = options;
  const go = await findGo(env, options.fallbackGo);
  if (go === null) {
    return {
      missing: "go not found on PATH: install Go (actions/setup-go), or put its bin directory on PATH"
    };
  }
  const json = await runProcess(go, ["env", "-json"], {
    env: { ...env, GOTOOLCHAIN: "local" },
    cwd,
    timeoutMs: GO_TIMEOUT_MS
  });
  if (json.exitCode !== 0) {
    const why = json.failure ?? firstLine(json.stderr) ?? `exit status ${String(json.exitCode)}`;
    return { missing: `"${go} env -json" failed: ${why}` };
  }
  const parsed = parseGoEnvJson(json.stdout);
  if ("error" in parsed) return { missing: `${go}: ${parsed.error}` };
  const setting = await runProcess(go, ["env", "GOTOOLCHAIN"], {
    env,
    cwd,
    timeoutMs: GO_TIMEOUT_MS
  });
  const gotoolchain = setting.exitCode === 0 ? setting.stdout.trim() : env.GOTOOLCHAIN ?? "";
  const goMod = await readFile(join(cwd, "go.mod"), "utf8").catch(() => null);
  const toolchain = { ...parsed, gotoolchain };
  return { ...toolchain, switchable: toolchainSwitch(toolchain, goMod) };
}
function firstLine(text) {
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line === void 0 ? null : line.trim();
}

export {
  renderRunnerText,
  renderRunnerJson,
  resolveRunner,
  resolveHost,
  resolveGo
};
