import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  SCHEMA_VERSION,
  TOOL,
  allBinaries
} from "./chunk-VRSVJNRY.js";
import {
  expandInputs,
  fileSize,
  overallVerdict,
  readRange,
  withFileBytes
} from "./chunk-HQ3P3VA7.js";
import {
  muslNeed,
  surfaceOf
} from "./chunk-VAHUUROM.js";
import {
  smokeFailed
} from "./chunk-37HHF5IE.js";
import {
  ARCHES,
  CXX_FLOORS,
  LIBCS,
  TARGET_INFO_PATH,
  abiOf,
  cxxFloorFor,
  dependsLine,
  describeLoader,
  floatAbiOf,
  formatTarget,
  goarchOf,
  loaderFor,
  mergeDepends,
  parseTarget,
  parseTargetInfo,
  sharedLibraries,
  targetOfFloatAbi,
  variantLevel
} from "./chunk-Y5IEVJEU.js";
import {
  require_dist
} from "./chunk-7WEMPANV.js";
import {
  ARCHITECTURES,
  execQuiet
} from "./chunk-YTYQUFQD.js";
import {
  muslFloorCheck
} from "./chunk-HI2NNNE4.js";
import {
  GCC_RUNTIME,
  GLIBC_MARKERS,
  GLIBC_NEEDED,
  GLIBC_OTHER,
  MUSL_NEEDED,
  compareDotted,
  highestVersions,
  isDottedVersion,
  splitVersionName
} from "./chunk-TOITHGCZ.js";
import {
  __toESM
} from "./chunk-CN2QLQDV.js";

// src/adapters/readelf.ts
var ToolMissingError = class extends Error {
};
var MAX_OUTPUT = 512 * 1024 * 1024;
var READELF_TIMEOUT_MS = 12e4;
var missing = (readelf) => new ToolMissingError(
  `readelf not found ("${readelf}"): install binutils, or pass --readelf PATH`
);
async function runReadelf(readelf, args, paths, timeoutMs = READELF_TIMEOUT_MS) {
  const files = typeof paths === "string" ? [paths] : paths;
  const r = await execQuiet(readelf, [...args, "--", ...files], {
    timeoutMs,
    maxOutput: MAX_OUTPUT
  });
  if (r.failure?.endsWith(": not found") === true) throw missing(readelf);
  const toolFailure = r.failure === null ? null : r.failure.startsWith("timed out") ? `readelf did not finish within ${timeoutMs / 1e3} s and was stopped` : `readelf ${r.failure}`;
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? 1, toolFailure };
}
async function checkReadelf(readelf) {
  const r = await execQuiet(readelf, ["--version"], { timeoutMs: 3e4 });
  if (r.failure?.endsWith(": not found") === true) throw missing(readelf);
  if (r.exitCode !== 0)
    throw new ToolMissingError(
      `"${readelf} --version" failed: ${r.failure ?? (r.stderr.trim().split("\n")[0] || `exit status ${String(r.exitCode)}`)}`
    );
  const first = r.stdout.split("\n")[0] ?? "";
  if (!first.includes("GNU readelf"))
    throw new ToolMissingError(
      `"${readelf}" is not GNU readelf ("--version" says "${first.slice(0, 80)}"): pass the readelf of binutils with --readelf PATH`
    );
  return first;
}

// src/steps/policy.ts
import { readFile } from "node:fs/promises";

// src/domain/rules/policy-file.ts
var import_yaml = __toESM(require_dist(), 1);

// src/domain/rules/types.ts
var RULES = [
  "elf-arch",
  "interpreter",
  "glibc-version",
  "library-versions",
  "needed",
  "rpath",
  "kernel-abi",
  "go-buildinfo",
  "cgo-off",
  "x86-isa",
  "static-nss",
  "musl-floor",
  "build-paths",
  "hardening"
];
var HARDENING_REQUIREMENTS = [
  "pie",
  "relro",
  "relro-full",
  "bind-now",
  "nx-stack",
  "stack-protector",
  "fortify",
  "cet",
  "bti",
  "pac"
];
function defaultPolicy() {
  return {
    target: null,
    libc: "glibc",
    glibc: null,
    kernel: null,
    musl: null,
    link: null,
    versions: {},
    allowNeeded: [],
    allowRpath: [],
    buildPaths: [],
    severity: {},
    hardening: [],
    smoke: false
  };
}

// src/domain/rules/policy-file.ts
var KEYS = [
  "glibc",
  "kernel",
  "libc",
  "target",
  "versions",
  "allow-needed",
  "allow-rpath",
  "severity",
  "hardening"
];
var SETTINGS = ["off", "warning", "error"];
function parsePolicyFile(text, fileName) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { schema: "failsafe", lineCounter: lines, prettyErrors: false });
  const errors = [];
  const at = (node) => {
    const offset = (0, import_yaml.isNode)(node) ? node.range?.[0] ?? 0 : 0;
    return `${fileName}:${lines.linePos(offset).line}`;
  };
  for (const e of doc.errors)
    errors.push(`${fileName}:${lines.linePos(e.pos[0]).line}: ${e.message.split("\n")[0] ?? ""}`);
  const policy = {};
  if (errors.length > 0 || doc.contents === null) return { policy, errors };
  if (!(0, import_yaml.isMap)(doc.contents))
    return { policy, errors: [`${at(doc.contents)}: the policy must be a mapping of keys`] };
  const scalar = (node, key) => {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "string") return node.value;
    errors.push(`${at(node)}: ${key} must be a single value`);
    return null;
  };
  const version = (node, key) => {
    const value = scalar(node, key);
    if (value === null) return void 0;
    if (isDottedVersion(value)) return value;
    errors.push(`${at(node)}: ${key} "${value}" is not a version like 2.31`);
    return void 0;
  };
  const list2 = (node, key) => {
    if (!(0, import_yaml.isSeq)(node)) {
      errors.push(`${at(node)}: ${key} must be a list`);
      return [];
    }
    return node.items.map((item) => scalar(item, key)).filter((v) => v !== null);
  };
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = (0, import_yaml.isScalar)(keyNode) ? String(keyNode.value) : "";
    const value = pair.value;
    switch (key) {
      case "glibc":
        policy.glibc = version(value, key);
        break;
      case "kernel":
        policy.kernel = version(value, key);
        break;
      case "libc": {
        const libc = scalar(value, key);
        if (libc !== null && LIBCS.includes(libc))
          policy.libc = libc;
        else if (libc !== null)
          errors.push(`${at(value)}: libc "${libc}" is not one of ${LIBCS.join(", ")}`);
        break;
      }
      case "target": {
        const text2 = scalar(value, key);
        const parsed = text2 === null ? null : parseTarget(text2);
        if (parsed !== null && "error" in parsed) errors.push(`${at(value)}: ${parsed.error}`);
        else if (parsed !== null) policy.target = parsed;
        break;
      }
      case "versions":
        policy.versions = versionMap(value, at, errors);
        break;
      case "allow-needed":
        policy.allowNeeded = list2(value, key);
        break;
      case "allow-rpath":
        policy.allowRpath = list2(value, key);
        break;
      case "severity":
        policy.severity = severityMap(value, at, errors);
        break;
      case "hardening":
        policy.hardening = hardeningList(value, at, errors);
        break;
      default:
        errors.push(`${at(keyNode)}: unknown key "${key}" (known: ${KEYS.join(", ")})`);
    }
  }
  return { policy, errors };
}
function mergePolicy(file, overrides) {
  const policy = { ...defaultPolicy(), ...file };
  return {
    ...policy,
    target: overrides.target ?? policy.target,
    libc: overrides.libc ?? policy.libc,
    glibc: overrides.glibc ?? policy.glibc,
    kernel: overrides.kernel ?? policy.kernel,
    musl: overrides.musl ?? policy.musl,
    link: overrides.link ?? policy.link,
    smoke: overrides.smoke ?? policy.smoke,
    buildPaths: overrides.buildPaths ?? policy.buildPaths
  };
}
function versionMap(node, at, errors) {
  const out = {};
  if (!(0, import_yaml.isMap)(node)) {
    errors.push(`${at(node)}: versions must be a mapping like {GLIBCXX: 3.4.28}`);
    return out;
  }
  for (const pair of node.items) {
    const prefix = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const value = (0, import_yaml.isScalar)(pair.value) ? String(pair.value.value) : "";
    if (!/^[A-Z][A-Z0-9_]*$/.test(prefix))
      errors.push(`${at(pair.key)}: "${prefix}" is not a version prefix like GLIBCXX`);
    else if (!isDottedVersion(value))
      errors.push(`${at(pair.value)}: versions.${prefix} "${value}" is not a version like 3.4.28`);
    else out[prefix] = value;
  }
  return out;
}
function severityMap(node, at, errors) {
  const out = {};
  if (!(0, import_yaml.isMap)(node)) {
    errors.push(`${at(node)}: severity must be a mapping of rule id to off, warning or error`);
    return out;
  }
  for (const pair of node.items) {
    const rule = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const setting = (0, import_yaml.isScalar)(pair.value) ? String(pair.value.value) : "";
    if (!RULES.includes(rule)) {
      errors.push(`${at(pair.key)}: unknown rule "${rule}" (rules: ${RULES.join(", ")})`);
    } else if (!SETTINGS.includes(setting)) {
      errors.push(
        `${at(pair.value)}: severity of ${rule} must be off, warning or error, not "${setting}"`
      );
    } else out[rule] = setting;
  }
  return out;
}
function hardeningList(node, at, errors) {
  if (!(0, import_yaml.isSeq)(node)) {
    errors.push(`${at(node)}: hardening must be a list like [pie, relro-full, nx-stack]`);
    return [];
  }
  const out = [];
  for (const item of node.items) {
    const name = (0, import_yaml.isScalar)(item) ? String(item.value) : "";
    if (HARDENING_REQUIREMENTS.includes(name))
      out.push(name);
    else
      errors.push(
        `${at(item)}: unknown hardening requirement "${name}" (known: ${HARDENING_REQUIREMENTS.join(", ")})`
      );
  }
  return out;
}

// src/steps/policy.ts
function runnerPaths(env) {
  const named = [env.RUNNER_TOOL_CACHE, env.RUNNER_TEMP];
  if (env.GITHUB_ACTIONS === "true") named.push(env.HOME);
  return named.filter((p) => p !== void 0 && p.startsWith("/") && p !== "/");
}
async function loadPolicy(path, given) {
  const overrides = { buildPaths: runnerPaths(process.env), ...given };
  if (path === null) return { policy: mergePolicy({}, overrides) };
  const text = await readFile(path, "utf8").catch((error) => {
    const code2 = error.code ?? String(error);
    return { failure: `cannot read policy ${path}: ${code2}`, errors: [] };
  });
  if (typeof text !== "string") return text;
  const { policy, errors } = parsePolicyFile(text, path);
  if (errors.length === 0) return { policy: mergePolicy(policy, overrides) };
  return { failure: `the policy file ${path} has ${errors.length} problem(s)`, errors };
}

// src/steps/runtime.ts
import { readFile as readFile2, stat } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/domain/toolchain/runtime-needs.ts
function runtimeNeeds(facts, libraries) {
  const used = facts.needed.map((soname) => libraries.find((l) => l.soname === soname)).filter((l) => l !== void 0);
  return {
    libraries: used.map(({ soname, package: pkg, version }) => ({ soname, package: pkg, version })),
    depends: dependsLine({
      needed: facts.needed,
      symbols: facts.symbolVersions,
      glibc: facts.versions.GLIBC ?? null,
      libraries
    })
  };
}
function describeRuntime(l) {
  return `${l.soname} from ${l.package} ${l.version}`;
}
function libraryCandidates(ctx, soname) {
  return [
    `${ctx.sysroot}/lib/${ctx.triplet}/${soname}`,
    `${ctx.sysroot}/usr/lib/${ctx.triplet}/${soname}`
  ];
}

// src/domain/rules/arch.ts
var archMatches = ({ facts, target, targetGiven, go }) => {
  if (!targetGiven) return [];
  const want = ARCHES[target.goarch];
  const found = [];
  const same2 = facts.class === want.elfClass && facts.endian === want.endian && facts.machine === want.machine;
  if (!same2) {
    found.push({
      rule: "elf-arch",
      message: `built for ${facts.machine} (${facts.class}, ${facts.endian}-endian), but the target ${formatTarget(target)} is ${want.machine} (${want.elfClass}, ${want.endian}-endian)`,
      fix: go ? `build with GOARCH=${target.goarch} and CC set to a C compiler for ${abiOf(target).triplet}` : `build it with a compiler for ${abiOf(target).triplet}`
    });
    return found;
  }
  const wantFloat = floatAbiOf(target);
  if (wantFloat !== null && dynamicallyLinked(facts) && facts.floatAbi !== null && facts.floatAbi !== wantFloat) {
    found.push({
      rule: "elf-arch",
      message: `ARM header flags say ${facts.floatAbi}-float ABI (${facts.flags}), but ${formatTarget(target)} is ${wantFloat}-float`,
      fix: wantFloat === "hard" ? `link with the hard-float compiler ${abiOf(target).triplet}-gcc for GOARM=7` : `link with the soft-float compiler ${abiOf(target).triplet}-gcc for GOARM=5/6, or target linux/arm/v7`
    });
  }
  return found;
};
function dynamicallyLinked(facts) {
  return facts.interpreter !== null || facts.needed.length > 0 || facts.layout.segments.some((s) => s.type === "DYNAMIC");
}
var archRules = [archMatches];

// src/domain/elf/build-paths.ts
var MAX_BUILD_PATHS = 64;
function directories(names) {
  const out = /* @__PURE__ */ new Set();
  for (const name of names) {
    if (!name.startsWith("/") || name.startsWith("/_/")) continue;
    const cut = name.lastIndexOf("/");
    out.add(cut <= 0 ? "/" : normalise(name.slice(0, cut)));
  }
  return [...out];
}
function normalise(path) {
  const parts = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}
function settingPaths(settings) {
  const out = [];
  for (const value of Object.values(settings))
    for (const m of value.matchAll(/(?:^|[\s='"]|-[ILB])(\/[^\s'"]+)/g))
      if (m[1] !== void 0) out.push(normalise(m[1]));
  return out;
}
function buildPaths(input) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const add = (from, paths) => {
    for (const path of paths) {
      const key = `${from}\0${path}`;
      if (seen.has(key) || out.length >= MAX_BUILD_PATHS) continue;
      seen.add(key);
      out.push({ in: from, path });
    }
  };
  add("build-info", settingPaths(input.settings));
  add("dwarf", directories(input.dwarfFiles));
  add("symtab", directories(input.fileSymbols));
  return out;
}
function pathsUnder(paths, prefixes) {
  const roots = prefixes.filter((p) => p.startsWith("/")).map((p) => normalise(p));
  return paths.filter(
    (b) => roots.some((r) => r !== "/" && (b.path === r || b.path.startsWith(`${r}/`)))
  );
}

// src/domain/rules/build-paths.ts
var FIX = {
  "build-info": "pass include and library directories through the compiler (this tool\u2019s cc wrapper finds its own tree), not CGO_CFLAGS/CGO_LDFLAGS/-ldflags: Go records those in the binary (golang/go#52372)",
  dwarf: "build with -trimpath, and for your own C flags map the directory (-ffile-prefix-map=DIR=NAME; this tool\u2019s wrappers map their own tree), or drop DWARF (-ldflags=-w)"
};
var SHOWN = 3;
var buildPaths2 = ({ facts, policy }) => {
  const found = pathsUnder(facts.buildPaths, policy.buildPaths);
  if (found.length === 0) return [];
  const out = [];
  for (const from of ["build-info", "dwarf"]) {
    const paths = found.filter((b) => b.in === from).map((b) => b.path);
    if (paths.length === 0) continue;
    const shown = paths.slice(0, SHOWN).join(", ");
    const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : "";
    out.push({
      rule: "build-paths",
      severity: "warning",
      message: `its ${from === "build-info" ? "Go build info carries" : "DWARF line tables carry"} ${paths.length === 1 ? "a path" : "paths"} of the runner (${shown}${more}): the same source built elsewhere gives other bytes`,
      fix: FIX[from]
    });
  }
  return out;
};
var buildPathRules = [buildPaths2];

// src/domain/rules/go.ts
var goBuildInfo = ({ facts, policy, target, targetGiven }) => {
  if (facts.goBuildError !== null) {
    return [
      {
        rule: "go-buildinfo",
        severity: "warning",
        message: `Go build info could not be read (${facts.goBuildError}); CGO_ENABLED, GOOS/GOARCH and GOAMD64/GOARM were not checked`,
        fix: "build with a Go toolchain \u2265 1.18 and do not strip the .go.buildinfo section"
      }
    ];
  }
  const info = facts.goBuild;
  if (info === null) return [];
  const s = info.settings;
  const found = [];
  if (policy.libc !== "none" && s.CGO_ENABLED !== "1") {
    found.push({
      rule: "go-buildinfo",
      message: s.CGO_ENABLED === void 0 ? "Go build info does not record CGO_ENABLED, so cgo cannot be shown to have been on" : `built with CGO_ENABLED=${s.CGO_ENABLED}: cgo was off, so no C code is in the binary (packages that need cgo fail at run time)`,
      fix: "set CGO_ENABLED=1 for the build: Go turns cgo off when cross-compiling unless it is set, and since Go 1.20 when no C compiler is found"
    });
  }
  if (s.GOOS !== void 0 && s.GOOS !== "linux") {
    found.push({
      rule: "go-buildinfo",
      message: `built with GOOS=${s.GOOS}`,
      fix: "build with GOOS=linux"
    });
  }
  if (!targetGiven) return found;
  if (s.GOARCH !== void 0 && s.GOARCH !== target.goarch) {
    found.push({
      rule: "go-buildinfo",
      message: `built with GOARCH=${s.GOARCH}, but the target is ${formatTarget(target)}`,
      fix: `build with GOARCH=${target.goarch}`
    });
  }
  const levelKey = target.goarch === "amd64" ? "GOAMD64" : target.goarch === "arm" ? "GOARM" : null;
  const built = levelKey === null ? void 0 : s[levelKey];
  if (levelKey !== null && built !== void 0 && target.variant !== null) {
    const builtLevel = variantLevel(built.split(",")[0] ?? built);
    const wantLevel = variantLevel(target.variant);
    if (builtLevel > wantLevel) {
      found.push({
        rule: "go-buildinfo",
        message: `built with ${levelKey}=${built}, above the target ${formatTarget(target)}: older CPUs stop with SIGILL`,
        fix: `build with ${levelKey}=${levelKey === "GOAMD64" ? target.variant : String(wantLevel)}, or raise the target variant`
      });
    }
  }
  return found;
};
var cgoOff = ({ facts, policy }) => {
  if (policy.libc !== "none" || facts.goBuild?.settings.CGO_ENABLED !== "0") return [];
  return [
    {
      rule: "cgo-off",
      severity: policy.smoke ? "error" : "warning",
      message: 'built with CGO_ENABLED=0: packages that need cgo were built without their C code, and their stubs fail only when called (go-sqlite3: "requires cgo to work")' + (policy.smoke ? "; a smoke run that does not call them passes all the same" : ""),
      fix: "for cgo code, build with CGO_ENABLED=1 and link statically (-ldflags '-linkmode external -extldflags -static'); for a pure-Go program, set cgo-off: off in the policy"
    }
  ];
};
var ISA_LEVELS = {
  "x86-64-baseline": 1,
  "x86-64-v2": 2,
  "x86-64-v3": 3,
  "x86-64-v4": 4
};
var x86Isa = ({ facts, target, targetGiven }) => {
  if (!targetGiven || target.goarch !== "amd64" || target.variant === null) return [];
  const highest = facts.isaNeeded.reduce((max, level) => Math.max(max, ISA_LEVELS[level] ?? 0), 0);
  const want = variantLevel(target.variant);
  if (highest <= want) return [];
  return [
    {
      rule: "x86-isa",
      message: `x86 ISA needed note says x86-64-v${highest}, above the target ${formatTarget(target)}: glibc refuses it with "CPU ISA level is lower than required"`,
      fix: `drop -march=\u2026 above x86-64-${target.variant === "v1" ? "baseline" : target.variant} from CGO_CFLAGS, or raise the target variant`
    }
  ];
};
var staticNss = ({ facts, policy, isStatic, go }) => {
  if (!isStatic || policy.libc === "musl" || facts.staticSymbols.length === 0) return [];
  const names = facts.staticSymbols.join(", ");
  return [
    {
      rule: "static-nss",
      severity: "warning",
      message: `static glibc binary calls ${names}: glibc loads NSS modules (libnss_*.so) for these at run time, which must match the glibc it was linked with; the glibc floor does not cover this (a static binary needs no glibc version, the modules are those of the machine it runs on)`,
      fix: go ? "build with -tags netgo,osusergo so Go resolves hosts and users itself, or link dynamically" : "link dynamically, or do not call the NSS functions from a static binary"
    }
  ];
};
var goRules = [goBuildInfo, cgoOff, x86Isa, staticNss];

// src/domain/rules/hardening.ts
var STRIPPED = "it has no symbol table (a static binary stripped with -s or strip): nothing shows which functions it calls";
function judge(req, h, ctx) {
  switch (req) {
    case "pie":
      if (ctx.sharedLibrary) return null;
      return h.pie ? { met: true } : { missing: "it is not a position-independent executable (PIE)" };
    case "relro":
      return h.relro !== "none" ? { met: true } : { missing: "it has no RELRO (PT_GNU_RELRO)" };
    case "relro-full":
      return h.relro === "full" ? { met: true } : { missing: `its RELRO is ${h.relro}, not full (PT_GNU_RELRO and BIND_NOW)` };
    case "bind-now":
      return h.bindNow ? { met: true } : { missing: "it has no BIND_NOW (symbols are bound lazily)" };
    case "nx-stack":
      return h.nxStack ? { met: true } : { missing: "its stack is executable (PT_GNU_STACK with E, or no PT_GNU_STACK)" };
    case "stack-protector":
      if (h.stackProtector === "unknown") return { unknown: STRIPPED };
      return h.stackProtector === "yes" ? { met: true } : { missing: "it has no stack protector (no __stack_chk_fail or __stack_chk_guard)" };
    case "fortify":
      if (h.fortified === null) return { unknown: STRIPPED };
      return h.fortified.length > 0 ? { met: true } : { missing: "it calls no FORTIFY_SOURCE function (no __*_chk)" };
    case "cet":
      if (h.cet === null) return null;
      return h.cet ? { met: true } : { missing: "it has no x86 CET marks (IBT and SHSTK)" };
    case "bti":
      if (h.bti === null) return null;
      return h.bti ? { met: true } : { missing: "it has no AArch64 BTI mark" };
    case "pac":
      if (h.pac === null) return null;
      return h.pac ? { met: true } : { missing: "it has no AArch64 PAC mark" };
  }
}
var FIX2 = {
  pie: "build with -buildmode=pie",
  relro: "link with -Wl,-z,relro (in CGO_LDFLAGS, or -extldflags)",
  "relro-full": "link with -Wl,-z,relro,-z,now (in CGO_LDFLAGS, or -extldflags)",
  "bind-now": "link with -Wl,-z,now (in CGO_LDFLAGS, or -extldflags)",
  "nx-stack": "link with -Wl,-z,noexecstack, and find the object without a .note.GNU-stack section (assembly)",
  "stack-protector": "compile the C code with -fstack-protector-strong (in CGO_CFLAGS)",
  fortify: "compile the C code with -O2 -D_FORTIFY_SOURCE=2 (or 3) in CGO_CFLAGS",
  cet: "compile and link every C object with -fcf-protection=full (one object without it drops the marks)",
  bti: "compile every C object with -mbranch-protection=standard (one object without it drops the mark)",
  pac: "compile every C object with -mbranch-protection=standard (one object without it drops the mark)"
};
var UNKNOWN_FIX = "keep the symbol table (drop -s from -ldflags, do not strip) so it can be judged, or take the requirement off the hardening list for static builds";
var hardeningRule = (ctx) => {
  const wanted = ctx.policy.hardening;
  if (wanted.length === 0) return [];
  const h = ctx.facts.hardening;
  const target = formatTarget(ctx.target);
  const out = [];
  for (const req of new Set(wanted)) {
    const judged2 = judge(req, h, ctx);
    if (judged2 === null || "met" in judged2) continue;
    if ("missing" in judged2)
      out.push({
        rule: "hardening",
        message: `hardening ${req} is required for ${target}, but ${judged2.missing}`,
        fix: FIX2[req]
      });
    else
      out.push({
        rule: "hardening",
        message: `hardening ${req} is required for ${target}, but cannot be judged: ${judged2.unknown}`,
        fix: UNKNOWN_FIX
      });
  }
  return out;
};
var hardeningRules = [hardeningRule];

// src/domain/rules/linkage.ts
var interpreter = ({ facts, policy, target, sharedLibrary, isStatic, go }) => {
  if (sharedLibrary) return [];
  const libc = policy.libc;
  if (libc === "none") {
    if (facts.interpreter === null) return [];
    return [
      {
        rule: "interpreter",
        message: `dynamically linked (interpreter ${facts.interpreter}), but a static binary was expected (libc: none)`,
        fix: "build with CGO_ENABLED=0, or link statically: -ldflags '-linkmode external -extldflags -static'"
      }
    ];
  }
  const want = loaderFor(target, libc) ?? "";
  if (isStatic) return staticExecutable(facts, libc, target, go);
  if (facts.interpreter === want) return [];
  const owner = describeLoader(facts.interpreter ?? "");
  return [
    {
      rule: "interpreter",
      message: `program interpreter is ${facts.interpreter ?? ""}${owner === null ? "" : ` (${owner})`}, expected ${want} for ${libc} on ${formatTarget(target)}: the binary will fail with "no such file or directory"`,
      fix: interpreterFix(facts.interpreter ?? "", libc, target, go)
    }
  ];
};
function staticExecutable(facts, libc, target, go) {
  const linked = facts.staticLibc;
  if (linked === libc) return [];
  const found = (message, fix) => [
    {
      rule: "interpreter",
      message: `statically linked (no program interpreter), but a ${libc} binary for ${formatTarget(target)} was expected: ${message}`,
      fix
    }
  ];
  if (linked !== null)
    return found(
      `the C library linked into it is ${linked}`,
      linked === "musl" ? "set libc: musl for a static musl build, or build with the glibc toolchain" : "build with musl-gcc (or a musl cross compiler), or set libc: glibc for a static glibc build"
    );
  const none = "or use libc: none if a static binary without a C library is intended";
  const strippedMusl = libc === "musl" && linkedByCLinker(facts);
  if (!go)
    return strippedMusl ? [] : found(
      `no ${libc} is seen in it`,
      `link it against ${libc} for ${abiOf(target).triplet}, ${none}`
    );
  const cgo = facts.goBuild?.settings.CGO_ENABLED;
  const cgoFix = `set CGO_ENABLED=1 for the build (Go turns cgo off when cross-compiling unless it is set, and when no C compiler is found), ${none}`;
  if (cgo === "0") return found("built with CGO_ENABLED=0, so cgo was off", cgoFix);
  if (cgo !== "1") return found("cgo was probably off", cgoFix);
  if (!linkedByCLinker(facts))
    return found(
      "cgo was on, but Go linked it itself without a C library: no package in it uses cgo",
      "use libc: none for a program without C code; if a cgo package belongs in it, check the build tags that select its cgo files"
    );
  if (strippedMusl) return [];
  return found(
    "cgo was on and a C linker linked it statically, but no glibc is in it (no glibc ABI note, symbols or GLIBC_TUNABLES)",
    "build with the glibc toolchain (its CC), or set libc to the C library that was linked in"
  );
}
function linkedByCLinker(facts) {
  const ldflags = facts.goBuild?.settings["-ldflags"] ?? "";
  return facts.layout.sections.some((s) => s.name === ".comment") || /-linkmode[= ]external/.test(ldflags);
}
function interpreterFix(found, libc, target, go) {
  const triplet = abiOf(target).triplet;
  if (libc === "glibc" && found.includes("ld-musl")) {
    return `the binary was linked against musl: use a glibc C compiler for ${triplet}, or set libc: musl if musl is intended`;
  }
  if (libc === "musl" && !found.includes("ld-musl")) {
    return `the binary was linked against glibc: use musl-gcc (or a musl cross compiler), or set libc: glibc`;
  }
  if (!go) return `link it with the C toolchain for ${triplet}`;
  return `set CC to the C compiler for ${triplet} (Go reads only CC when building; CC_<goarch> is ignored)`;
}
function allowedNeeded(target, libc) {
  const abi = abiOf(target);
  if (libc === "musl")
    return [
      ...MUSL_NEEDED,
      `libc.musl-${abi.muslArch}.so.1`,
      basename(abi.muslLoader),
      ...GCC_RUNTIME
    ];
  return [...GLIBC_NEEDED, ...GCC_RUNTIME, basename(abi.glibcLoader)];
}
function basename(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function matchesPattern(name, pattern) {
  if (!pattern.includes("*")) return name === pattern;
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(name);
}
var needed = ({ facts, policy, target }) => {
  const allowed = [...allowedNeeded(target, policy.libc), ...policy.allowNeeded];
  const libcName = policy.libc === "musl" ? "musl" : "glibc";
  return facts.needed.filter((lib) => !allowed.some((pattern) => matchesPattern(lib, pattern))).map((lib) => ({
    rule: "needed",
    message: `needs ${lib}, which is not among the libraries every ${libcName} system has: it fails with "error while loading shared libraries: ${lib}" where it is missing`,
    fix: `link ${lib} statically, ship it beside the binary with an $ORIGIN RUNPATH, or add it to allow-needed in the policy`
  }));
};
var rpath = ({ facts, policy, go }) => {
  const found = [];
  const entries = [
    ...facts.rpath.map((path) => ({ tag: "RPATH", path })),
    ...facts.runpath.map((path) => ({ tag: "RUNPATH", path }))
  ];
  for (const { tag, path } of entries) {
    if (path.startsWith("$ORIGIN") || path.startsWith("${ORIGIN}")) continue;
    if (policy.allowRpath.some(
      (prefix) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`)
    )) {
      continue;
    }
    const why = path.startsWith("/") ? "an absolute path from the build machine" : "relative to the working directory at run time";
    found.push({
      rule: "rpath",
      message: `${tag} ${path === "" ? "(empty entry)" : path} is ${why}: libraries there are loaded on users' machines`,
      fix: `remove -Wl,-rpath from ${go ? "CGO_LDFLAGS / #cgo LDFLAGS" : "the link flags"}, use $ORIGIN-relative paths, or add the prefix to allow-rpath in the policy`
    });
  }
  return found;
};
var linkageRules = [interpreter, needed, rpath];

// src/domain/rules/musl.ts
var linkRule = (ctx) => {
  const { facts, policy, target } = ctx;
  if (policy.libc !== "musl" || policy.link !== "static" || facts.interpreter === null) return [];
  if (ctx.sharedLibrary) return [];
  return [
    {
      rule: "interpreter",
      message: `dynamically linked (interpreter ${facts.interpreter}), but link: static was asked for ${formatTarget(target)}: it will not start in a scratch image`,
      fix: "the exported GOFLAGS links with -linkmode=external -extldflags=-static, and a build's own -ldflags replaces it: add -linkmode=external -extldflags=-static to that -ldflags (or set link: dynamic for Alpine)"
    }
  ];
};
var floorRule = (ctx) => {
  const { facts, policy, target } = ctx;
  const musl = policy.musl;
  const loader = abiOf(target).muslLoader;
  if (policy.libc !== "musl" || musl === null || facts.interpreter !== loader) return [];
  const arch = abiOf(target).debianArch;
  const check = muslFloorCheck({ symbols: facts.symbolVersions, needed: facts.needed, musl, arch });
  if (check === null)
    return [
      {
        rule: "musl-floor",
        severity: "error",
        message: `cannot be judged at musl ${musl} for ${formatTarget(target)}: no table of what that musl's libc.so exports there`,
        fix: "judge it at a musl floor the tool knows (docs/musl.md), or build it static"
      }
    ];
  return findingsOf(check, musl, formatTarget(target));
};
function findingsOf(check, musl, target) {
  if (check.missing.length === 0) return [];
  const names = check.missing.map((m) => m.symbol);
  const said = check.missing.map(
    (m) => m.since !== null ? `${m.symbol} (exported from musl ${m.since} on)` : m.exportedIn.length > 0 ? `${m.symbol} (musl ${m.exportedIn.join(", ")} only)` : `${m.symbol} (no musl exports it: a glibc name)`
  );
  const others = check.unjudged.length > 0;
  return [
    {
      rule: "musl-floor",
      // Another library it needs may define them: said, not failed, when one is named.
      severity: others ? "warning" : "error",
      message: `needs ${said.join(", ")}, which musl ${musl}'s libc.so does not export for ${target}${others ? ` (unless ${check.unjudged.join(", ")} define${check.unjudged.length === 1 ? "s" : ""} them)` : ""}: musl's loader refuses it with "symbol not found"`,
      fix: `build at the musl it will run on (musl: ${musl}) so the headers do not offer them, avoid the calls, or build it static`,
      symbols: names
    }
  ];
}
var muslRules = [linkRule, floorRule];

// src/domain/rules/versions.ts
var MAX_SYMBOLS = 8;
function symbolsFor(ctx, versionName) {
  const names = ctx.facts.symbolVersions.filter((s) => s.version === versionName).map((s) => s.symbol);
  return [...new Set(names)].sort();
}
function listSymbols(symbols) {
  if (symbols.length === 0) return "";
  const shown = symbols.slice(0, MAX_SYMBOLS).join(", ");
  const more = symbols.length > MAX_SYMBOLS ? ` and ${symbols.length - MAX_SYMBOLS} more` : "";
  return `: ${shown}${more}`;
}
function overCeiling(needs2, prefix, ceiling) {
  const seen = /* @__PURE__ */ new Map();
  for (const need2 of needs2) {
    const marker = prefix === "GLIBC" ? GLIBC_MARKERS[need2.name] : void 0;
    const split = marker !== void 0 ? { prefix, version: marker } : splitVersionName(need2.name);
    if (split?.prefix !== prefix) continue;
    if (compareDotted(split.version, ceiling) <= 0) continue;
    const weak = (seen.get(need2.name)?.weak ?? true) && need2.weak;
    seen.set(need2.name, { name: need2.name, version: split.version, weak });
  }
  return [...seen.values()].sort((a, b) => compareDotted(b.version, a.version));
}
function weakNote(over) {
  return over.weak ? " \u2014 a weak need (WEAK in .gnu.version_r): the loader starts the binary without it, but the symbols it binds may be missing there" : "";
}
function failsWith(over) {
  return over.weak ? "" : `; it fails elsewhere with "version \`${over.name}' not found"`;
}
var glibcVersion = (ctx) => {
  const found = [];
  for (const need2 of ctx.facts.versionNeeds) {
    if (need2.name !== "GLIBC_PRIVATE") continue;
    const symbols = symbolsFor(ctx, need2.name);
    found.push({
      rule: "glibc-version",
      message: `needs GLIBC_PRIVATE from ${need2.file}${listSymbols(symbols)}: private glibc symbols change between every release`,
      fix: "do not link against glibc internals; rebuild against the public API of the target glibc",
      symbols
    });
  }
  const floor = ctx.policy.glibc;
  if (floor === null) return found;
  for (const over of overCeiling(ctx.facts.versionNeeds, "GLIBC", floor)) {
    const symbols = symbolsFor(ctx, over.name);
    found.push({
      rule: "glibc-version",
      message: `needs ${over.name} (floor ${floor})${listSymbols(symbols)}${weakNote(over)}`,
      fix: `build against a glibc ${floor} sysroot (an older distribution's libc6-dev) instead of the build machine's glibc${failsWith(over)}`,
      symbols
    });
  }
  return found;
};
function libraryCeilings(ctx) {
  const out = {};
  const floor = ctx.policy.glibc;
  if (floor !== null) {
    const row = cxxFloorFor(floor);
    const source = `derived from glibc floor ${floor}: ${row.distros}`;
    for (const prefix of ["GLIBCXX", "CXXABI", "GCC"])
      out[prefix] = { ceiling: row[prefix], source };
  }
  for (const [prefix, ceiling] of Object.entries(ctx.policy.versions)) {
    if (prefix !== "GLIBC") out[prefix] = { ceiling, source: "policy" };
  }
  return out;
}
var libraryVersions = (ctx) => {
  const found = [];
  for (const [prefix, { ceiling, source }] of Object.entries(libraryCeilings(ctx))) {
    for (const over of overCeiling(ctx.facts.versionNeeds, prefix, ceiling)) {
      const symbols = symbolsFor(ctx, over.name);
      found.push({
        rule: "library-versions",
        message: `needs ${over.name} (ceiling ${ceiling}, ${source})${listSymbols(symbols)}${weakNote(over)}`,
        fix: `build with the C/C++ toolchain of the floor's distribution, link libstdc++/libgcc statically (-static-libstdc++ -static-libgcc), or raise versions.${prefix} in the policy`,
        symbols
      });
    }
  }
  return found;
};
var kernelAbi = ({ facts, policy }) => {
  const kernel = policy.kernel;
  if (kernel === null || facts.abiTag === null) return [];
  if (compareDotted(facts.abiTag, kernel) <= 0) return [];
  return [
    {
      rule: "kernel-abi",
      message: `NT_GNU_ABI_TAG requires Linux ${facts.abiTag}, above the oldest supported kernel ${kernel}: it fails there with "FATAL: kernel too old"`,
      fix: `link against a C library built for kernels \u2265 ${kernel} (the tag comes from the libc's crt1.o), or raise the kernel floor`
    }
  ];
};
var versionRules = [glibcVersion, libraryVersions, kernelAbi];

// src/domain/rules/policy.ts
var ALL_RULES = [
  ...archRules,
  ...linkageRules,
  ...versionRules,
  ...goRules,
  ...muslRules,
  ...buildPathRules,
  ...hardeningRules
];
function evaluate(facts, policy) {
  const inferred = policy.target ?? inferTarget(facts);
  if (inferred === null) {
    return [
      {
        rule: "elf-arch",
        severity: "error",
        message: `${facts.class} ${facts.endian}-endian ${facts.machine} is not a Linux architecture Go supports here`,
        fix: `pass --target linux/<goarch> (one of ${Object.keys(ARCHES).join(", ")}) to judge it against a target`
      }
    ];
  }
  const sharedLibrary = facts.type === "DYN" && facts.interpreter === null && !facts.pie;
  const ctx = {
    facts,
    policy,
    target: inferred,
    targetGiven: policy.target !== null,
    sharedLibrary,
    isStatic: facts.interpreter === null && !sharedLibrary,
    go: facts.goBinary || facts.goBuild !== null
  };
  const findings = [];
  for (const rule of ALL_RULES) {
    for (const found of rule(ctx)) {
      const setting = policy.severity[found.rule] ?? found.severity ?? "error";
      if (setting !== "off") findings.push({ ...found, severity: setting });
    }
  }
  return findings;
}
function inferTarget(facts) {
  const goarch = goarchOf(facts.class, facts.endian, facts.machine);
  if (goarch === null) return null;
  return targetOfFloatAbi(goarch, facts.floatAbi);
}
function verdictOf(findings) {
  return findings.some((f) => f.severity === "error") ? "fail" : "pass";
}

// src/steps/judge.ts
import { availableParallelism } from "node:os";

// src/domain/elf/segments.ts
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP = 3;
var LoaderProblem = class extends Error {
};
var MAX_PHDR_BYTES = 65536;
function openImage(source, size) {
  const ident = source(0, 64);
  if (ident.length < 52) throw new LoaderProblem(`the file has ${size} bytes, no whole ELF header`);
  const is64 = ident[4] === 2;
  const littleEndian = ident[5] === 1;
  const cache = /* @__PURE__ */ new Map();
  const bytes = (at, length) => {
    if (at < 0 || length < 0 || at + length > size)
      throw new LoaderProblem(`bytes ${at}\u2013${at + length} lie outside the ${size}-byte file`);
    const got = source(at, length);
    if (got.length < length) throw new LoaderProblem(`the file ends before byte ${at + length}`);
    return got;
  };
  const block = (at) => {
    const start = at - at % 4096;
    let b = cache.get(start);
    if (b === void 0) {
      b = source(start, Math.min(4096, size - start));
      cache.set(start, b);
    }
    return b;
  };
  const byte = (at) => {
    if (at < 0 || at >= size)
      throw new LoaderProblem(`byte ${at} lies outside the ${size}-byte file`);
    const b = block(at);
    const v = b[at % 4096];
    if (v === void 0) throw new LoaderProblem(`the file ends before byte ${at}`);
    return v;
  };
  const u16 = (at) => littleEndian ? byte(at) | byte(at + 1) << 8 : byte(at) << 8 | byte(at + 1);
  const u32 = (at) => littleEndian ? u16(at) + u16(at + 2) * 65536 >>> 0 : u16(at) * 65536 + u16(at + 2) >>> 0;
  const u64 = (at) => littleEndian ? u32(at) + u32(at + 4) * 2 ** 32 : u32(at) * 2 ** 32 + u32(at + 4);
  const word2 = is64 ? u64 : u32;
  const phoff = is64 ? u64(32) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  const expected = is64 ? 56 : 32;
  if (phnum > 0 && phentsize !== expected)
    throw new LoaderProblem(
      `e_phentsize is ${phentsize}; the kernel loads only program headers of ${expected} bytes`
    );
  if (phnum * expected > MAX_PHDR_BYTES)
    throw new LoaderProblem(
      `e_phnum is ${phnum}: more than the 64 KiB of program headers the kernel reads`
    );
  if (phnum > 0 && phoff + phnum * expected > size)
    throw new LoaderProblem(`the program headers end past the end of the ${size}-byte file`);
  const segments = [];
  for (let i = 0; i < phnum; i++) {
    const h = phoff + i * expected;
    segments.push(
      is64 ? {
        type: u32(h),
        offset: u64(h + 8),
        vaddr: u64(h + 16),
        fileSize: u64(h + 32),
        memSize: u64(h + 40)
      } : {
        type: u32(h),
        offset: u32(h + 4),
        vaddr: u32(h + 8),
        fileSize: u32(h + 16),
        memSize: u32(h + 20)
      }
    );
  }
  return { is64, littleEndian, size, segments, u16, u32, word: word2, bytes };
}
var hex = (n) => `0x${n.toString(16)}`;
function fileOffset(image, vaddr, length, what) {
  const hits = image.segments.filter(
    (s) => s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + Math.max(s.memSize, 1)
  );
  const [load] = hits;
  if (load === void 0) throw new LoaderProblem(`${what} at ${hex(vaddr)} maps into no segment`);
  if (hits.length > 1)
    throw new LoaderProblem(`${what} at ${hex(vaddr)} lies in ${hits.length} overlapping segments`);
  if (vaddr + length > load.vaddr + load.fileSize)
    throw new LoaderProblem(
      `${what} at ${hex(vaddr)} (${length} bytes) runs past the file bytes of its segment`
    );
  const offset = load.offset + (vaddr - load.vaddr);
  if (offset + length > image.size)
    throw new LoaderProblem(`${what} at ${hex(vaddr)} lies past the end of the file`);
  return offset;
}
function cString(image, offset, max, what) {
  const chunks = [];
  let at = offset;
  let total = 0;
  while (total < max) {
    const length = Math.min(256, max - total, image.size - at);
    if (length <= 0) break;
    const b = image.bytes(at, length);
    const nul = b.indexOf(0);
    if (nul >= 0) {
      chunks.push(b.subarray(0, nul));
      return utf8(chunks);
    }
    chunks.push(b);
    total += length;
    at += length;
  }
  throw new LoaderProblem(`${what} has no terminating NUL within ${max} bytes`);
}
var decoder = new TextDecoder();
function utf8(chunks) {
  if (chunks.length === 1 && chunks[0] !== void 0) return decoder.decode(chunks[0]);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return decoder.decode(all);
}

// src/domain/elf/loader-view.ts
var DT = {
  NULL: 0,
  NEEDED: 1,
  STRTAB: 5,
  STRSZ: 10,
  RPATH: 15,
  RUNPATH: 29,
  FLAGS_1: 1879048187,
  VERNEED: 1879048190
};
var SINGLE = /* @__PURE__ */ new Set([DT.STRTAB, DT.STRSZ, DT.RPATH, DT.RUNPATH, DT.FLAGS_1, DT.VERNEED]);
var TAG_NAMES = /* @__PURE__ */ new Map([
  [DT.STRTAB, "DT_STRTAB"],
  [DT.STRSZ, "DT_STRSZ"],
  [DT.RPATH, "DT_RPATH"],
  [DT.RUNPATH, "DT_RUNPATH"],
  [DT.FLAGS_1, "DT_FLAGS_1"],
  [DT.VERNEED, "DT_VERNEED"]
]);
var DF_1_PIE = 134217728;
var VER_FLG_WEAK = 2;
var MAX_DYNAMIC = 65536;
var MAX_VERNEED = 4096;
var MAX_NAME = 65536;
var MAX_INTERP = 4096;
function readLoaderView(source, size) {
  try {
    return { view: loaderView(openImage(source, size)) };
  } catch (error) {
    if (error instanceof LoaderProblem) return { problem: error.message };
    throw error;
  }
}
function loaderView(image) {
  const view = {
    interpreter: interpreter2(image),
    dynamic: false,
    needed: [],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [],
    verneedEntries: []
  };
  const dynamics = image.segments.filter((s) => s.type === PT_DYNAMIC);
  if (dynamics.length > 1)
    throw new LoaderProblem(`${dynamics.length} PT_DYNAMIC segments (the loader takes the last)`);
  const [dynamic] = dynamics;
  if (dynamic === void 0) return view;
  view.dynamic = true;
  const { single, needed: needed2 } = dynamicEntries(image, dynamic.vaddr);
  const strings = stringTable(image, single, needed2.length > 0 || single.size > 0);
  view.needed = needed2.map((at) => strings(at, "a DT_NEEDED name"));
  const rpath2 = single.get(DT.RPATH);
  if (rpath2 !== void 0) view.rpath = strings(rpath2, "DT_RPATH").split(":");
  const runpath = single.get(DT.RUNPATH);
  if (runpath !== void 0) view.runpath = strings(runpath, "DT_RUNPATH").split(":");
  view.pie = ((single.get(DT.FLAGS_1) ?? 0) & DF_1_PIE) !== 0;
  const verneed = single.get(DT.VERNEED);
  if (verneed !== void 0) versionNeeds(image, verneed, strings, view);
  return view;
}
function interpreter2(image) {
  const interps = image.segments.filter((s) => s.type === PT_INTERP);
  if (interps.length > 1) throw new LoaderProblem(`${interps.length} PT_INTERP segments`);
  const [interp] = interps;
  if (interp === void 0) return null;
  if (interp.fileSize < 2 || interp.fileSize > MAX_INTERP)
    throw new LoaderProblem(`PT_INTERP has ${interp.fileSize} bytes; the kernel refuses it`);
  const b = image.bytes(interp.offset, interp.fileSize);
  if (b[b.length - 1] !== 0) throw new LoaderProblem("PT_INTERP does not end in NUL");
  return cString(image, interp.offset, interp.fileSize, "PT_INTERP");
}
function dynamicEntries(image, vaddr) {
  const size = image.is64 ? 16 : 8;
  const half = size / 2;
  const single = /* @__PURE__ */ new Map();
  const needed2 = [];
  for (let i = 0; ; i++) {
    if (i >= MAX_DYNAMIC) throw new LoaderProblem(`no DT_NULL in ${MAX_DYNAMIC} dynamic entries`);
    const at = fileOffset(image, vaddr + i * size, size, "the dynamic segment (PT_DYNAMIC)");
    const tag = image.word(at);
    const value = image.word(at + half);
    if (tag === DT.NULL) break;
    if (tag === DT.NEEDED) needed2.push(value);
    else if (SINGLE.has(tag)) {
      const before = single.get(tag);
      if (before !== void 0 && before !== value)
        throw new LoaderProblem(
          `the dynamic segment has two ${TAG_NAMES.get(tag) ?? String(tag)} entries (0x${before.toString(16)}, 0x${value.toString(16)})`
        );
      single.set(tag, value);
    }
  }
  return { single, needed: needed2 };
}
function stringTable(image, single, used) {
  const address = single.get(DT.STRTAB);
  const size = single.get(DT.STRSZ);
  if (address === void 0 || size === void 0) {
    if (!used) return () => "";
    const missing2 = address === void 0 ? "DT_STRTAB" : "DT_STRSZ";
    return (_offset, what) => {
      throw new LoaderProblem(`${what} has no string table to resolve in (no ${missing2})`);
    };
  }
  const start = fileOffset(image, address, size, "the string table (DT_STRTAB, DT_STRSZ bytes)");
  return (offset, what) => {
    if (offset >= size)
      throw new LoaderProblem(
        `${what} at string offset ${offset} lies outside the ${size}-byte string table (DT_STRSZ)`
      );
    return cString(image, start + offset, Math.min(size - offset, MAX_NAME), what);
  };
}
function versionNeeds(image, vaddr, strings, view) {
  let entry2 = vaddr;
  let steps = 0;
  for (; ; ) {
    const at = fileOffset(image, entry2, 16, "a version need entry (DT_VERNEED)");
    const version = image.u16(at);
    if (version !== 1)
      throw new LoaderProblem(
        `a version need entry has vn_version ${version}; the loader refuses it`
      );
    const file = strings(image.u32(at + 4), "a version need file name (vn_file)");
    const record = { file, count: image.u16(at + 2), listed: 0 };
    view.verneedEntries.push(record);
    let aux = entry2 + image.u32(at + 8);
    for (; ; ) {
      if (++steps > MAX_VERNEED)
        throw new LoaderProblem(`the version needs chain has more than ${MAX_VERNEED} entries`);
      const a = fileOffset(image, aux, 16, `a version need of ${file} (vna_next)`);
      const name = strings(image.u32(a + 8), `a version name needed from ${file} (vna_name)`);
      view.versionNeeds.push({ file, name, weak: (image.u16(a + 4) & VER_FLG_WEAK) !== 0 });
      record.listed++;
      const next2 = image.u32(a + 12);
      if (next2 === 0) break;
      aux += next2;
    }
    const next = image.u32(at + 12);
    if (next === 0) break;
    entry2 += next;
  }
}

// src/domain/elf/compare-views.ts
var list = (items) => items.length === 0 ? "none" : items.join(", ");
var need = (n) => `${n.file} ${n.name}${n.weak ? " (weak)" : ""}`;
var needs = (items) => items.map(need).sort();
var same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function viewsDisagree(readelf, loader) {
  const differ = (what, shown2, read3) => `cannot be judged: readelf and the loader disagree on ${what}: readelf shows ${shown2}, the dynamic segment (as the loader reads it) has ${read3}; the section headers do not describe the file`;
  if (readelf.interpreter !== loader.interpreter)
    return differ(
      "the program interpreter",
      readelf.interpreter ?? "none",
      loader.interpreter ?? "none"
    );
  if (readelf.hasDynamicSection !== loader.dynamic)
    return differ(
      "whether the file is dynamically linked",
      readelf.hasDynamicSection ? "a dynamic section" : "none",
      loader.dynamic ? "a PT_DYNAMIC segment" : "none"
    );
  const pairs = [
    ["NEEDED", readelf.needed, loader.needed],
    ["RPATH", readelf.rpath, loader.rpath],
    ["RUNPATH", readelf.runpath, loader.runpath]
  ];
  for (const [what, shown2, read3] of pairs)
    if (!same(shown2, read3)) return differ(what, list(shown2), list(read3));
  if (readelf.pie !== loader.pie)
    return differ("FLAGS_1 PIE", readelf.pie ? "PIE" : "no PIE", loader.pie ? "PIE" : "no PIE");
  const shown = needs(readelf.versionNeeds);
  const read2 = needs(loader.versionNeeds);
  if (!same(shown, read2)) return differ("the version needs", list(shown), list(read2));
  return null;
}
function loaderFacts(parsed, source, size) {
  const read2 = readLoaderView(source, size);
  if ("problem" in read2) return { error: `cannot be judged: ${read2.problem}` };
  const view = read2.view;
  const disagreement = viewsDisagree(parsed, view);
  if (disagreement !== null) return { error: disagreement };
  return {
    facts: {
      ...parsed,
      interpreter: view.interpreter,
      needed: view.needed,
      rpath: view.rpath,
      runpath: view.runpath,
      pie: view.pie,
      versionNeeds: view.versionNeeds,
      versions: highestVersions(view.versionNeeds)
    }
  };
}

// src/domain/elf/elf-ident.ts
var IDENT_BYTES = 18;
var TYPES = ["NONE", "REL", "EXEC", "DYN", "CORE"];
function parseIdent(bytes) {
  if (bytes.length === 0) return { kind: "not-elf", reason: "empty file" };
  const magic = bytes[0] === 127 && bytes[1] === 69 && bytes[2] === 76 && bytes[3] === 70;
  if (!magic) return { kind: "not-elf", reason: "not an ELF file (no \\x7fELF magic)" };
  if (bytes.length < IDENT_BYTES)
    return {
      kind: "not-elf",
      reason: `truncated ELF file: ${bytes.length} bytes, shorter than its header`
    };
  const cls = bytes[4];
  const data = bytes[5];
  if (cls !== 1 && cls !== 2 || data !== 1 && data !== 2) {
    return {
      kind: "not-elf",
      reason: `malformed ELF header: class byte ${cls ?? 0}, data byte ${data ?? 0}`
    };
  }
  const lo = bytes[16] ?? 0;
  const hi = bytes[17] ?? 0;
  const eType = data === 1 ? lo | hi << 8 : lo << 8 | hi;
  const name = TYPES[eType];
  if (name === void 0 || name === "NONE") {
    return {
      kind: "not-elf",
      reason: `malformed ELF header: e_type ${eType} is not an executable, shared library, object or core file`
    };
  }
  return { kind: "elf", type: name };
}

// src/domain/elf/integrity.ts
function layoutProblem(layout, fileSize2) {
  const tables = [
    [
      "program headers",
      layout.programHeaderOffset,
      layout.programHeaderSize,
      layout.programHeaderCount
    ],
    [
      "section headers",
      layout.sectionHeaderOffset,
      layout.sectionHeaderSize,
      layout.sectionHeaderCount
    ]
  ];
  for (const [what, offset, size, count] of tables) {
    const end = offset + size * count;
    if (count > 0 && end > fileSize2) return truncated(`its ${what} end at byte ${end}`, fileSize2);
  }
  for (const segment of layout.segments) {
    const end = segment.offset + segment.fileSize;
    if (end > fileSize2)
      return truncated(`its ${segment.type} segment ends at byte ${end}`, fileSize2);
  }
  for (const section of layout.sections) {
    if (section.type === "NOBITS" || section.type === "NULL") continue;
    const end = section.offset + section.size;
    if (end > fileSize2) return truncated(`section ${section.name} ends at byte ${end}`, fileSize2);
  }
  return null;
}
function truncated(what, fileSize2) {
  return `truncated or malformed ELF: ${what}, but the file has ${fileSize2} bytes`;
}
function verneedSection(layout) {
  if (layout.verneedFrom === "dump")
    return layout.sections.find((s) => s.name === ".gnu.version_r");
  if (layout.verneedFrom === "version-info")
    return layout.sections.find((s) => s.type === "VERNEED");
  return void 0;
}
function hiddenVersionNeeds(facts) {
  const { dynamicVerneedCount: declared, verneedEntries: entries } = facts.layout;
  const prefix = "cannot be judged:";
  const shown = verneedSection(facts.layout);
  const at = facts.layout.dynamicVerneedAddress;
  if (shown !== void 0 && at !== null && shown.address !== at) {
    return `${prefix} DT_VERNEED points at 0x${at.toString(16)}, but the version needs readelf shows (${shown.name}) are at 0x${shown.address.toString(16)}`;
  }
  if (declared !== null && declared > 0 && entries.length !== declared) {
    return `${prefix} the dynamic segment has ${declared} version need entr${declared === 1 ? "y" : "ies"} (DT_VERNEEDNUM), but readelf's section view shows ${entries.length}: the section headers are stripped or .gnu.version_r is hidden`;
  }
  for (const entry2 of entries) {
    if (entry2.count === 0 || entry2.listed !== entry2.count) {
      return `${prefix} the version need entry of ${entry2.file} has Cnt ${entry2.count} and readelf lists ${entry2.listed} of its versions: the loader follows vna_next, not the count`;
    }
  }
  const parsed = new Set(facts.versionNeeds.map((n) => n.name));
  const unlisted = facts.symbolVersions.find((s) => s.version !== "" && !parsed.has(s.version));
  if (unlisted !== void 0) {
    return `${prefix} .dynsym binds ${unlisted.symbol} to ${unlisted.version}, which the version needs readelf shows do not list`;
  }
  return null;
}

// src/util/map-limit.ts
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// src/domain/elf/buildinfo.ts
var MAGIC = "\xFF Go buildinf:";
var HEADER_SIZE = 32;
var FLAG_INLINE_STRINGS = 2;
function parseGoBuildInfo(bytes) {
  if (bytes.length < HEADER_SIZE) return { error: ".go.buildinfo is shorter than its header" };
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC.charCodeAt(i))
      return { error: ".go.buildinfo does not start with the Go build info magic" };
  }
  const flags = bytes[15] ?? 0;
  if ((flags & FLAG_INLINE_STRINGS) === 0) {
    return { error: "build info written by Go older than 1.18 (pointer format) is not read" };
  }
  const version = readString(bytes, HEADER_SIZE);
  if (version === null) return { error: "Go version string in .go.buildinfo is truncated" };
  const mod = readString(bytes, version.end);
  if (mod === null) return { error: "module info string in .go.buildinfo is truncated" };
  return { info: parseModInfo(version.value, stripSentinels(mod.value)) };
}
function readString(bytes, start) {
  let length = 0;
  let shift = 0;
  let pos = start;
  for (; ; ) {
    const b = bytes[pos];
    if (b === void 0 || shift > 35) return null;
    pos++;
    length += (b & 127) * 2 ** shift;
    if ((b & 128) === 0) break;
    shift += 7;
  }
  if (pos + length > bytes.length) return null;
  return { value: new TextDecoder().decode(bytes.subarray(pos, pos + length)), end: pos + length };
}
function stripSentinels(mod) {
  if (mod.length >= 33 && mod.charAt(mod.length - 17) === "\n")
    return mod.slice(16, mod.length - 16);
  return mod;
}
function parseModInfo(goVersion, text) {
  const info = { goVersion, path: "", module: "", settings: {}, deps: {} };
  const deps = /* @__PURE__ */ new Map();
  let dep = null;
  for (const line of text.split("\n")) {
    const [kind, rest] = splitOnce(line, "	");
    if (kind === "path") info.path = rest;
    if (kind === "mod") info.module = splitOnce(rest, "	")[0];
    if (kind === "dep") {
      const [path, tail] = splitOnce(rest, "	");
      dep = path;
      deps.set(path, splitOnce(tail, "	")[0]);
    }
    if (kind === "=>" && dep !== null) {
      const [path, tail] = splitOnce(rest, "	");
      deps.set(dep, `=> ${path} ${splitOnce(tail, "	")[0]}`.trim());
    }
    if (kind !== "build") continue;
    const [key, value] = splitOnce(rest, "=");
    info.settings[unquote(key)] = unquote(value);
  }
  return { ...info, deps: Object.fromEntries(deps) };
}
function splitOnce(text, sep) {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}
function unquote(text) {
  if (!text.startsWith('"')) return text;
  try {
    const value = JSON.parse(text);
    return typeof value === "string" ? value : text;
  } catch {
    return text;
  }
}

// src/domain/elf/dwarf-unit.ts
var NAME_MAX = 1 << 16;
var F = { string: 8, strp: 14, lineStrp: 31, udata: 15, sdata: 13, strx: 26 };
var BLOCK = { 9: 0, 10: 1, 3: 2, 4: 4 };
var FIXED = {
  11: 1,
  5: 2,
  6: 4,
  7: 8,
  30: 16,
  37: 1,
  38: 2,
  39: 3,
  40: 4,
  29: 0
};
var DW_LNCT_PATH = 1;
var DW_LNCT_DIRECTORY_INDEX = 2;
var utf82 = new TextDecoder("utf-8");
var Reader = class {
  constructor(bytes, at, end, le) {
    this.bytes = bytes;
    this.at = at;
    this.end = end;
    this.le = le;
  }
  bytes;
  at;
  end;
  le;
  /** An unsigned integer of n (1 to 8) bytes; null past the end or beyond 2^53. */
  uint(n) {
    if (this.at + n > this.end) return this.at = this.end, null;
    if (n === 1) return this.bytes[this.at++] ?? null;
    let value = 0;
    for (let i = 0; i < n; i++)
      value = value * 256 + (this.bytes[this.at + (this.le ? n - 1 - i : i)] ?? 0);
    this.at += n;
    return Number.isSafeInteger(value) ? value : null;
  }
  /** LEB128; a value beyond 2^53 comes out imprecise (later checks refuse it), never thrown. */
  leb(signed = false) {
    let value = 0;
    for (let scale = 1; this.at < this.end; scale = Math.min(scale * 128, 2 ** 64)) {
      const b = this.bytes[this.at++] ?? 0;
      value += (b & 127) * scale;
      if (b < 128) return signed && b & 64 ? value - scale * 128 : value;
    }
    return null;
  }
  skip(n) {
    this.at = n === null || this.at + n > this.end ? this.end : this.at + n;
    return null;
  }
  /** A NUL-terminated string here. */
  cstr() {
    const s = stringAt(this.bytes.subarray(0, this.end), this.at);
    if (s === null) return this.skip(null);
    this.at += s.length;
    return s.text;
  }
};
function stringAt(bytes, at) {
  if (at < 0 || at >= bytes.byteLength) return null;
  const end = bytes.subarray(at, Math.min(at + NAME_MAX, bytes.byteLength)).indexOf(0);
  return end < 0 ? null : { text: utf82.decode(bytes.subarray(at, at + end)), length: end + 1 };
}
var join = (dir, name) => dir === void 0 || dir === "" || name.startsWith("/") || /^[A-Za-z]:[\\/]/.test(name) ? name : `${dir}${dir.endsWith("/") ? "" : "/"}${name}`;
function readForm(r, form, offsetSize, s) {
  if (form === F.string) return r.cstr();
  if (form === F.strp || form === F.lineStrp) {
    const off = r.uint(offsetSize);
    const at = off === null ? null : stringAt(form === F.strp ? s.debugStr : s.debugLineStr, off);
    return at?.text ?? null;
  }
  if (form === F.udata || form === F.sdata) return r.leb(form === F.sdata);
  if (form === F.strx) return r.leb(), null;
  const block = BLOCK[form];
  if (block !== void 0) return r.skip(block === 0 ? r.leb() : r.uint(block));
  const size = FIXED[form];
  if (size === void 0) return r.skip(null);
  return form === 11 || form === 5 || form === 6 || form === 7 ? r.uint(size) : r.skip(size || offsetSize);
}
function entries5(r, offsetSize, s) {
  const formatCount = r.uint(1) ?? 0;
  const format = [];
  for (let i = 0; i < formatCount; i++) format.push([r.leb() ?? 0, r.leb() ?? 0]);
  const count = r.leb();
  if (count === null || count > r.end - r.at) return null;
  const out = [];
  for (let i = 0; i < count; i++) {
    let path = null;
    let dir = 0;
    for (const [type, form] of format) {
      if (r.at >= r.end) return null;
      const value = readForm(r, form, offsetSize, s);
      if (type === DW_LNCT_PATH) path = typeof value === "string" ? value : null;
      if (type === DW_LNCT_DIRECTORY_INDEX) dir = typeof value === "number" ? value : -1;
    }
    if (path === null) return null;
    out.push([path, dir]);
  }
  return out;
}
function readHeader(r, version, offsetSize, s) {
  const minInst = r.uint(1);
  const maxOps = version >= 4 ? r.uint(1) : 1;
  r.at++;
  const [lineBase, lineRange, opcodeBase] = [r.uint(1), r.uint(1), r.uint(1)];
  if (minInst === null || maxOps === null || lineBase === null || opcodeBase === null) return null;
  if (lineRange === null || lineRange === 0) return null;
  const operands = Array.from({ length: Math.max(opcodeBase - 1, 0) }, () => r.uint(1) ?? 0);
  const files = [];
  const dirs4 = [];
  if (version >= 5) {
    const dirs = entries5(r, offsetSize, s);
    const names = dirs === null ? null : entries5(r, offsetSize, s);
    if (dirs === null || names === null) return null;
    const comp = dirs[0]?.[0];
    const dir = (d) => d === 0 ? comp : join(comp, dirs[d]?.[0] ?? "");
    for (const [name, d] of names)
      files.push(d < 0 || d >= dirs.length ? null : join(dir(d), name));
  } else {
    for (let d = r.cstr(); d !== null && d !== ""; d = r.cstr()) dirs4.push(d);
    while (r.at < r.end && r.bytes[r.at] !== 0) files.push(fileEntry4(r, dirs4));
    if (r.at >= r.end) return null;
  }
  const fixed = { minInst, maxOps: Math.max(maxOps, 1), lineRange, opcodeBase, operands, files };
  const signed = lineBase > 127 ? lineBase - 256 : lineBase;
  return { ...fixed, firstFile: version >= 5 ? 0 : 1, lineBase: signed, dirs: dirs4 };
}
function fileEntry4(r, dirs) {
  const [name, dir] = [r.cstr(), r.leb(), r.leb(), r.leb()];
  if (name === null || dir === null || dir > dirs.length) return null;
  return dir === 0 ? name : join(dirs[dir - 1], name);
}

// src/domain/elf/dwarf-lines.ts
var MAX_SECTION = 256 * 1024 * 1024;
var MAX_ROWS = 1 << 22;
var MAX_OVERLAP = 16;
var Ranges = class {
  constructor(maxAddress) {
    this.maxAddress = maxAddress;
  }
  maxAddress;
  data = new Float64Array(1 << 12);
  length = 0;
  /** Where each sequence kept begins, in data. */
  sequences = [];
  names = [];
  ids = /* @__PURE__ */ new Map();
  push(start, end, file, line) {
    if (this.length + 4 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.length;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = file;
    this.data[at + 3] = line;
    this.length += 4;
  }
  /** The name's index in names. */
  name(file) {
    let id = this.ids.get(file);
    if (id === void 0) this.ids.set(file, id = this.names.push(file) - 1);
    return id;
  }
};
function runProgram(r, h, out) {
  let [address, opIndex, file, line, seq, broken] = [0, 0, 1, 1, out.length, false];
  let [lastAddress, lastFile, lastLine] = [-1, -1, 0];
  const ids = [];
  const advance = (ops) => {
    address += h.minInst * Math.floor((opIndex + ops) / h.maxOps);
    opIndex = (opIndex + ops) % h.maxOps;
  };
  const row = () => {
    if (!(address >= 0 && address < out.maxAddress) || address < lastAddress) broken = true;
    if (broken) return;
    if (lastAddress >= 0 && address > lastAddress && lastFile >= 0)
      out.push(lastAddress, address, lastFile, lastLine);
    let id = ids[file];
    if (id === void 0) {
      const path = h.files[file - h.firstFile];
      id = typeof path === "string" ? out.name(path) : -1;
      if (id >= 0) ids[file] = id;
    }
    lastAddress = address;
    lastFile = id;
    lastLine = line >>> 0;
  };
  const endSequence = () => {
    row();
    if (broken || out.data[seq] === 0) out.length = seq;
    else if (out.length > seq) out.sequences.push(seq);
    [address, opIndex, file, line, seq, broken] = [0, 0, 1, 1, out.length, false];
    [lastAddress, lastFile, lastLine] = [-1, -1, 0];
  };
  while (r.at < r.end && out.length < MAX_ROWS * 4) {
    const op = r.uint(1) ?? 0;
    if (op >= h.opcodeBase) {
      const adjusted = op - h.opcodeBase;
      advance(Math.floor(adjusted / h.lineRange));
      line += h.lineBase + adjusted % h.lineRange;
      row();
    } else if (op === 0) {
      const length = r.leb();
      const next = length === null ? r.end : Math.min(r.at + length, r.end);
      const ext = length === 0 ? 0 : r.uint(1);
      if (ext === 1) endSequence();
      else if (ext === 2) {
        const width = next - r.at;
        const value = width >= 1 && width <= 8 ? r.uint(width) : null;
        [address, opIndex, broken] = [value ?? 0, 0, broken || value === null];
      } else if (ext === 3 && h.firstFile === 1) h.files.push(fileEntry4(r, h.dirs));
      r.at = next;
    } else if (op === 1) row();
    else if (op === 2) advance(r.leb() ?? 0);
    else if (op === 3) line += r.leb(true) ?? 0;
    else if (op === 4) file = r.leb() ?? 0;
    else if (op === 8) advance(Math.floor((255 - h.opcodeBase) / h.lineRange));
    else if (op === 9) [address, opIndex] = [address + (r.uint(2) ?? 0), 0];
    else if (op < 6 || op > 11)
      for (let i = h.operands[op - 1] ?? 0; i > 0 && r.at < r.end; i--) r.leb();
  }
  out.length = seq;
}
function parseDebugLine(input) {
  const out = new Ranges(input.addressSize === 4 ? 2 ** 32 : Number.MAX_SAFE_INTEGER);
  const units = eachUnit(input, (r, h) => {
    runProgram(r, h, out);
    return out.length < MAX_ROWS * 4;
  });
  return units === 0 ? null : lookup(out);
}
function debugLineFiles(input, max = 4096) {
  const names = /* @__PURE__ */ new Set();
  eachUnit(input, (_r, h) => {
    for (const f of h.files) if (f !== null && names.size < max) names.add(f);
    return names.size < max;
  });
  return [...names];
}
function eachUnit(input, visit) {
  const bytes = input.debugLine;
  let units = 0;
  for (let at = 0; at + 4 <= Math.min(bytes.byteLength, MAX_SECTION); ) {
    const r = new Reader(bytes, at, bytes.byteLength, input.littleEndian);
    let length = r.uint(4);
    let offsetSize = 4;
    if (length === 4294967295) [length, offsetSize] = [r.uint(8), 8];
    else if (length !== null && length >= 4294967280) break;
    if (length === null) break;
    at = r.end = Math.min(r.at + length, bytes.byteLength);
    const version = r.uint(2);
    if (version === null || version < 2 || version > 5) continue;
    if (version >= 5) r.at += 2;
    const headerLength = r.uint(offsetSize);
    if (headerLength === null || r.at + headerLength > r.end) continue;
    r.end = r.at + headerLength;
    const h = readHeader(r, version, offsetSize, input);
    if (h === null) continue;
    units++;
    [r.at, r.end] = [r.end, at];
    if (!visit(r, h)) break;
  }
  return units;
}
function lookup({ data, length, sequences, names }) {
  const bounds = sequences.map((from, i) => [from, sequences[i + 1] ?? length]);
  bounds.sort(([a], [b]) => (data[a] ?? 0) - (data[b] ?? 0));
  const sorted2 = new Float64Array(length);
  let k = 0;
  for (const [from, to] of bounds) {
    sorted2.set(data.subarray(from, to), k);
    k += to - from;
  }
  const n = length / 4;
  const reach = new Float64Array(n);
  for (let i = 0; i < n; i++) reach[i] = Math.max(sorted2[i * 4 + 1] ?? 0, reach[i - 1] ?? 0);
  return {
    lineAt: (address) => {
      let [lo, hi] = [0, n];
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if ((sorted2[mid * 4] ?? 0) <= address) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo - 1; j >= Math.max(lo - MAX_OVERLAP, 0) && (reach[j] ?? 0) > address; j--) {
        if ((sorted2[j * 4 + 1] ?? 0) <= address) continue;
        const file = names[sorted2[j * 4 + 2] ?? -1];
        return file === void 0 ? null : { file, line: sorted2[j * 4 + 3] ?? 0 };
      }
      return null;
    }
  };
}

// src/domain/elf/hardening.ts
function emptyMarks() {
  return { gnuRelro: false, gnuStack: null, bindNow: false, features: [] };
}
var CANARY = ["__stack_chk_fail", "__stack_chk_fail_local", "__stack_chk_guard"];
var FORTIFIED = /^__\w+_chk$/;
function isX86(machine) {
  return machine === "Advanced Micro Devices X86-64" || machine === "Intel 80386";
}
function isAarch64(machine) {
  return machine === "AArch64";
}
function hardeningOf(input) {
  const { marks, symbols, machine } = input;
  const x86 = isX86(machine);
  const arm64 = isAarch64(machine);
  return {
    pie: input.type === "DYN" && (input.pieFlag || input.interpreter !== null),
    relro: !marks.gnuRelro ? "none" : marks.bindNow ? "full" : "partial",
    bindNow: marks.bindNow,
    nxStack: marks.gnuStack !== null && !marks.gnuStack.includes("E"),
    stackProtector: stackProtectorOf(symbols),
    fortified: fortifiedOf(symbols),
    cet: x86 ? marks.features.includes("IBT") && marks.features.includes("SHSTK") : null,
    bti: arm64 ? marks.features.includes("BTI") : null,
    pac: arm64 ? marks.features.includes("PAC") : null
  };
}
function stackProtectorOf(symbols) {
  if (symbols === null || symbols.all.size === 0) return "unknown";
  return CANARY.some((name) => symbols.all.has(name)) ? "yes" : "no";
}
function fortifiedOf(symbols) {
  if (symbols === null || symbols.all.size === 0) return null;
  const pool = symbols.from === ".dynsym" ? symbols.undefined : symbols.all;
  return [...pool].filter((name) => FORTIFIED.test(name) && !CANARY.includes(name)).sort();
}
function featuresOfNoteLine(line) {
  const m = /(?:x86|AArch64) feature: ([A-Z0-9_, -]+)/.exec(line);
  if (m?.[1] === void 0) return [];
  return m[1].split(",").map((word2) => word2.trim()).filter((word2) => /^[A-Z0-9_-]+$/.test(word2));
}
function hardeningSummary(h) {
  const parts = [
    h.pie ? "PIE" : "no-PIE",
    `RELRO ${h.relro}`,
    h.nxStack ? "NX" : "exec-stack",
    h.stackProtector === "yes" ? "SSP" : h.stackProtector === "no" ? "no-SSP" : "SSP?",
    h.fortified === null ? "FORTIFY?" : h.fortified.length > 0 ? `FORTIFY ${h.fortified.length}` : "no-FORTIFY"
  ];
  if (h.cet !== null) parts.push(h.cet ? "CET" : "no-CET");
  if (h.bti !== null) parts.push(h.bti ? "BTI" : "no-BTI");
  if (h.pac !== null) parts.push(h.pac ? "PAC" : "no-PAC");
  return parts.join(", ");
}

// src/domain/elf/static-symbols.ts
var NSS_FUNCTIONS = [
  "getaddrinfo",
  "getnameinfo",
  "gethostbyname",
  "gethostbyname2",
  "gethostbyname_r",
  "gethostbyname2_r",
  "gethostbyaddr",
  "gethostbyaddr_r",
  "getpwnam",
  "getpwnam_r",
  "getpwuid",
  "getpwuid_r",
  "getgrnam",
  "getgrnam_r",
  "getgrgid",
  "getgrgid_r",
  "getgrouplist",
  "initgroups",
  "getspnam",
  "getspnam_r",
  "getservbyname",
  "getservbyname_r"
];
var GLIBC_MARKERS2 = ["__libc_setup_tls", "_dl_relocate_static_pie", "_dl_non_dynamic_init"];
var MUSL_MARKERS = ["__init_libc", "__libc_start_init"];
function symbolNames(table) {
  const { symtab, strtab, is64, littleEndian } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry2 = is64 ? 24 : 16;
  const shndxAt = is64 ? 6 : 14;
  const defined = /* @__PURE__ */ new Set();
  const undefinedNames = /* @__PURE__ */ new Set();
  const decoder2 = new TextDecoder("latin1");
  for (let off = entry2; off + entry2 <= symtab.byteLength; off += entry2) {
    const shndx = view.getUint16(off + shndxAt, littleEndian);
    const name = view.getUint32(off, littleEndian);
    if (name === 0 || name >= strtab.byteLength) continue;
    let end = name;
    while (end < strtab.byteLength && strtab[end] !== 0) end++;
    (shndx === 0 ? undefinedNames : defined).add(decoder2.decode(strtab.subarray(name, end)));
  }
  return { defined, undefined: undefinedNames };
}
function staticLibcOfSymbols(defined) {
  if (MUSL_MARKERS.some((m) => defined.has(m))) return "musl";
  return GLIBC_MARKERS2.some((m) => defined.has(m)) ? "glibc" : null;
}
function staticNssFunctions(defined) {
  if (staticLibcOfSymbols(defined) !== "glibc") return [];
  return NSS_FUNCTIONS.filter((name) => defined.has(name));
}
var CGO_NSS_WRAPPERS = [
  ["net._C2func_getaddrinfo", "getaddrinfo"],
  ["net._C2func_getnameinfo", "getnameinfo"],
  ["os/user._C2func_mygetpwuid_r", "getpwuid_r"],
  ["os/user._Cfunc_mygetpwuid_r", "getpwuid_r"],
  ["os/user._C2func_mygetpwnam_r", "getpwnam_r"],
  ["os/user._Cfunc_mygetpwnam_r", "getpwnam_r"],
  ["os/user._C2func_mygetgrgid_r", "getgrgid_r"],
  ["os/user._Cfunc_mygetgrgid_r", "getgrgid_r"],
  ["os/user._C2func_mygetgrnam_r", "getgrnam_r"],
  ["os/user._Cfunc_mygetgrnam_r", "getgrnam_r"],
  ["os/user._C2func_mygetgrouplist", "getgrouplist"],
  ["os/user._Cfunc_mygetgrouplist", "getgrouplist"]
];
function hasGlibcTunables(rodata) {
  return new TextDecoder("latin1").decode(rodata).includes("GLIBC_TUNABLES");
}
function cgoNssWrappers(gopclntab) {
  const names = new TextDecoder("latin1").decode(gopclntab);
  return [
    ...new Set(
      CGO_NSS_WRAPPERS.filter(([wrapper]) => names.includes(`${wrapper}\0`)).map(([, fn]) => fn)
    )
  ];
}

// src/domain/elf/symbol-table.ts
var STT_OBJECT = 1;
var STT_FUNC = 2;
var STT_FILE = 4;
var STB_LOCAL = 0;
var latin1 = new TextDecoder("latin1");
function nameAt(strtab, offset) {
  if (offset === 0 || offset >= strtab.byteLength) return "";
  let end = offset;
  while (end < strtab.byteLength && strtab[end] !== 0) end++;
  return latin1.decode(strtab.subarray(offset, end));
}
function readSymbols(table) {
  const { symtab, strtab, is64, littleEndian: le } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry2 = is64 ? 24 : 16;
  const out = [];
  let file = null;
  for (let off = entry2; off + entry2 <= symtab.byteLength; off += entry2) {
    const info = view.getUint8(off + (is64 ? 4 : 12));
    const type = info & 15;
    const bind = info >> 4;
    const name = nameAt(strtab, view.getUint32(off, le));
    if (type === STT_FILE) file = name === "" ? null : name;
    const value = is64 ? Number(view.getBigUint64(off + 8, le)) : view.getUint32(off + 4, le);
    const size = is64 ? Number(view.getBigUint64(off + 16, le)) : view.getUint32(off + 8, le);
    const shndx = view.getUint16(off + (is64 ? 6 : 14), le);
    out.push({ name, value, size, type, bind, shndx, file: bind === STB_LOCAL ? file : null });
  }
  return out;
}
function fileSymbolNames(table) {
  const { symtab, strtab, is64, littleEndian: le } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry2 = is64 ? 24 : 16;
  const out = /* @__PURE__ */ new Set();
  for (let off = entry2; off + entry2 <= symtab.byteLength; off += entry2)
    if ((view.getUint8(off + (is64 ? 4 : 12)) & 15) === STT_FILE)
      out.add(nameAt(strtab, view.getUint32(off, le)));
  out.delete("");
  return [...out];
}
function readRelocations(bytes, is64, littleEndian, withAddend) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = is64 ? withAddend ? 24 : 16 : withAddend ? 12 : 8;
  const out = [];
  for (let off = 0; off + size <= bytes.byteLength; off += size) {
    if (is64) {
      const offset = Number(view.getBigUint64(off, littleEndian));
      const info = view.getBigUint64(off + 8, littleEndian);
      out.push({ offset, symbol: Number(info >> 32n) });
    } else {
      const offset = view.getUint32(off, littleEndian);
      out.push({ offset, symbol: view.getUint32(off + 4, littleEndian) >>> 8 });
    }
  }
  return out;
}
function slotSymbols(relocations, dynsym) {
  const out = /* @__PURE__ */ new Map();
  for (const r of relocations) {
    const name = r.symbol === 0 ? void 0 : dynsym[r.symbol - 1]?.name;
    if (name !== void 0 && name !== "") out.set(r.offset, name);
  }
  return out;
}

// src/steps/debug-sections.ts
import { inflateSync } from "node:zlib";
var INFLATED_MAX = 256 * 1024 * 1024;
function uncompressed(bytes, facts) {
  const is64 = facts.class === "ELF64";
  const header = is64 ? 24 : 12;
  if (bytes.length < header + 2) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = facts.endian === "little";
  const type = view.getUint32(0, le);
  const zlib = bytes[header] === 120;
  if (type !== 1 && type !== 2 || !zlib) return bytes;
  if (type === 2) return new Uint8Array(0);
  const size = is64 ? Number(view.getBigUint64(8, le)) : view.getUint32(4, le);
  if (size > INFLATED_MAX) return new Uint8Array(0);
  try {
    return new Uint8Array(inflateSync(bytes.subarray(header), { maxOutputLength: INFLATED_MAX }));
  } catch {
    return new Uint8Array(0);
  }
}

// src/steps/complete-facts.ts
var BUILDINFO_MAX = 1024 * 1024;
var SYMTAB_MAX = 64 * 1024 * 1024;
async function completeFacts(path, parsed) {
  const { marks, ...rest } = parsed;
  const section = (name) => parsed.layout.sections.find((s) => s.name === name && s.type !== "NOBITS");
  const read2 = /* @__PURE__ */ new Map();
  const bytes = (name) => {
    let got = read2.get(name);
    if (got === void 0) {
      const s = section(name);
      got = s === void 0 ? Promise.resolve(null) : readSection(path, s);
      read2.set(name, got);
    }
    return got;
  };
  const sharedLibrary = parsed.type === "DYN" && !parsed.pie;
  const isStatic = parsed.interpreter === null && !sharedLibrary;
  const symbols = await symbolsOf(parsed, bytes, isStatic ? ".symtab" : ".dynsym");
  const facts = {
    ...rest,
    goBuild: null,
    goBuildError: null,
    staticSymbols: [],
    staticLibc: null,
    buildPaths: [],
    hardening: hardeningOf({
      machine: parsed.machine,
      type: parsed.type,
      interpreter: parsed.interpreter,
      pieFlag: parsed.pie,
      marks,
      symbols
    })
  };
  const buildinfo = section(".go.buildinfo");
  if (buildinfo !== void 0) {
    const result = parseGoBuildInfo(
      await readRange(path, buildinfo.offset, Math.min(buildinfo.size, BUILDINFO_MAX))
    );
    if ("info" in result) facts.goBuild = result.info;
    else facts.goBuildError = result.error;
  }
  if (isStatic) {
    const found = await staticLibc(parsed, bytes, symbols);
    facts.staticLibc = found.libc;
    facts.staticSymbols = found.nss;
  }
  facts.buildPaths = buildPaths({
    settings: facts.goBuild?.settings ?? {},
    ...await namesOfBuild(parsed, bytes)
  });
  return facts;
}
async function namesOfBuild(parsed, bytes) {
  const debug = async (name) => {
    const b = await bytes(name);
    return b === null ? new Uint8Array(0) : uncompressed(b, parsed);
  };
  const debugLine = await debug(".debug_line");
  const dwarfFiles = debugLine.length === 0 ? [] : debugLineFiles({
    debugLine,
    debugLineStr: await debug(".debug_line_str"),
    debugStr: await debug(".debug_str"),
    littleEndian: parsed.endian === "little",
    addressSize: parsed.class === "ELF64" ? 8 : 4
  });
  const [symtab, strtab] = [await bytes(".symtab"), await bytes(".strtab")];
  const fileSymbols = symtab === null || strtab === null ? [] : fileSymbolNames({
    symtab,
    strtab,
    is64: parsed.class === "ELF64",
    littleEndian: parsed.endian === "little"
  });
  return { dwarfFiles, fileSymbols };
}
var readSection = (path, s) => readRange(path, s.offset, Math.min(s.size, SYMTAB_MAX));
async function symbolsOf(parsed, bytes, from) {
  const table = await bytes(from);
  const strings = await bytes(from === ".dynsym" ? ".dynstr" : ".strtab");
  if (table === null || strings === null) return null;
  const names = symbolNames({
    symtab: table,
    strtab: strings,
    is64: parsed.class === "ELF64",
    littleEndian: parsed.endian === "little"
  });
  return {
    from,
    all: /* @__PURE__ */ new Set([...names.defined, ...names.undefined]),
    undefined: names.undefined,
    defined: names.defined
  };
}
async function staticLibc(parsed, bytes, symtab) {
  if (symtab !== null) {
    const libc = staticLibcOfSymbols(symtab.defined) ?? (parsed.abiTag === null ? null : "glibc");
    return { libc, nss: staticNssFunctions(symtab.defined) };
  }
  const rodata = parsed.abiTag !== null ? null : await bytes(".rodata");
  const glibc = parsed.abiTag !== null || rodata !== null && hasGlibcTunables(rodata);
  if (!glibc) return { libc: null, nss: [] };
  const pclntab = await bytes(".gopclntab");
  return { libc: "glibc", nss: pclntab === null ? [] : cgoNssWrappers(pclntab) };
}

// src/adapters/host-libs.ts
import { existsSync } from "node:fs";
import { join as join2 } from "node:path";

// src/domain/explain/symbol-history.ts
var DYNSYM = /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+\S+\s+\S+\s+\S+\s+(\S+)\s+(.+?)\s*$/;
function definedVersions(text, into = /* @__PURE__ */ new Map()) {
  for (const line of text.split("\n")) {
    const m = DYNSYM.exec(line);
    if (m?.[1] === void 0 || m[2] === void 0 || m[1] === "UND") continue;
    const entry2 = m[2].replace(/ \(\d+\)$/, "");
    const at = entry2.lastIndexOf("@");
    if (at <= 0) continue;
    const name = entry2.slice(0, entry2[at - 1] === "@" ? at - 1 : at);
    const version = entry2.slice(at + 1);
    const list2 = into.get(name) ?? [];
    if (!list2.includes(version)) list2.push(version);
    into.set(name, list2);
  }
  return into;
}
function addedIn(history, symbol) {
  const versions = history.get(symbol) ?? [];
  let best = null;
  for (const name of versions) {
    const split = splitVersionName(name);
    if (split === null) continue;
    const candidate = { versionName: name, ...split, label: labelOf(split.prefix, split.version) };
    if (best === null) best = candidate;
    else if (best.prefix !== candidate.prefix) {
      if (candidate.prefix === "GLIBC") best = candidate;
    } else if (compareDotted(candidate.version, best.version) < 0) best = candidate;
  }
  return best;
}
var GCC_OF = {
  GLIBCXX: {
    "3.4.18": "4.8",
    "3.4.19": "4.8.3",
    "3.4.20": "4.9",
    "3.4.21": "5",
    "3.4.22": "6",
    "3.4.23": "7",
    "3.4.24": "7.2",
    "3.4.25": "8",
    "3.4.26": "9",
    "3.4.27": "9.2",
    "3.4.28": "9.3",
    "3.4.29": "11",
    "3.4.30": "12",
    "3.4.31": "13",
    "3.4.32": "13.2",
    "3.4.33": "14",
    "3.4.34": "15"
  },
  CXXABI: {
    "1.3.7": "4.8",
    "1.3.8": "4.9",
    "1.3.9": "5",
    "1.3.10": "6",
    "1.3.11": "7",
    "1.3.12": "9",
    "1.3.13": "11",
    "1.3.14": "13",
    "1.3.15": "14",
    "1.3.16": "15"
  }
};
function gccFor(prefix, version) {
  if (prefix === "GCC") return version.replace(/\.0(\.0)?$/, "");
  return GCC_OF[prefix]?.[version] ?? null;
}
function labelOf(prefix, version) {
  if (prefix === "GLIBC") return `glibc ${version}`;
  const gcc = gccFor(prefix, version);
  const lib = prefix === "GCC" ? "libgcc" : "libstdc++";
  return `${lib} ${prefix}_${version}${gcc === null ? "" : ` (gcc ${gcc})`}`;
}
function cxxFloorWith(prefix, version) {
  if (prefix !== "GLIBCXX" && prefix !== "CXXABI" && prefix !== "GCC") return null;
  const row = CXX_FLOORS.find((r) => compareDotted(r[prefix], version) >= 0);
  return row === void 0 ? null : { glibc: row.glibc, distros: row.distros };
}

// src/adapters/host-libs.ts
var isCxx = (soname) => soname.startsWith("libstdc++");
var LIBRARIES = [...GLIBC_NEEDED, ...GLIBC_OTHER, ...GCC_RUNTIME.filter((l) => !isCxx(l))];
var CXX_LIBRARIES = GCC_RUNTIME.filter(isCxx);
function find(name) {
  const triplet = ARCHITECTURES.find((a) => a.node === process.arch)?.glibc.multiarch;
  const dirs = [
    ...triplet === void 0 ? [] : [`/lib/${triplet}`, `/usr/lib/${triplet}`],
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib"
  ];
  for (const dir of dirs) if (existsSync(join2(dir, name))) return join2(dir, name);
  return null;
}
var cached = /* @__PURE__ */ new Map();
async function hostSymbolHistory(readelf = "readelf", { cxx = false } = {}) {
  const load = (key, names, demangle) => {
    let p = cached.get(key);
    if (p === void 0) {
      p = read(readelf, names, demangle);
      cached.set(key, p);
    }
    return p;
  };
  const parts = [await load("c", LIBRARIES, false)];
  if (cxx)
    parts.push(
      await load("c++", CXX_LIBRARIES, false),
      await load("c++ demangled", CXX_LIBRARIES, true)
    );
  if (parts.length === 1) return parts[0] ?? /* @__PURE__ */ new Map();
  const merged = /* @__PURE__ */ new Map();
  for (const part of parts)
    for (const [k, v] of part) merged.set(k, [...merged.get(k) ?? [], ...v]);
  return merged;
}
async function read(readelf, names, demangle) {
  const history = /* @__PURE__ */ new Map();
  const args = demangle ? ["-W", "-C", "--dyn-syms"] : ["-W", "--dyn-syms"];
  for (const name of names) {
    const path = find(name);
    if (path === null) continue;
    const out = await runReadelf(readelf, args, path, 6e4).catch(() => null);
    if (out?.exitCode === 0 && out.toolFailure === null) definedVersions(out.stdout, history);
  }
  return history;
}

// src/domain/explain/call-sites.ts
var ENDBR64 = [243, 15, 30, 250];
var BTI_C = 3573752927;
var BTI = 3573752863;
function findCallSites(input) {
  const wantedSlots = /* @__PURE__ */ new Map();
  for (const [slot, name] of input.slots) if (input.wanted.has(name)) wantedSlots.set(slot, name);
  const stubs = input.arch === "x86-64" ? x86Stubs(input.plt) : arm64Stubs(input.plt);
  const wantedStubs = /* @__PURE__ */ new Map();
  for (const [stub, slot] of stubs) {
    const name = wantedSlots.get(slot);
    if (name !== void 0) wantedStubs.set(stub, name);
  }
  const out = /* @__PURE__ */ new Map();
  const add = (name, address, via) => {
    if (name === void 0) return;
    const sites = out.get(name) ?? [];
    sites.push({ address, via });
    out.set(name, sites);
  };
  for (const code2 of input.code) {
    if (input.arch === "x86-64") x86Calls(code2, wantedStubs, wantedSlots, add);
    else arm64Calls(code2, wantedStubs, wantedSlots, add);
  }
  return out;
}
var int32 = (b, i) => (b[i] ?? 0) | (b[i + 1] ?? 0) << 8 | (b[i + 2] ?? 0) << 16 | (b[i + 3] ?? 0) << 24 | 0;
var word = (b, i) => int32(b, i) >>> 0;
function x86Stubs(plt) {
  const out = /* @__PURE__ */ new Map();
  for (const { address, bytes } of plt) {
    for (let i = 0; i + 6 <= bytes.length; i++) {
      if (bytes[i] !== 255 || bytes[i + 1] !== 37) continue;
      const slot = address + i + 6 + int32(bytes, i + 2);
      let start = i;
      if (bytes[start - 1] === 242) start--;
      if (ENDBR64.every((b, k) => bytes[start - 4 + k] === b)) start -= 4;
      out.set(address + i, slot);
      out.set(address + start, slot);
    }
  }
  return out;
}
function x86Calls({ address, bytes }, stubs, slots, add) {
  for (let i = 0; i + 5 <= bytes.length; i++) {
    const op = bytes[i];
    if (op === 232 || op === 233) {
      add(stubs.get(address + i + 5 + int32(bytes, i + 1)), address + i, "stub");
    } else if (op === 15 && ((bytes[i + 1] ?? 0) & 240) === 128 && i + 6 <= bytes.length) {
      add(stubs.get(address + i + 6 + int32(bytes, i + 2)), address + i, "stub");
    } else if (op === 255 && i + 6 <= bytes.length) {
      const modrm = bytes[i + 1];
      if (modrm === 21 || modrm === 37)
        add(slots.get(address + i + 6 + int32(bytes, i + 2)), address + i, "slot");
    } else if ((op === 72 || op === 76) && bytes[i + 1] === 139 && i + 7 <= bytes.length) {
      if (((bytes[i + 2] ?? 0) & 199) === 5)
        add(slots.get(address + i + 7 + int32(bytes, i + 3)), address + i, "slot");
    }
  }
}
function adrp(insn, pc) {
  if ((insn & 2667577344) >>> 0 !== 2415919104) return null;
  const immlo = insn >>> 29 & 3;
  const immhi = insn >>> 5 & 524287;
  let imm = immhi * 4 + immlo;
  if (imm >= 2 ** 20) imm -= 2 ** 21;
  return { reg: insn & 31, page: Math.floor(pc / 4096) * 4096 + imm * 4096 };
}
function ldr64(insn) {
  if ((insn & 4290772992) >>> 0 !== 4181721088) return null;
  return { base: insn >>> 5 & 31, offset: (insn >>> 10 & 4095) * 8 };
}
function arm64Stubs(plt) {
  const out = /* @__PURE__ */ new Map();
  for (const { address, bytes } of plt) {
    for (let i = 0; i + 8 <= bytes.length; i += 4) {
      const a = adrp(word(bytes, i), address + i);
      const l = ldr64(word(bytes, i + 4));
      if (a?.reg !== 16 || l?.base !== 16) continue;
      const slot = a.page + l.offset;
      out.set(address + i, slot);
      const before = i >= 4 ? word(bytes, i - 4) : 0;
      if (before === BTI_C || before === BTI) out.set(address + i - 4, slot);
    }
  }
  return out;
}
function arm64Calls({ address, bytes }, stubs, slots, add) {
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const insn = word(bytes, i);
    const pc = address + i;
    const top = (insn & 4227858432) >>> 0;
    if (top === 2483027968 || top === 335544320) {
      let imm = insn & 67108863;
      if (imm >= 2 ** 25) imm -= 2 ** 26;
      add(stubs.get(pc + imm * 4), pc, "stub");
      continue;
    }
    if ((insn & 4278190096) >>> 0 === 1409286144 || (insn & 2113929216) >>> 0 === 872415232) {
      let imm = insn >>> 5 & 524287;
      if (imm >= 2 ** 18) imm -= 2 ** 19;
      add(stubs.get(pc + imm * 4), pc, "stub");
      continue;
    }
    const a = adrp(insn, pc);
    if (a === null || i + 8 > bytes.length) continue;
    const l = ldr64(word(bytes, i + 4));
    if (l?.base === a.reg) add(slots.get(a.page + l.offset), pc, "slot");
  }
}

// src/domain/explain/fixes.ts
function redirected(symbol) {
  if (symbol === "fcntl64") return "fcntl";
  if (symbol.startsWith("__isoc23_")) return symbol.slice("__isoc23_".length);
  if (/^(?:f?stat|lstat|fstatat|mknod|mknodat)(?:64)?$/.test(symbol)) return `${symbol} (__xstat)`;
  return null;
}
function fixNeedsHistory(o, versionName, floor) {
  return floor !== null && splitVersionName(versionName)?.prefix === "GLIBC" && !["start-files", "runtime-cgo", "go-std"].includes(o.kind);
}
function fixFor(o, symbol, versionName, c) {
  const split = splitVersionName(versionName);
  if (split?.prefix !== "GLIBC" || c.floor === null) return void 0;
  const floor = c.floor;
  const toolchain = `build against a glibc ${floor} sysroot (the floor's toolchain)`;
  switch (o.kind) {
    case "start-files":
      return `${toolchain}: crt1.o comes from the sysroot, and an older one calls an older ${symbol}`;
    case "runtime-cgo":
      return `runtime/cgo is in every cgo binary, so only the sysroot helps: ${toolchain}`;
    case "go-std":
      if (o.package === "net")
        return `-tags netgo (Go's own DNS resolver replaces the cgo one; with os/user: -tags netgo,osusergo), or ${toolchain}`;
      if (o.package === "os/user")
        return `-tags osusergo (Go reads /etc/passwd and /etc/group itself), or ${toolchain}`;
      return toolchain;
    default:
      return codeFix(symbol, floor, toolchain, c.history, o);
  }
}
function codeFix(symbol, floor, toolchain, history, o) {
  const added = history === null ? null : addedIn(history, symbol);
  if (added?.prefix !== "GLIBC") return void 0;
  if (compareDotted(added.version, floor) <= 0)
    return `${toolchain}: glibc ${floor} has an older version of it`;
  const older = redirected(symbol);
  if (older !== null)
    return `${toolchain}: glibc ${added.version} headers turn ${older} into ${symbol}, which glibc ${floor} does not have; older headers call the old function`;
  const dependency = o.kind === "dependency" ? `, a version of ${o.package ?? "the package"} that does not call it,` : "";
  return `${symbol} is new in glibc ${added.version} (no version at or below ${floor}): guard the call for older glibc${dependency} or raise the floor to ${added.version}`;
}

// src/domain/explain/functions.ts
var C_SUFFIX = /^[A-Za-z_$][\w$]*(?:\.(?:part|isra|constprop|cold|lto_priv|localalias|clone|llvm)(?:\.\d+)?|\.\d+)*$/;
function isCName(name) {
  return name !== "" && C_SUFFIX.test(name);
}
var GO_CGO_VAR = /^(.+)\._cgo_([0-9a-f]{12})_/;
var ELSEWHERE = /\.cold|^main$|^_GLOBAL__sub_[ID]_/;
var UNSIZED = 4096;
function functionMap(symbols) {
  const objects = [];
  const cgoPackages = /* @__PURE__ */ new Map();
  const raw = [];
  let object = -1;
  for (const s of symbols) {
    if (s.type === STT_FILE) {
      objects.push({ file: s.name, start: Infinity, end: -Infinity });
      object = objects.length - 1;
      continue;
    }
    if (s.type === STT_OBJECT) {
      const m = GO_CGO_VAR.exec(s.name);
      if (m?.[1] !== void 0 && m[2] !== void 0) cgoPackages.set(m[2], m[1]);
      continue;
    }
    if (s.type !== STT_FUNC || s.shndx === 0 || !isCName(s.name)) continue;
    const local = s.file !== null;
    raw.push({
      name: s.name,
      start: s.value,
      end: s.value + s.size,
      file: local ? s.file : null,
      object: local ? object : -1
    });
    const o = objects[object];
    if (local && o !== void 0 && s.size > 0 && !ELSEWHERE.test(s.name)) {
      o.start = Math.min(o.start, s.value);
      o.end = Math.max(o.end, s.value + s.size);
    }
  }
  const functions = raw.sort((a, b) => a.start - b.start);
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i];
    if (f === void 0 || f.end > f.start) continue;
    let j = i + 1;
    while ((functions[j]?.start ?? Infinity) <= f.start) j++;
    f.end = Math.min(functions[j]?.start ?? Infinity, f.start + UNSIZED);
  }
  placeGlobals(functions, objects);
  return { functions, objects, cgoPackages };
}
function placeGlobals(functions, objects) {
  const spans = objects.map((o, i) => ({ ...o, i })).filter((o) => o.end > o.start).sort((a, b) => a.start - b.start);
  const reach = [];
  spans.forEach((s, k) => reach.push(Math.max(reach[k - 1] ?? -Infinity, s.end)));
  for (const f of functions) {
    if (f.object >= 0) continue;
    let k = lastAtOrBefore(spans, f.start);
    const holders = [];
    for (; k >= 0 && (reach[k] ?? -Infinity) > f.start; k--) {
      const s = spans[k];
      if (s !== void 0 && f.start < s.end) holders.push(s.i);
    }
    const [only] = holders;
    if (holders.length === 1 && only !== void 0) {
      f.object = only;
      f.file = objects[only]?.file ?? null;
    }
  }
}
function lastAtOrBefore(spans, address) {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if ((spans[mid]?.start ?? Infinity) <= address) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
function functionAt(map, address) {
  const fs = map.functions;
  let lo = 0;
  let hi = fs.length - 1;
  let best = null;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const f = fs[mid];
    if (f === void 0) break;
    if (f.start <= address) {
      best = f;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best === null || address >= best.end) return null;
  return best;
}
function cCodeRanges(map, gap = 64) {
  const out = [];
  for (const f of map.functions) {
    const last = out.at(-1);
    if (last !== void 0 && f.start <= last.end + gap) last.end = Math.max(last.end, f.end);
    else out.push({ start: f.start, end: f.end });
  }
  return out;
}
function objectPackage(map, object) {
  const o = map.objects[object];
  if (o === void 0) return null;
  for (const f of map.functions) {
    if (f.start < o.start || f.start >= o.end) continue;
    const hash = /^_cgo_([0-9a-f]{12})_C2?func_/.exec(f.name)?.[1];
    const pkg = hash === void 0 ? void 0 : map.cgoPackages.get(hash);
    if (pkg !== void 0) return pkg;
  }
  return null;
}

// src/domain/explain/origins.ts
var START_FILES = /^(?:S|r|g|M|gcrt)?crt[1in]\.o$|^crt(?:begin|end)[ST]?\.o$|^crtstuff\.c$/;
var START_FUNCTIONS = {
  _start: "crt1.o",
  _init: "crti.o",
  _fini: "crti.o",
  __libc_csu_init: "crt1.o",
  __libc_csu_fini: "crt1.o"
};
var CGO_WRAPPER = /^_cgo_[0-9a-f]{12}_C2?func_(.+)$/;
var RUNTIME_CGO_NAME = /^(?:x_cgo_|_cgo_|crosscall|threadentry$)/;
var RUNTIME_CGO_FILE = /^(?:gcc_\w+\.[cS]|linux_syscall\.c)$/;
var STD_CGO = {
  net: "net (cgo resolver)",
  "os/user": "os/user (cgo user and group lookups)",
  plugin: "plugin (dlopen)",
  "runtime/cgo": "runtime/cgo"
};
function originOf(f, go) {
  const start = START_FUNCTIONS[f.name] ?? (f.file !== null && START_FILES.test(f.file) ? f.file : null);
  if (start !== null)
    return { kind: "start-files", source: `${start} (C start files)`, function: f.name };
  const wrapper = CGO_WRAPPER.exec(f.name);
  const pkg = go.packageOf(f);
  if (wrapper?.[1] !== void 0) {
    const call = `C.${wrapper[1]}`;
    return { ...packageOrigin(pkg, go), function: f.name, cgoCall: call };
  }
  if (RUNTIME_CGO_NAME.test(f.name) || f.file !== null && RUNTIME_CGO_FILE.test(f.file))
    return { kind: "runtime-cgo", source: "runtime/cgo", package: "runtime/cgo", function: f.name };
  if (pkg !== null) return { ...packageOrigin(pkg, go), function: f.name };
  const where = f.file === null ? "" : ` in ${f.file}`;
  return { kind: "c-code", source: `C code${where}`, function: f.name };
}
function packageOrigin(pkg, go) {
  if (pkg === null)
    return { kind: "unknown", source: "cgo code of a package .symtab does not name" };
  const std = STD_CGO[pkg];
  if (std !== void 0) return { kind: "go-std", source: std, package: pkg };
  const path = pkg === "main" ? go.mainPath ?? "the main package" : pkg;
  const mine = pkg === "main" || go.module !== null && (pkg === go.module || pkg.startsWith(`${go.module}/`));
  if (mine) return { kind: "your-code", source: `your cgo code in ${path}`, package: path };
  return { kind: "dependency", source: pkg, package: pkg };
}
function describe(o) {
  switch (o.kind) {
    case "your-code":
      return `your cgo code (${o.cgoCall ?? o.function ?? "?"} in ${o.package ?? "?"})`;
    case "dependency":
      return `${o.package ?? "?"} (${o.cgoCall ?? o.function ?? "?"}, a dependency's cgo code)`;
    default:
      if (o.function === void 0) return o.source;
      return o.source.endsWith(")") ? `${o.source.slice(0, -1)}, ${o.function})` : `${o.source} (${o.function})`;
  }
}

// src/domain/explain/known-callers.ts
function goNames(text) {
  const all = text.startsWith("\0") ? text : `\0${text}`;
  return {
    has: (prefix) => all.includes(`\0${prefix}`),
    wrappersOf: (symbol) => {
      const out = /* @__PURE__ */ new Set();
      for (const kind of ["_Cfunc_", "_C2func_"]) {
        const tail = `.${kind}${symbol}\0`;
        for (let at = all.indexOf(tail); at >= 0; at = all.indexOf(tail, at + 1)) {
          const begin = all.lastIndexOf("\0", at) + 1;
          if (begin < at) out.add(all.slice(begin, at));
        }
      }
      return [...out].sort();
    }
  };
}
var KNOWN = [
  {
    package: "runtime/cgo",
    source: "runtime/cgo",
    evidence: ["runtime/cgo."],
    symbols: /* @__PURE__ */ new Set([
      "pthread_create",
      "pthread_attr_init",
      "pthread_attr_destroy",
      "pthread_attr_getstacksize",
      "pthread_attr_getstack",
      "pthread_getattr_np",
      "pthread_sigmask",
      "pthread_detach",
      "pthread_key_create",
      "pthread_setspecific",
      "pthread_mutex_lock",
      "pthread_mutex_unlock",
      "pthread_cond_wait",
      "pthread_cond_broadcast",
      "sigfillset",
      "sigaction",
      "setenv",
      "unsetenv",
      "clearenv",
      "mmap",
      "munmap",
      "nanosleep"
    ])
  },
  {
    package: "net",
    source: "net (cgo resolver)",
    evidence: ["net._C2func_", "net._Cfunc_"],
    symbols: /* @__PURE__ */ new Set([
      "getaddrinfo",
      "freeaddrinfo",
      "gai_strerror",
      "getnameinfo",
      "res_search",
      "res_nsearch",
      "res_ninit",
      "res_nclose",
      "__res_search",
      "__res_nsearch",
      "__res_ninit",
      "__res_nclose"
    ])
  },
  {
    package: "os/user",
    source: "os/user (cgo user and group lookups)",
    evidence: ["os/user._C2func_", "os/user._Cfunc_"],
    symbols: /* @__PURE__ */ new Set([
      "getpwnam_r",
      "getpwuid_r",
      "getgrnam_r",
      "getgrgid_r",
      "getgrouplist",
      "sysconf"
    ])
  }
];
function originsByName(symbol, names, go) {
  if (symbol === "__libc_start_main")
    return [{ kind: "start-files", source: "crt1.o (C start files)", function: "_start" }];
  if (names === null) return [];
  const out = [];
  for (const pkg of names.wrappersOf(symbol))
    out.push({ ...packageOrigin(pkg, go), cgoCall: `C.${symbol}` });
  if (out.length > 0) return out;
  for (const k of KNOWN) {
    if (!k.symbols.has(symbol) || !k.evidence.some((e) => names.has(e))) continue;
    out.push({
      kind: k.package === "runtime/cgo" ? "runtime-cgo" : "go-std",
      source: k.source,
      package: k.package
    });
  }
  return out;
}

// src/domain/explain/explain.ts
var TABLE_MAX = 128 * 1024 * 1024;
function codeArchOf(facts) {
  if (facts.class !== "ELF64") return null;
  if (facts.machine === "Advanced Micro Devices X86-64") return "x86-64";
  if (facts.machine === "AArch64") return "arm64";
  return null;
}
function explainSymbols(input) {
  const { facts, read: read2 } = input;
  const sections = facts.layout.sections.filter((s) => s.type !== "NOBITS" && s.size > 0);
  const section = (name) => sections.find((s) => s.name === name);
  const bytesOf = (s) => read2(s.offset, Math.min(s.size, TABLE_MAX));
  const is64 = facts.class === "ELF64";
  const le = facts.endian === "little";
  const symtab = section(".symtab");
  const strtab = section(".strtab");
  const symbols = symtab === void 0 || strtab === void 0 ? null : readSymbols({ symtab: bytesOf(symtab), strtab: bytesOf(strtab), is64, littleEndian: le });
  const pclntab = section(".gopclntab");
  let decoded;
  const names = () => decoded ??= pclntab !== void 0 ? goNames(new TextDecoder("latin1").decode(bytesOf(pclntab))) : symbols === null ? null : goNames(symbols.map((s) => s.name).join("\0"));
  const build = facts.goBuild;
  const go = {
    mainPath: build === null || build.path === "" ? null : build.path,
    module: build === null || build.module === "" ? null : build.module
  };
  const arch = codeArchOf(facts);
  let map = null;
  let sites = /* @__PURE__ */ new Map();
  if (symbols !== null && arch !== null) {
    map = functionMap(symbols);
    sites = callSitesOf(arch, map, sections, read2, input.wanted, is64, le);
  }
  const packages = /* @__PURE__ */ new Map();
  const context = {
    ...go,
    packageOf: (f) => {
      const hash = /^_cgo_([0-9a-f]{12})_C2?func_/.exec(f.name)?.[1];
      const named2 = hash === void 0 ? void 0 : map?.cgoPackages.get(hash);
      if (named2 !== void 0) return named2;
      if (map === null || f.object < 0) return null;
      if (!packages.has(f.object)) packages.set(f.object, objectPackage(map, f.object));
      return packages.get(f.object) ?? null;
    }
  };
  const entries = [];
  const addresses = /* @__PURE__ */ new Map();
  for (const { symbol, version } of input.wanted) {
    const found = /* @__PURE__ */ new Map();
    for (const site of sites.get(symbol) ?? []) {
      const f = map === null ? null : functionAt(map, site.address);
      if (f === null) continue;
      const o = originOf(f, context);
      found.set(describe(o), o);
      const key = `${symbol}\0${describe(o)}`;
      addresses.set(key, [...addresses.get(key) ?? [], site.address]);
    }
    let origins = [...found.values()];
    if (origins.length === 0) origins = originsByName(symbol, names(), go);
    if (origins.length === 0) origins = [unknown(symbols !== null && arch !== null)];
    for (const o of sortOrigins(origins)) {
      const fix = fixFor(o, symbol, version, input);
      const detail = o.cgoCall ?? o.function;
      entries.push({
        symbol,
        version,
        from: describe(o),
        source: o.source,
        kind: o.kind,
        ...o.package === void 0 ? {} : { package: o.package },
        ...detail === void 0 ? {} : { detail },
        ...fix === void 0 ? {} : { fix }
      });
    }
  }
  const named = pclntab !== void 0 || symbols !== null;
  return { entries, note: noteFor(symbols !== null, arch, facts.machine, named), sites: addresses };
}
function unknown(read2) {
  return {
    kind: "unknown",
    source: read2 ? "no direct call in the C code (a function pointer?)" : "an unnamed caller"
  };
}
var KIND_ORDER = [
  "start-files",
  "runtime-cgo",
  "go-std",
  "your-code",
  "dependency",
  "c-code",
  "unknown"
];
function sortOrigins(origins) {
  return [...origins].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || describe(a).localeCompare(describe(b))
  );
}
function noteFor(hasSymtab, arch, machine, goNamesRead) {
  const packages = goNamesRead ? "; the Go packages are named from Go's function table (.gopclntab)" : "";
  if (!hasSymtab)
    return `callers cannot be named: the binary is stripped (no .symtab names the functions that call them)${packages}`;
  if (arch === null)
    return `callers are named only in x86-64 and arm64 code, and this is ${machine}${packages}`;
  return null;
}
function callSitesOf(arch, map, sections, read2, wanted, is64, le) {
  const dynsym = sections.find((s) => s.name === ".dynsym");
  const dynstr = sections.find((s) => s.name === ".dynstr");
  if (dynsym === void 0 || dynstr === void 0) return /* @__PURE__ */ new Map();
  const dyn = readSymbols({
    symtab: read2(dynsym.offset, dynsym.size),
    strtab: read2(dynstr.offset, dynstr.size),
    is64,
    littleEndian: le
  });
  const relocations = sections.filter((s) => /^\.rela?\.(?:plt|dyn)$/.test(s.name)).flatMap(
    (s) => readRelocations(
      read2(s.offset, Math.min(s.size, TABLE_MAX)),
      is64,
      le,
      s.name.startsWith(".rela")
    )
  );
  const text = sections.filter((s) => s.address > 0 && /^\.text|^\.init$|^\.fini$/.test(s.name));
  const inSections = (start, end) => text.flatMap((s) => {
    const from = Math.max(start, s.address);
    const to = Math.min(end, s.address + s.size);
    return from < to ? [{ address: from, bytes: read2(s.offset + (from - s.address), to - from) }] : [];
  });
  const plt = sections.filter((s) => /^\.plt(?:\.sec|\.got)?$|^\.iplt$/.test(s.name)).map((s) => ({ address: s.address, bytes: read2(s.offset, s.size) }));
  const code2 = cCodeRanges(map).flatMap((r) => inSections(r.start, r.end));
  return findCallSites({
    arch,
    plt,
    code: code2,
    slots: slotSymbols(relocations, dyn),
    wanted: new Set(wanted.map((w) => w.symbol))
  });
}

// src/adapters/sysroot-libs.ts
import { readdir, realpath } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/domain/explain/sysroot-libraries.ts
var DYNSYM2 = /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+(\S+)\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)/;
function libraryDefinitions(text) {
  const soname = /\(SONAME\)\s+Library soname: \[([^\]]+)\]/.exec(text)?.[1] ?? null;
  const defined = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const m = DYNSYM2.exec(line);
    if (m?.[1] === void 0 || m[2] === void 0 || m[3] === void 0 || m[4] === void 0)
      continue;
    if (m[3] === "UND" || m[2] === "LOCAL" || !/^(FUNC|OBJECT|IFUNC|TLS|COMMON)$/.test(m[1]))
      continue;
    defined.add(m[4].replace(/@.*$/, ""));
  }
  return { soname, defined: [...defined] };
}
function linkNameOf(file) {
  return /^lib(.+)\.so$/.exec(file)?.[1] ?? null;
}

// src/adapters/sysroot-libs.ts
var SHARED = /^lib.+\.so(\.\d+)*$/;
async function sysrootDefinitions(sysroot, triplet, wanted, readelf = "readelf") {
  const names = /* @__PURE__ */ new Map();
  const root = await realpath(sysroot).catch(() => sysroot);
  for (const dir of [join3(root, "usr", "lib", triplet), join3(root, "lib", triplet)]) {
    const entries = await readdir(dir).catch(() => []);
    for (const name of entries.filter((n) => SHARED.test(n)).sort()) {
      const real = await realpath(join3(dir, name)).catch(() => null);
      if (real === null || !real.startsWith(`${root}/`)) continue;
      names.set(real, [...names.get(real) ?? [], name]);
    }
  }
  const want = new Set(wanted);
  const out = /* @__PURE__ */ new Map();
  for (const [real, aliases] of names) {
    if (want.size === 0) break;
    const r = await runReadelf(readelf, ["-W", "-d", "--dyn-syms"], real).catch(() => null);
    if (r === null || r.exitCode !== 0 || r.toolFailure !== null) continue;
    const { soname, defined } = libraryDefinitions(r.stdout);
    const hits = defined.filter((d) => want.has(d));
    if (hits.length === 0) continue;
    const linkName = aliases.map(linkNameOf).find((l) => l !== null) ?? null;
    const file = soname ?? aliases.find((a) => a !== `lib${linkName ?? ""}.so`) ?? aliases[0] ?? real;
    for (const symbol of hits) {
      out.set(symbol, { file, link: linkName });
      want.delete(symbol);
    }
  }
  return out;
}
async function librarySymbols(sysroot, triplet, soname, readelf = "readelf") {
  if (!SHARED.test(soname) || soname.includes("/")) return null;
  const root = await realpath(sysroot).catch(() => sysroot);
  const dirs = [
    join3(root, "usr", "lib", triplet),
    join3(root, "lib", triplet),
    join3(root, "usr", triplet, "lib")
  ];
  for (const dir of dirs) {
    const real = await realpath(join3(dir, soname)).catch(() => null);
    if (real === null || !real.startsWith(`${root}/`)) continue;
    const r = await runReadelf(readelf, ["-W", "-d", "--dyn-syms"], real).catch(() => null);
    if (r === null || r.exitCode !== 0 || r.toolFailure !== null) continue;
    return new Set(libraryDefinitions(r.stdout).defined);
  }
  return null;
}

// src/domain/explain/link-explain.ts
var SHOWN2 = 4;
function explainLink(undefs, floor, history, sysroot = /* @__PURE__ */ new Map()) {
  if (undefs.length === 0) return null;
  const sorted2 = [...undefs].sort((a, b) => b.count - a.count || a.symbol.localeCompare(b.symbol));
  const symbols = sorted2.map((u) => placeOne(u, floor, history, sysroot.get(u.symbol)));
  const groups = /* @__PURE__ */ new Map();
  for (const s of symbols) {
    const key = `${s.why}
${s.fix}`;
    groups.set(key, [...groups.get(key) ?? [], s]);
  }
  const lines = [...groups.values()].map((group) => {
    const names = group.map((s) => s.symbol);
    const more = names.length > SHOWN2 ? ` and ${names.length - SHOWN2} more` : "";
    const from = [...new Set(group.flatMap((s) => s.from.map(objectOf)))].slice(0, 2);
    const first = group[0];
    const referenced = from.length === 0 ? "" : `; referenced from ${from.join(", ")}`;
    return `${names.slice(0, SHOWN2).join(", ")}${more}: ${first?.why ?? ""}${referenced}. Fix: ${first?.fix ?? ""}`;
  });
  return { symbols, lines };
}
function objectOf(from) {
  return from.replace(/ \([^()]*\)$/, "").replace(/\([^()]*\)/, "");
}
function placeOne(u, floor, history, library) {
  const base = { symbol: u.symbol, from: u.from };
  const placed = history === null ? null : addedIn(history, u.symbol);
  if (placed === null && library !== void 0)
    return { ...base, addedIn: null, ...notLinked(library) };
  if (placed === null)
    return {
      ...base,
      addedIn: null,
      why: "not in this machine's glibc, libstdc++ or libgcc",
      fix: "add the library that defines it to the link (-l\u2026), and its development package for the target to the sysroot"
    };
  const floorText = floor ?? "the floor";
  return {
    ...base,
    addedIn: placed.label,
    ...placed.prefix === "GLIBC" ? glibcWhy(placed, floorText) : cxxWhy(placed, floor)
  };
}
function notLinked(lib) {
  if (lib.link === null)
    return {
      why: `in ${lib.file} of the sysroot, which has no link-time library (lib\u2026.so) to name it by`,
      fix: `add the -dev package of ${lib.file} to packages, then -l for it to the link`
    };
  return {
    why: `in ${lib.file} of the sysroot, which the link does not name`,
    fix: `add -l${lib.link}: ${lib.file} in the sysroot defines them (CGO_LDFLAGS="-l${lib.link}" for the build, or #cgo LDFLAGS: -l${lib.link} in the Go file)`
  };
}
function glibcWhy(p, floor) {
  if (floor !== "the floor" && compareDotted(p.version, floor) <= 0)
    return {
      why: `in glibc since ${p.version}, so glibc ${floor} has it: the link misses the library that defines it`,
      fix: "before glibc 2.34 the thread, dl, rt, util and anl functions live in their own libraries: add -lpthread, -ldl, -lrt, -lutil or -lanl"
    };
  return {
    why: `new in ${p.label}, not in the floor's sysroot (glibc ${floor})`,
    fix: `raise the floor to ${p.version}, build the code that calls it from source against glibc ${floor}, or drop that dependency`
  };
}
var CXX_PREFIXES = ["GLIBCXX", "CXXABI", "GCC"];
var isCxxPrefix = (prefix) => CXX_PREFIXES.includes(prefix);
function cxxWhy(p, floor) {
  const prefix = p.prefix;
  const row = floor === null || !isCxxPrefix(prefix) ? null : cxxFloorFor(floor);
  const has = row === null || !isCxxPrefix(prefix) ? "" : `, not in the floor's C++ runtime (${row.distros}: ${prefix}_${row[prefix]})`;
  const up = cxxFloorWith(prefix, p.version);
  const raise = up === null ? "" : `, raise the floor to one whose C++ runtime has it (glibc ${up.glibc} or above: ${up.distros})`;
  return {
    why: `new in ${p.label}${has}: that code was compiled by a newer compiler`,
    fix: `build that code with the floor's compiler${raise}, or drop that dependency`
  };
}

// src/steps/explain.ts
var EXPLAINED = /* @__PURE__ */ new Set(["glibc-version", "library-versions"]);
var wantsExplaining = (f) => EXPLAINED.has(f.rule) && (f.symbols?.length ?? 0) > 0;
async function explainAll(results, floor, readelf) {
  const explained = results.map((r) => {
    if (r === null || r.facts === null || !r.findings.some(wantsExplaining)) return null;
    const facts = r.facts;
    const names = new Set(r.findings.filter(wantsExplaining).flatMap((f) => f.symbols ?? []));
    const wanted = facts.symbolVersions.filter((s) => names.has(s.symbol));
    try {
      return withFileBytes(
        r.path,
        (read2) => explainSymbols({ facts, read: read2, wanted, floor, history: null })
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { entries: [], note: `callers could not be read: ${why}` };
    }
  });
  const all = explained.flatMap((e) => e?.entries ?? []);
  const history = all.some((e) => fixNeedsHistory(e, e.version, floor)) ? await hostSymbolHistory(readelf) : null;
  return results.map((r, i) => {
    const e = explained[i];
    if (r === null || e === null || e === void 0) return r;
    const entries = history === null ? e.entries : e.entries.map((x) => refix(x, floor, history));
    return { ...r, findings: r.findings.map((f) => withExplanation(f, { ...e, entries })) };
  });
}
function refix(e, floor, history) {
  if (!fixNeedsHistory(e, e.version, floor)) return e;
  const fix = fixFor(e, e.symbol, e.version, { floor, history });
  const rest = { ...e };
  delete rest.fix;
  return fix === void 0 ? rest : { ...rest, fix };
}
function withExplanation(f, e) {
  if (!wantsExplaining(f)) return f;
  const symbols = new Set(f.symbols);
  const entries = e.entries.filter((x) => symbols.has(x.symbol));
  return {
    ...f,
    ...entries.length === 0 ? {} : { explain: entries },
    ...e.note === null ? {} : { explainNote: e.note }
  };
}
async function explainLinkFailure(symbols, floor, readelf = "readelf", sysroot = null) {
  if (symbols.length === 0) return null;
  const history = await hostSymbolHistory(readelf, { cxx: true });
  const unplaced = symbols.map((s) => s.symbol).filter((s) => addedIn(history, s) === null);
  const defined = sysroot === null || unplaced.length === 0 ? /* @__PURE__ */ new Map() : await sysrootDefinitions(sysroot.dir, sysroot.triplet, unplaced, readelf);
  return explainLink(symbols, floor, history, defined);
}

// src/domain/elf/verneed.ts
function emptyDumps() {
  return { bytes: null, strings: /* @__PURE__ */ new Map() };
}
var HEX_LINE = /^\s+0x[0-9a-f]+ (.{1,35})/;
var STRING_LINE = /^\s+\[\s*([0-9a-f]+)\]\s\s(.*)$/;
function readHexLine(line, dumps) {
  const m = HEX_LINE.exec(line);
  if (m?.[1] === void 0) return;
  const hex2 = m[1].replace(/ /g, "");
  dumps.bytes ??= [];
  for (let i = 0; i + 1 < hex2.length; i += 2) dumps.bytes.push(parseInt(hex2.slice(i, i + 2), 16));
}
function readStringLine(line, dumps) {
  const m = STRING_LINE.exec(line);
  if (m?.[1] === void 0 || m[2] === void 0) return;
  dumps.strings.set(parseInt(m[1], 16), m[2]);
}
function stringAt2(strings, sorted2, offset) {
  const exact = strings.get(offset);
  if (exact !== void 0) return exact;
  let lo = 0;
  let hi = sorted2.length - 1;
  let start = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const at = sorted2[mid] ?? 0;
    if (at <= offset) {
      start = at;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const text = strings.get(start);
  return text !== void 0 && offset - start < text.length ? text.slice(offset - start) : "";
}
var MAX_ENTRIES = 4096;
var VER_FLG_WEAK2 = 2;
function decodeVerneed(dumps, littleEndian) {
  const bytes = dumps.bytes ?? [];
  const u16 = (at2) => littleEndian ? (bytes[at2] ?? 0) | (bytes[at2 + 1] ?? 0) << 8 : (bytes[at2] ?? 0) << 8 | (bytes[at2 + 1] ?? 0);
  const u32 = (at2) => littleEndian ? (u16(at2) | u16(at2 + 2) << 16) >>> 0 : (u16(at2) << 16 | u16(at2 + 2)) >>> 0;
  const fits = (at2) => at2 >= 0 && at2 + 16 <= bytes.length;
  const sorted2 = [...dumps.strings.keys()].sort((a, b) => a - b);
  const name = (offset) => stringAt2(dumps.strings, sorted2, offset);
  const needs2 = [];
  const entries = [];
  let at = 0;
  let steps = 0;
  while (bytes.length > 0) {
    if (!fits(at) || ++steps > MAX_ENTRIES)
      return { error: "the version needs chain (vn_next) leaves .gnu.version_r" };
    const file = name(u32(at + 4));
    const entry2 = { file, count: u16(at + 2), listed: 0 };
    entries.push(entry2);
    let aux = at + u32(at + 8);
    for (; ; ) {
      if (!fits(aux) || ++steps > MAX_ENTRIES)
        return { error: `the version needs chain of ${file} (vna_next) leaves .gnu.version_r` };
      needs2.push({ file, name: name(u32(aux + 8)), weak: (u16(aux + 4) & VER_FLG_WEAK2) !== 0 });
      entry2.listed++;
      const next2 = u32(aux + 12);
      if (next2 === 0) break;
      aux += next2;
    }
    const next = u32(at + 12);
    if (next === 0) break;
    at += next;
  }
  return { needs: needs2, entries };
}

// src/domain/elf/readelf-lines.ts
var SECTION_LINE = /^\s*\[\s*\d+\]\s+(\S*)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s/;
function readSectionLine(line, sections) {
  const m = SECTION_LINE.exec(line);
  const [, name, type, address, offset, size] = m ?? [];
  if (name === void 0 || type === void 0 || address === void 0 || offset === void 0 || size === void 0)
    return;
  sections.push({
    name,
    type,
    address: parseInt(address, 16),
    offset: parseInt(offset, 16),
    size: parseInt(size, 16)
  });
}
var SEGMENT_LINE = /^\s+([A-Z_0-9+]+|LOOS\+0x[0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s/;
function readProgramLine(line, facts) {
  const interp = /\[Requesting program interpreter: (.*)\]$/.exec(line);
  if (interp?.[1] !== void 0) {
    facts.interpreter = interp[1];
    return;
  }
  const m = SEGMENT_LINE.exec(line);
  if (m?.[1] === void 0 || m[2] === void 0 || m[3] === void 0) return;
  const segment = {
    type: m[1],
    offset: parseInt(m[2], 16),
    fileSize: parseInt(m[3], 16)
  };
  facts.layout.segments.push(segment);
  if (m[1] === "GNU_RELRO") facts.marks.gnuRelro = true;
  if (m[1] === "GNU_STACK")
    facts.marks.gnuStack = (/\s([RWE ]+?)\s+0x[0-9a-f]+\s*$/.exec(line)?.[1] ?? "").trim();
}
function bracketed(line) {
  const open = line.indexOf("[");
  const close = line.lastIndexOf("]");
  return open >= 0 && close > open ? line.slice(open + 1, close) : "";
}
function readDynamicLine(line, facts) {
  const tag = /\(([A-Z_0-9]+)\)/.exec(line)?.[1];
  switch (tag) {
    case "NEEDED":
      facts.needed.push(bracketed(line));
      break;
    case "RPATH":
      facts.rpath.push(...bracketed(line).split(":"));
      break;
    case "RUNPATH":
      facts.runpath.push(...bracketed(line).split(":"));
      break;
    case "FLAGS_1":
      if (/\bPIE\b/.test(line)) facts.pie = true;
      if (/\bNOW\b/.test(line)) facts.marks.bindNow = true;
      break;
    case "FLAGS":
      if (/\bBIND_NOW\b/.test(line)) facts.marks.bindNow = true;
      break;
    case "BIND_NOW":
      facts.marks.bindNow = true;
      break;
    case "VERNEED":
      facts.layout.dynamicVerneedAddress = leadingInt(line.slice(line.indexOf(")") + 1).trim());
      break;
    case "VERNEEDNUM":
      facts.layout.dynamicVerneedCount = leadingInt(line.slice(line.indexOf(")") + 1).trim());
      break;
    default:
      break;
  }
}
function readDynsymLine(line, out) {
  const und = line.indexOf(" UND ");
  if (und < 0) return;
  const rest = line.slice(und + 5).trim();
  const at = rest.indexOf("@");
  const weak = /\sWEAK\s/.test(line.slice(0, und)) ? { weak: true } : {};
  if (at < 0) {
    const symbol2 = rest.split(" ")[0] ?? "";
    if (symbol2 !== "") out.push({ symbol: symbol2, version: "", ...weak });
    return;
  }
  if (at === 0) return;
  const symbol = rest.slice(0, at);
  const version = rest.slice(at + 1).replace(/^@/, "").split(" ")[0] ?? "";
  if (version.length > 0) out.push({ symbol, version, ...weak });
}
function readVerneedLine(line, currentFile, facts) {
  const entries = facts.layout.verneedEntries;
  const file = /\bFile: (\S+)(?:\s+Cnt: (\d+))?/.exec(line);
  if (file?.[1] !== void 0) {
    entries.push({ file: file[1], count: Number(file[2] ?? 0), listed: 0 });
    return file[1];
  }
  const need2 = /\bName: (\S+)\s+Flags: (.*?)\s+Version:/.exec(line);
  if (need2?.[1] !== void 0 && need2[2] !== void 0) {
    facts.versionNeeds.push({ file: currentFile, name: need2[1], weak: need2[2].includes("WEAK") });
    const entry2 = entries.at(-1);
    if (entry2 !== void 0) entry2.listed++;
  }
  return currentFile;
}
function readNoteLine(line, facts) {
  const tag = /OS: Linux, ABI: (\d+(?:\.\d+)*)/.exec(line);
  if (tag?.[1] !== void 0) facts.abiTag = tag[1];
  facts.marks.features.push(...featuresOfNoteLine(line));
  const isa = line.indexOf("x86 ISA needed: ");
  if (isa >= 0) {
    for (const token of line.slice(isa + 16).split(/,\s*/)) {
      const level = token.trim();
      if (!/^x86-64-(baseline|v\d)$/.test(level)) break;
      facts.isaNeeded.push(level);
    }
  }
}
function leadingInt(text) {
  if (text === void 0) return 0;
  const m = /^(0x[0-9a-fA-F]+|\d+)/.exec(text);
  return m?.[1] === void 0 ? 0 : Number(m[1]);
}

// src/domain/elf/readelf.ts
var BLOCK_STARTS = [
  ["ELF Header:", "header"],
  ["Section Headers:", "sections"],
  ["Program Headers:", "program"],
  [" Section to Segment mapping:", "none"],
  ["Dynamic section at offset", "dynamic"],
  ["Symbol table '.dynsym'", "dynsym"],
  ["Symbol table", "none"],
  // Any name: the loader finds version needs by DT_VERNEED, whatever the section is called.
  ["Version needs section ", "verneed"],
  ["Version symbols section", "none"],
  ["Version definition section", "none"],
  ["Displaying notes found", "notes"],
  ["Hex dump of section '.gnu.version_r'", "hexdump"],
  ["String dump of section '.dynstr'", "strdump"],
  ["Key to Flags:", "none"]
];
var GO_SECTIONS = /* @__PURE__ */ new Set([".go.buildinfo", ".gopclntab", ".go.module", ".note.go.buildid"]);
function parseReadelf(text) {
  const facts = emptyFacts();
  const header = /* @__PURE__ */ new Map();
  const dumps = emptyDumps();
  let block = "none";
  let currentFile = "";
  for (const line of text.split("\n")) {
    if (line.length === 0) continue;
    const first = line.charCodeAt(0);
    if (first !== 32 || line.startsWith(" Section to Segment")) {
      const next = BLOCK_STARTS.find(([prefix]) => line.startsWith(prefix));
      if (next !== void 0) {
        block = next[1];
        continue;
      }
      if (line.startsWith("There is no dynamic section")) facts.hasDynamicSection = false;
    }
    switch (block) {
      case "header":
        readHeaderLine(line, header);
        break;
      case "sections":
        readSectionLine(line, facts.layout.sections);
        break;
      case "program":
        readProgramLine(line, facts);
        break;
      case "dynamic":
        facts.hasDynamicSection = true;
        readDynamicLine(line, facts);
        break;
      case "dynsym":
        readDynsymLine(line, facts.symbolVersions);
        break;
      case "verneed":
        currentFile = readVerneedLine(line, currentFile, facts);
        break;
      case "notes":
        readNoteLine(line, facts);
        break;
      case "hexdump":
        readHexLine(line, dumps);
        break;
      case "strdump":
        readStringLine(line, dumps);
        break;
      case "none":
        break;
    }
  }
  applyHeader(header, facts);
  if (facts.layout.verneedEntries.length > 0) facts.layout.verneedFrom = "version-info";
  else if (dumps.bytes !== null) {
    const decoded = decodeVerneed(dumps, facts.endian !== "big");
    facts.layout.verneedFrom = "dump";
    if ("error" in decoded) facts.layout.verneedProblem = decoded.error;
    else {
      facts.versionNeeds = decoded.needs;
      facts.layout.verneedEntries = decoded.entries;
    }
  }
  facts.goBinary = facts.layout.sections.some((s) => GO_SECTIONS.has(s.name));
  facts.versions = highestVersions(facts.versionNeeds);
  return facts;
}
function emptyFacts() {
  return {
    class: "",
    endian: "unknown",
    machine: "",
    osabi: "",
    type: "",
    flags: "",
    floatAbi: null,
    goBinary: false,
    interpreter: null,
    hasDynamicSection: false,
    needed: [],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [],
    versions: {},
    symbolVersions: [],
    abiTag: null,
    isaNeeded: [],
    warnings: [],
    marks: emptyMarks(),
    layout: {
      sectionHeaderOffset: 0,
      sectionHeaderSize: 0,
      sectionHeaderCount: 0,
      programHeaderOffset: 0,
      programHeaderSize: 0,
      programHeaderCount: 0,
      sections: [],
      segments: [],
      dynamicVerneedCount: null,
      dynamicVerneedAddress: null,
      verneedEntries: [],
      verneedFrom: null,
      verneedProblem: null
    }
  };
}
function readHeaderLine(line, header) {
  const colon = line.indexOf(":");
  if (colon < 0) return;
  const key = line.slice(0, colon).trim();
  if (!header.has(key)) header.set(key, line.slice(colon + 1).trim());
}
function applyHeader(header, facts) {
  facts.class = header.get("Class") ?? "";
  const data = header.get("Data") ?? "";
  facts.endian = data.includes("little endian") ? "little" : data.includes("big endian") ? "big" : "unknown";
  facts.machine = header.get("Machine") ?? "";
  facts.osabi = header.get("OS/ABI") ?? "";
  facts.type = (header.get("Type") ?? "").split(" ")[0] ?? "";
  facts.flags = header.get("Flags") ?? "";
  if (facts.flags.includes("hard-float ABI")) facts.floatAbi = "hard";
  else if (facts.flags.includes("soft-float ABI")) facts.floatAbi = "soft";
  const layout = facts.layout;
  layout.sectionHeaderOffset = leadingInt(header.get("Start of section headers"));
  layout.sectionHeaderSize = leadingInt(header.get("Size of section headers"));
  layout.sectionHeaderCount = leadingInt(header.get("Number of section headers"));
  layout.programHeaderOffset = leadingInt(header.get("Start of program headers"));
  layout.programHeaderSize = leadingInt(header.get("Size of program headers"));
  layout.programHeaderCount = leadingInt(header.get("Number of program headers"));
}

// src/domain/elf/readelf-output.ts
var ABSENT_DUMP = /Warning: Section '(\.gnu\.version_r|\.dynstr)' was not dumped because it does not exist/;
var HARMLESS = [
  // annobin's build-attribute notes (Red Hat and Fedora gcc, manylinux images; Node.js's own
  // builds): readelf checks that they cover the code, which says nothing of the ABI.
  /^Warning: Gap in build notes detected from /
];
function classifyWarnings(stderr) {
  const blocking = [];
  const shown = /* @__PURE__ */ new Set();
  for (const raw of stderr.split("\n")) {
    if (!raw.includes("Warning:") || ABSENT_DUMP.test(raw)) continue;
    const line = raw.replace(/^readelf: /, "").trim();
    if (HARMLESS.some((pattern) => pattern.test(line))) shown.add(line.replace(/^Warning: /, ""));
    else blocking.push(line);
  }
  return { blocking, shown: [...shown] };
}
function stderrOfNote(stderr) {
  return stderr.split("\n").some((line) => line.trim() !== "" && !ABSENT_DUMP.test(line));
}
function splitByFile(stdout, paths) {
  if (paths.length === 1) return [stdout];
  const bounds = [];
  let from = 0;
  for (const path of paths) {
    if (path.includes("\n")) return null;
    const marker = `
File: ${path}
`;
    const at = stdout.indexOf(marker, from);
    if (at < 0) return null;
    from = at + marker.length;
    bounds.push({ at, start: from });
  }
  return bounds.map(({ start }, i) => stdout.slice(start, bounds[i + 1]?.at ?? stdout.length));
}

// src/domain/elf/readelf-views.ts
var READELF_ARGS = ["-h", "-l", "-S", "-d", "-V", "-n", "-W", "--dyn-syms"];
var READELF_FAST_ARGS = [
  "-h",
  "-l",
  "-S",
  "-d",
  "-n",
  "-W",
  "-x",
  ".gnu.version_r",
  "-p",
  ".dynstr"
];
var READELF_DYNSYM_ARGS = ["-W", "--dyn-syms"];

// src/steps/read-facts.ts
var BATCH_FILES = 64;
var BATCH_BYTES = 128 * 1024 * 1024;
function batches(files, concurrency) {
  const perWorker = Math.ceil(files.length / Math.max(1, concurrency));
  const limit = Math.max(1, Math.min(BATCH_FILES, perWorker));
  const out = [];
  let current = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= limit || bytes + file.size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file.path);
    bytes += file.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
async function perFile(files, o, args, clean, one) {
  const out = /* @__PURE__ */ new Map();
  await mapLimit(batches(files, o.concurrency), o.concurrency, async (batch) => {
    const texts = batch.length > 1 ? await batchTexts(batch, o, args) : null;
    await Promise.all(
      batch.map(async (path, i) => {
        const text = texts?.[i];
        out.set(path, (text === void 0 ? null : clean(text)) ?? await one(path));
      })
    );
  });
  return out;
}
async function batchTexts(batch, o, args) {
  const timeout = o.timeoutMs === void 0 ? void 0 : o.timeoutMs * batch.length;
  const out = await runReadelf(o.readelf, args, batch, timeout);
  if (out.toolFailure !== null || out.exitCode !== 0 || stderrOfNote(out.stderr)) return null;
  return splitByFile(out.stdout, batch);
}
async function readAllFacts(files, o) {
  return perFile(files, o, READELF_FAST_ARGS, fromFast, (path) => readFacts(path, o));
}
function fromFast(text) {
  if (!text.startsWith("ELF Header:")) return null;
  const parsed = parseReadelf(text);
  return needsFullView(parsed) ? null : { facts: parsed };
}
function needsFullView(parsed) {
  const { dynamicVerneedCount: declared, verneedFrom, verneedProblem } = parsed.layout;
  const unaccounted = verneedFrom === null && declared !== null && declared > 0;
  return verneedProblem !== null || unaccounted;
}
async function readFacts(path, o) {
  const fast = await runReadelf(o.readelf, READELF_FAST_ARGS, path, o.timeoutMs);
  const failed = failure(fast);
  if (failed !== null) return { error: failed };
  const warnings = classifyWarnings(fast.stderr);
  const parsed = parseReadelf(fast.stdout);
  if (warnings.blocking.length === 0 && !needsFullView(parsed))
    return { facts: { ...parsed, warnings: warnings.shown } };
  const full = await runReadelf(o.readelf, READELF_ARGS, path, o.timeoutMs);
  const fullFailed = failure(full);
  if (fullFailed !== null) return { error: fullFailed };
  const fullWarnings = classifyWarnings(full.stderr);
  const blocking = fullWarnings.blocking[0];
  if (blocking !== void 0)
    return { error: `cannot be judged: readelf warns about the file (${blocking})` };
  return { facts: { ...parseReadelf(full.stdout), warnings: fullWarnings.shown } };
}
async function readAllSymbolVersions(files, o) {
  return perFile(
    files,
    o,
    READELF_DYNSYM_ARGS,
    (text) => parseReadelf(text).symbolVersions,
    (path) => readSymbolVersions(path, o)
  );
}
async function readSymbolVersions(path, o) {
  const out = await runReadelf(o.readelf, READELF_DYNSYM_ARGS, path, o.timeoutMs);
  const failed = failure(out, false);
  if (failed !== null) return { error: failed };
  return parseReadelf(out.stdout).symbolVersions;
}
function failure(out, withHeader = true) {
  if (out.toolFailure !== null) return `readelf failed: ${out.toolFailure}`;
  const stderr = out.stderr.split("\n");
  const readelfError = stderr.find((line) => line.includes("Error:"));
  const printed = !withHeader || out.stdout.startsWith("ELF Header:");
  if (out.exitCode !== 0 || readelfError !== void 0) {
    if (readelfError === void 0 && !printed)
      return `readelf failed: exited with ${out.exitCode}: ${stderr[0] ?? ""}`;
    const reason = (readelfError ?? stderr[0] ?? "").replace(/^readelf: /, "").trim();
    return `malformed ELF: ${reason || `readelf exited with ${out.exitCode}`}`;
  }
  if (!printed) return "readelf failed: its output has no ELF header: is it GNU readelf?";
  return null;
}

// src/steps/judge.ts
var VERSION_RULES = /* @__PURE__ */ new Set(["glibc-version", "library-versions"]);
var IO_LIMIT = 16;
function errorResult(path, error) {
  return { path, target: null, verdict: "error", findings: [], facts: null, error };
}
async function judgeAll(all, options) {
  const reader = {
    readelf: options.readelf,
    concurrency: options.concurrency ?? availableParallelism(),
    ...options.readelfTimeoutMs === void 0 ? {} : { timeoutMs: options.readelfTimeoutMs }
  };
  const identified = await mapLimit(all, IO_LIMIT, (c) => guarded(c, () => identify(c)));
  const files = identified.filter((s) => !("done" in s));
  const bySize = [...files].sort((a, b) => b.size - a.size);
  const reads = await readAllFacts(bySize.map(entry), reader);
  const judged2 = /* @__PURE__ */ new Map();
  await mapLimit(files, IO_LIMIT, async (file) => {
    const read2 = reads.get(file.candidate.path) ?? { error: "readelf read nothing" };
    judged2.set(file, await guarded(file.candidate, () => judgeRead(file, read2, options)));
  });
  const wanting = [...judged2.values()].filter((s) => !("done" in s));
  const symbols = await readAllSymbolVersions(
    wanting.map((w) => entry(w.file)),
    reader
  );
  const results = identified.map((step) => {
    if ("done" in step) return step.done;
    const s = judged2.get(step);
    if (s === void 0) return null;
    if ("done" in s) return s.done;
    const found = symbols.get(s.file.candidate.path) ?? { error: "readelf read no symbols" };
    return withLink(s.file.candidate, withSymbols(s, found));
  });
  return explainAll(results, options.policy.glibc, options.readelf);
}
var entry = (f) => ({
  path: f.candidate.path,
  size: f.size
});
async function guarded(c, fn) {
  try {
    return await fn();
  } catch (error) {
    const code2 = error.code;
    if (typeof code2 !== "string" || !code2.startsWith("E")) throw error;
    return { done: errorResult(c.path, `cannot be judged: cannot read it (${code2})`) };
  }
}
async function identify(candidate) {
  const { path, explicit } = candidate;
  if (candidate.problem !== void 0)
    return { done: errorResult(path, `cannot be judged: ${candidate.problem}`) };
  const ident = parseIdent(await readRange(path, 0, IDENT_BYTES));
  if (ident.kind === "not-elf") return { done: explicit ? errorResult(path, ident.reason) : null };
  if (ident.type === "REL" || ident.type === "CORE") {
    const what = ident.type === "REL" ? "a relocatable object (.o)" : "a core dump";
    const error = `${what}, not an executable or shared library`;
    return { done: explicit ? errorResult(path, error) : null };
  }
  return { candidate, size: await fileSize(path) };
}
function withLink(candidate, result) {
  return candidate.linkTarget === void 0 ? result : { ...result, linkTarget: candidate.linkTarget };
}
async function judgeRead(file, read2, options) {
  const { path } = file.candidate;
  const fail = (error) => ({
    done: withLink(file.candidate, errorResult(path, error))
  });
  if ("error" in read2) return fail(read2.error);
  const parsed = read2.facts;
  if (parsed.machine === "") return fail("malformed ELF: readelf printed no ELF header");
  const problem = layoutProblem(parsed.layout, file.size) ?? hiddenVersionNeeds(parsed);
  if (problem !== null) return fail(problem);
  const compared = withFileBytes(path, (source, size) => loaderFacts(parsed, source, size));
  if ("error" in compared) return fail(compared.error);
  const facts = await completeFacts(path, compared.facts);
  const chosen = options.chooseTarget?.(facts) ?? null;
  const given = chosen === null ? options.policy : { ...options.policy, target: chosen };
  const target = given.target ?? inferTarget(facts);
  if (target === null) {
    return fail(
      `cannot be judged: ${facts.class} ${facts.endian}-endian ${facts.machine} is not an architecture this tool judges (${Object.keys(ARCHES).join(", ")}); pass --target to check it against one`
    );
  }
  const runtime = options.runtimeFor?.(target) ?? null;
  const policy = runtime === null ? given : {
    ...given,
    allowNeeded: [...given.allowNeeded, ...runtime.libraries.map((l) => l.soname)]
  };
  const findings = evaluate(facts, policy);
  const usesPackages = runtime?.libraries.some((l) => facts.needed.includes(l.soname)) === true;
  const muslFloor = policy.libc === "musl" && policy.musl !== null && facts.interpreter !== null && facts.symbolVersions.length === 0;
  if (parsed.layout.verneedFrom === "dump" && (usesPackages || findings.some((f) => VERSION_RULES.has(f.rule))) || muslFloor)
    return { file, facts, policy, target, runtime };
  return { done: withLink(file.candidate, judged(path, target, findings, facts, runtime)) };
}
function withSymbols(s, found) {
  const { path } = s.file.candidate;
  if ("error" in found) return errorResult(path, found.error);
  const facts = { ...s.facts, symbolVersions: found };
  const hidden = hiddenVersionNeeds(facts);
  if (hidden !== null) return errorResult(path, hidden);
  return judged(path, s.target, evaluate(facts, s.policy), facts, s.runtime);
}
function judged(path, target, findings, facts, runtime) {
  const dynamic = facts.interpreter !== null || facts.needed.length > 0;
  return {
    path,
    target: formatTarget(target),
    verdict: verdictOf(findings),
    findings,
    facts,
    error: null,
    ...dynamic ? { runtime: runtimeNeeds(facts, runtime?.libraries ?? []) } : {}
  };
}

// src/steps/runtime.ts
async function loadRuntime(sysroot) {
  const path = join4(sysroot, TARGET_INFO_PATH);
  const text = await readFile2(path, "utf8").catch((e) => {
    if (e.code === "ENOENT") return null;
    throw e;
  });
  if (text === null) return null;
  const info = parseTargetInfo(text, path);
  if ("error" in info) throw new Error(info.error);
  const libraries = sharedLibraries(info);
  return (target) => ({
    sysroot,
    triplet: abiOf(target).triplet,
    libraries
  });
}
async function firstFile(paths) {
  for (const p of paths) if ((await stat(p).catch(() => null))?.isFile() === true) return p;
  return null;
}
async function judgeRuntimeLibraries(binaries, options, contextOf) {
  const out = [];
  for (const r of binaries) {
    const ctx = contextOf(r);
    if (ctx === null || r.runtime === void 0 || r.runtime.libraries.length === 0) {
      out.push(r);
      continue;
    }
    const found = await loadedLibraries(
      ctx,
      r.runtime.libraries.map((l) => l.soname),
      options
    );
    if (found.length === 0) {
      out.push(r);
      continue;
    }
    const findings = [...r.findings, ...found];
    out.push({ ...r, findings, verdict: verdictOf(findings) });
  }
  return out;
}
async function loadedLibraries(ctx, sonames, options) {
  const known = new Map(ctx.libraries.map((l) => [l.soname, l]));
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  let wave = [...sonames];
  while (wave.length > 0) {
    const paths = [];
    for (const soname of wave) {
      if (seen.has(soname)) continue;
      seen.add(soname);
      const path = await firstFile(libraryCandidates(ctx, soname));
      if (path !== null) paths.push({ soname, path });
    }
    const judged2 = await judgeAll(
      paths.map((p) => ({ path: p.path, explicit: true })),
      { ...options, policy: { ...options.policy, versions: {} }, runtimeFor: () => ctx }
    );
    wave = [];
    for (const [i, result] of judged2.entries()) {
      const { soname } = paths[i] ?? { soname: "?" };
      const lib = known.get(soname);
      const from = lib === void 0 ? soname : `${soname} (${lib.package} ${lib.version})`;
      const f = result?.findings.find((x) => x.rule === "glibc-version" && x.severity === "error");
      if (f !== void 0)
        findings.push({
          ...f,
          rule: "needed",
          message: `loads ${from}, which ${f.message}`,
          fix: `the target's ${lib?.package ?? soname} must be built for the floor too: take the packages from a release at or below it, or raise the floor`
        });
      wave.push(...result?.facts?.needed.filter((n) => known.has(n)) ?? []);
    }
  }
  return findings;
}

// src/steps/verify.ts
async function verifyPaths(args, options) {
  const groups = await expandInputs(args);
  const all = groups.flatMap((group) => group.candidates);
  const judged2 = await judgeAll(all, options);
  const byPath = new Map(all.map((c, i) => [c.path, judged2[i] ?? null]));
  const binaries = [];
  for (const group of groups) {
    if (group.missing !== null) {
      binaries.push(errorResult(group.arg, group.missing));
      continue;
    }
    const results = group.candidates.map((c) => byPath.get(c.path) ?? null).filter((r) => r !== null);
    if (results.length === 0 && group.candidates.some((c) => !c.explicit)) {
      binaries.push(errorResult(group.arg, "no ELF executables or shared libraries found"));
    }
    binaries.push(...results);
  }
  return report(await withRuntime(binaries, options), options);
}
async function verifyDiscovered(paths, options) {
  const judged2 = await judgeAll(
    paths.map((path) => ({ path, explicit: false })),
    options
  );
  const binaries = judged2.filter((r) => r !== null);
  return report(await withRuntime(binaries, options), options);
}
function report(binaries, options) {
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
}
async function withRuntime(binaries, options) {
  const runtimeFor = options.runtimeFor;
  if (runtimeFor === void 0) return binaries;
  return judgeRuntimeLibraries(binaries, options, (r) => {
    const target = r.target === null ? null : parseTarget(r.target);
    return target === null || "error" in target ? null : runtimeFor(target);
  });
}

// src/domain/report/build-report.ts
function factsReport(f) {
  return {
    class: f.class,
    endian: f.endian,
    machine: f.machine,
    osabi: f.osabi,
    type: f.type,
    flags: f.flags,
    floatAbi: f.floatAbi,
    interpreter: f.interpreter,
    needed: f.needed,
    rpath: f.rpath,
    runpath: f.runpath,
    pie: f.pie,
    versions: f.versions,
    versionNeeds: f.versionNeeds,
    abiTag: f.abiTag,
    isaNeeded: f.isaNeeded,
    goBinary: f.goBinary,
    goBuild: f.goBuild,
    goBuildError: f.goBuildError,
    staticLibc: f.staticLibc,
    buildPaths: f.buildPaths,
    warnings: f.warnings,
    hardening: f.hardening
  };
}
function muslOf(b) {
  const f = b.facts;
  if (f === null || b.target === null || f.interpreter?.includes("/ld-musl-") !== true) return null;
  const target = parseTarget(b.target);
  return "error" in target ? null : muslNeed(f.symbolVersions, abiOf(target).debianArch);
}
function binaryReport(b) {
  return {
    path: b.path,
    linkTarget: b.linkTarget ?? null,
    target: b.target,
    verdict: b.verdict,
    error: b.error,
    findings: b.findings,
    facts: b.facts === null ? null : factsReport(b.facts),
    runtime: b.runtime ?? null,
    surface: b.facts === null ? null : surfaceOf(b.facts, b.runtime?.depends ?? "", muslOf(b))
  };
}
var NO_EXECUTABLES = "no executables to run: shared libraries are not started";
var NONE_STARTED = "none of the executables can be started here (see each result)";
function smokeReport(s) {
  if ("asked" in s) return { status: "not-asked", reason: null, results: [] };
  if ("notRun" in s) return { status: "not-run", reason: s.notRun, results: [] };
  if ("setupFailed" in s) return { status: "error", reason: s.setupFailed, results: [] };
  const results = [...s.results];
  if (results.length === 0) return { status: "not-run", reason: NO_EXECUTABLES, results };
  if (results.some(smokeFailed)) return { status: "fail", reason: null, results };
  if (results.every((r) => r.notRun !== void 0))
    return { status: "not-run", reason: NONE_STARTED, results };
  return { status: "pass", reason: null, results };
}
function hasWarnings(binaries) {
  return binaries.some((b) => b.findings.some((f) => f.severity === "warning"));
}
function targetReport(t, failOn) {
  const binaries = t.binaries.map(binaryReport);
  const smoke = smokeReport(t.smoke);
  const smokeFails = smoke.status === "fail" || smoke.status === "error";
  const warned = hasWarnings(binaries) || smoke.results.some((r) => r.notRun !== void 0);
  const own = overallVerdict(binaries);
  const verdict = t.problem !== null ? "error" : own !== "pass" ? own : smokeFails || failOn === "warning" && warned ? "fail" : "pass";
  return {
    target: t.target,
    verdict,
    problem: t.problem,
    toolchain: t.toolchain,
    build: t.build,
    binaries,
    smoke,
    depends: mergeDepends(binaries.flatMap((b) => b.runtime === null ? [] : [b.runtime.depends]))
  };
}
var WORST = ["error", "fail"];
function runVerdict(targets) {
  return WORST.find((v) => targets.some((t) => t.verdict === v)) ?? "pass";
}
function passOrFail(verdict) {
  return verdict === "pass" ? "pass" : "fail";
}
function policyReport(p, failOn, drift = "off") {
  return {
    libc: p.libc,
    glibcFloor: p.glibc,
    kernel: p.kernel,
    versions: p.versions,
    allowNeeded: p.allowNeeded,
    allowRpath: p.allowRpath,
    severity: p.severity,
    hardening: p.hardening,
    smoke: p.smoke,
    failOn,
    drift
  };
}
function runReport(o) {
  const targets = o.targets.map((t) => targetReport(t, o.failOn));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    frontEnd: o.frontEnd,
    runner: o.runner,
    policy: policyReport(o.policy, o.failOn, o.drift),
    verdict: runVerdict(targets),
    targets,
    git: o.git ?? null,
    drift: null
  };
}
function groupByTarget(binaries, target) {
  if (target !== null) return [{ target, binaries: [...binaries] }];
  const groups = /* @__PURE__ */ new Map();
  for (const b of binaries) {
    const group = groups.get(b.target);
    if (group === void 0) groups.set(b.target, [b]);
    else group.push(b);
  }
  return [...groups].map(([t, list2]) => ({ target: t, binaries: list2 }));
}

// src/domain/report/explain-text.ts
var DETAILS = 3;
function groupExplanation(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const key = `${e.source}
${e.fix ?? ""}`;
    groups.set(key, [...groups.get(key) ?? [], e]);
  }
  const rank = (g) => KIND_ORDER.indexOf(g[0]?.kind ?? "unknown");
  return [...groups.values()].sort((a, b) => rank(a) - rank(b)).map((group) => {
    const first = group[0];
    const details = [
      ...new Set(group.flatMap((e) => e.detail === void 0 ? [] : [e.detail]))
    ];
    const source = first?.source ?? "";
    const more = details.length > DETAILS ? ` and ${details.length - DETAILS} more` : "";
    const inner = `${details.slice(0, DETAILS).join(", ")}${more}`;
    const label = details.length === 0 ? source : source.endsWith(")") ? `${source.slice(0, -1)}: ${inner})` : `${source} (${inner})`;
    return {
      label,
      symbols: [...new Set(group.map((e) => e.symbol))],
      ...first?.fix === void 0 ? {} : { fix: first.fix }
    };
  });
}
function symbolList(symbols, max = 6) {
  const more = symbols.length > max ? ` and ${symbols.length - max} more` : "";
  return `${symbols.slice(0, max).join(", ")}${more}`;
}
function explainLines(entries, maxGroups = Infinity) {
  const groups = groupExplanation(entries);
  const lines = groups.slice(0, maxGroups).map((g) => `${g.label}: ${symbolList(g.symbols)}${g.fix === void 0 ? "" : ` \u2014 ${g.fix}`}`);
  if (groups.length > maxGroups)
    lines.push(`and ${groups.length - maxGroups} more (see the summary)`);
  return lines;
}

// src/domain/report/render.ts
function renderJson(report2) {
  return `${JSON.stringify(report2, null, 2)}
`;
}
var ORDER = { error: 0, fail: 1, pass: 2 };
function sorted(results) {
  return [...results].sort(
    (a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.path.localeCompare(b.path)
  );
}
function summaryLine(results) {
  const count = (v) => results.filter((r) => r.verdict === v).length;
  const n = results.length;
  return `${n} binar${n === 1 ? "y" : "ies"}: ${count("pass")} passed, ${count("fail")} failed, ${count("error")} could not be judged`;
}
var STATIC_LIBC_MARKS = {
  glibc: "glibc's __libc_setup_tls",
  musl: "musl's __init_libc"
};
function factLine(facts) {
  const parts = [`${facts.class} ${facts.machine}`, facts.type];
  if (facts.floatAbi !== null) parts.push(`${facts.floatAbi}-float ABI`);
  parts.push(facts.interpreter === null ? "no interpreter" : `interpreter ${facts.interpreter}`);
  if (facts.interpreter === null && facts.staticLibc !== null)
    parts.push(`static ${facts.staticLibc} (${STATIC_LIBC_MARKS[facts.staticLibc]} defined in it)`);
  if (facts.needed.length > 0) parts.push(`NEEDED ${facts.needed.join(" ")}`);
  const versions = Object.entries(facts.versions).map(([p, v]) => `${p} ${v}`);
  if (versions.length > 0) parts.push(`needs ${versions.join(", ")}`);
  if (facts.goBuild !== null) {
    const s = facts.goBuild.settings;
    parts.push(
      `${facts.goBuild.goVersion} CGO_ENABLED=${s.CGO_ENABLED ?? "?"} GOARCH=${s.GOARCH ?? "?"}`
    );
  } else if (facts.goBuildError === null) {
    parts.push(
      facts.goBinary ? "a Go binary without build info" : "no Go build info (not a Go binary)"
    );
  }
  const [warning] = facts.warnings;
  if (warning !== void 0) {
    const more = facts.warnings.length - 1;
    parts.push(`readelf warns: ${warning}${more > 0 ? ` (and ${more} more)` : ""}`);
  }
  return parts.join(", ");
}
function runtimeLines(runtime) {
  const libs = runtime.libraries.map(describeRuntime);
  if (libs.length === 0) return [];
  return [
    `  loads: ${libs.join(", ")} \u2014 the target must have them`,
    `  Depends: ${runtime.depends}`
  ];
}
function renderText(report2) {
  const binaries = allBinaries(report2);
  const out = [];
  for (const r of sorted(binaries)) {
    const label = r.verdict.toUpperCase().padEnd(5);
    if (r.verdict === "error") {
      out.push(`${label} ${r.path}: ${r.error ?? "could not be judged"}`);
      continue;
    }
    const link = r.linkTarget === null ? "" : ` -> ${r.linkTarget}`;
    out.push(`${label} ${r.path}${link} (${r.target ?? "unknown target"})`);
    const ordered = [...r.findings].sort(
      (a, b) => a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
    );
    for (const f of ordered) {
      out.push(`  ${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
      out.push(`          fix: ${f.fix}`);
      for (const line of explainLines(f.explain ?? [])) out.push(`          from ${line}`);
      if (f.explainNote !== void 0) out.push(`          note: ${f.explainNote}`);
    }
    if (r.facts !== null) out.push(`  facts: ${factLine(r.facts)}`);
    if (r.facts !== null) out.push(`  hardening: ${hardeningSummary(r.facts.hardening)}`);
    if (r.runtime !== null) out.push(...runtimeLines(r.runtime));
  }
  out.push(summaryLine(binaries));
  return `${out.join("\n")}
`;
}
function cell(text) {
  return text.replace(/[|`]/g, "\\$&").replace(/[\r\n]/g, " ");
}
function code(text) {
  const flat = text.replace(/\|/g, "\\|").replace(/[\r\n]/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
var ICON = { pass: "\u2705 pass", fail: "\u274C fail", error: "\u26A0\uFE0F error" };
function renderMarkdown(report2) {
  return binariesMarkdown(allBinaries(report2), {
    title: "cgo-abi-guard",
    verdict: report2.verdict,
    floor: report2.policy.glibcFloor
  });
}
function binariesMarkdown(binaries, o) {
  const details = o.details ?? true;
  const out = [
    `### ${o.title}: ${o.verdict}`,
    "",
    "| binary | target | interpreter | highest GLIBC (floor) | NEEDED | verdict | hardening |",
    "|---|---|---|---|---|---|---|"
  ];
  const ordered = sorted(binaries);
  for (const r of ordered) {
    const f = r.facts;
    const glibc = `${f?.versions.GLIBC ?? "\u2014"} (${o.floor ?? "no floor"})`;
    out.push(
      `| ${code(r.path)} | ${r.target ?? "\u2014"} | ${f === null ? "\u2014" : cell(f.interpreter ?? "static")} | ${glibc} | ${f === null ? "\u2014" : cell(f.needed.join(", ") || "\u2014")} | ${ICON[r.verdict]} | ${f === null ? "\u2014" : hardeningSummary(f.hardening)} |`
    );
  }
  const problems = ordered.filter((r) => r.verdict !== "pass" || r.findings.length > 0);
  if (problems.length > 0) out.push("");
  for (const r of problems) {
    if (r.error !== null) out.push(`- ${code(r.path)}: ${cell(r.error)}`);
    for (const f of r.findings) {
      out.push(
        `- ${code(r.path)} **${f.severity}** \`${f.rule}\`: ${cell(f.message)} \u2014 *fix:* ${cell(f.fix)}`
      );
      if (!details) continue;
      for (const line of explainLines(f.explain ?? [])) out.push(`  - from ${cell(line)}`);
      if (f.explainNote !== void 0) out.push(`  - ${cell(f.explainNote)}`);
    }
  }
  const loads = ordered.filter((r) => (r.runtime?.libraries.length ?? 0) > 0);
  if (loads.length > 0) out.push("");
  for (const r of loads)
    out.push(
      `- ${code(r.path)} loads ${cell(r.runtime?.libraries.map(describeRuntime).join(", ") ?? "")} \u2014 the target must have them; Depends: ${code(r.runtime?.depends ?? "")}`
    );
  out.push("", summaryLine(binaries));
  return `${out.join("\n")}
`;
}

export {
  ToolMissingError,
  checkReadelf,
  RULES,
  readSymbols,
  codeArchOf,
  explainSymbols,
  explainLines,
  loadPolicy,
  librarySymbols,
  explainLinkFailure,
  parseDebugLine,
  uncompressed,
  readSymbolVersions,
  loadRuntime,
  verifyPaths,
  verifyDiscovered,
  runVerdict,
  passOrFail,
  runReport,
  groupByTarget,
  renderJson,
  renderText,
  renderMarkdown,
  binariesMarkdown
};
