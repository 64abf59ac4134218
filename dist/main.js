import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  writeSbom
} from "./chunks/chunk-OXM3X4QE.js";
import {
  BASELINE_STATE,
  CACHE_STATE,
  actionReport,
  actionsCache,
  loadBaseline,
  runnerEvent,
  runnerImage,
  stageBaseline
} from "./chunks/chunk-42BBASTU.js";
import {
  RULES,
  binariesMarkdown,
  checkReadelf,
  codeArchOf,
  explainLines,
  explainLinkFailure,
  explainSymbols,
  librarySymbols,
  loadPolicy,
  loadRuntime,
  parseDebugLine,
  passOrFail,
  readSymbolVersions,
  readSymbols,
  renderJson,
  runReport,
  runVerdict,
  uncompressed,
  verifyDiscovered,
  verifyPaths
} from "./chunks/chunk-D3ENLZPB.js";
import {
  allBinaries,
  binaryDigests,
  writeAttestation
} from "./chunks/chunk-VRSVJNRY.js";
import {
  GODEBUG_TITLE,
  checkGodebug
} from "./chunks/chunk-UVB2JPOQ.js";
import {
  DEFAULTS,
  RequestReader,
  SBOM_WITHOUT_BINARIES,
  SMOKE_WITHOUT_BINARIES,
  toolchainInputError,
  withDefaults
} from "./chunks/chunk-SKAVAK5H.js";
import {
  driftAnnotations,
  driftMarkdown
} from "./chunks/chunk-OCWNMXUE.js";
import {
  mergeReportFiles,
  mergedMarkdown
} from "./chunks/chunk-NZF2LVSJ.js";
import {
  escapePath,
  overallVerdict,
  withFileBytes
} from "./chunks/chunk-HQ3P3VA7.js";
import {
  DRIFT_MODES,
  diffEntries,
  raised
} from "./chunks/chunk-JW5KO3VA.js";
import "./chunks/chunk-YC2XIXZY.js";
import {
  versionOf
} from "./chunks/chunk-VAHUUROM.js";
import {
  SmokeSetupFailed,
  smokeRunner
} from "./chunks/chunk-6CSFMQR6.js";
import {
  smokeFailed,
  smokeMessage,
  smokeTable
} from "./chunks/chunk-37HHF5IE.js";
import {
  MUSL_PACKAGES,
  goTargetEnv,
  hostOf,
  installSetting,
  prepareToolchain,
  sourceDeps,
  sysrootOf,
  withReachableApt
} from "./chunks/chunk-QP7GGYDZ.js";
import "./chunks/chunk-L4R6R6IH.js";
import {
  endGroup,
  error,
  exportVariable,
  getInput,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  startGroup,
  summary,
  warning
} from "./chunks/chunk-LIFMBI74.js";
import {
  contentHash,
  contentIdentity
} from "./chunks/chunk-REKM7YZG.js";
import {
  ARCHES,
  TARGET_INFO_PATH,
  abiOf,
  compareDebianVersions,
  dependsOutput,
  formatTarget,
  goarchOf,
  isGoArch,
  parseTargetInfo,
  sharedLibraries
} from "./chunks/chunk-Y5IEVJEU.js";
import {
  LINK_LOG_ENV
} from "./chunks/chunk-QK2C5E6M.js";
import {
  RELEASES
} from "./chunks/chunk-7WEMPANV.js";
import {
  resolveRunner
} from "./chunks/chunk-4P7HQVGJ.js";
import {
  execLoud
} from "./chunks/chunk-YTYQUFQD.js";
import {
  WEAK_BY_CONVENTION
} from "./chunks/chunk-HI2NNNE4.js";
import {
  compareDotted,
  maxDotted
} from "./chunks/chunk-TOITHGCZ.js";
import "./chunks/chunk-CN2QLQDV.js";

// src/action/main.ts
import { readFile as readFile3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join7, resolve as resolve4 } from "node:path";

// src/domain/report/annotations.ts
var LEVELS = ["error", "warning", "notice"];
var STEP_LIMIT = { error: 10, warning: 10, notice: 10 };
var RANK = {
  /** A target without a verdict: its build failed, it built nothing. */
  problem: 0,
  /** A binary that cannot be judged. */
  unjudged: 1,
  /** A binary's most important finding (one per binary first). */
  first: 2,
  /** The binary's other rules. */
  further: 3
};
var EXPLAIN_GROUPS = 3;
function findingAnnotations(judged) {
  const out = [];
  for (const { target, result } of judged) {
    if (result.error !== null) {
      out.push({
        level: "error",
        rank: RANK.unjudged,
        title: `cgo-abi-guard: cannot judge ${result.path}`,
        message: `${result.path}: ${result.error}`
      });
    }
    const byRule = /* @__PURE__ */ new Map();
    for (const f of result.findings) byRule.set(f.rule, [...byRule.get(f.rule) ?? [], f]);
    const rules = [...byRule.keys()].sort(
      (a, b) => RULES.indexOf(a) - RULES.indexOf(b)
    );
    const firstOf = { error: true, warning: true };
    for (const rule of rules) {
      const findings = byRule.get(rule) ?? [];
      const level = findings.some((f) => f.severity === "error") ? "error" : "warning";
      const [head, ...rest] = [...findings].sort(
        (a, b) => a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
      );
      if (head === void 0) continue;
      const more = rest.length === 0 ? "" : ` (and ${rest.length} more ${rule} finding${rest.length === 1 ? "" : "s"})`;
      const why = explainLines(findings.flatMap((f) => f.explain ?? []));
      const shown = why.slice(0, EXPLAIN_GROUPS).map((w) => `From ${w}`);
      if (why.length > EXPLAIN_GROUPS)
        shown.push(`(${why.length - EXPLAIN_GROUPS} more sources in the job summary)`);
      const note = head.explainNote === void 0 ? [] : [head.explainNote];
      out.push({
        level,
        rank: firstOf[level] ? RANK.first : RANK.further,
        title: `cgo-abi-guard ${rule} (${target})`,
        message: [
          `${result.path}: ${head.message}${more}`,
          ...shown,
          ...note,
          `Fix: ${head.fix}`
        ].join("\n")
      });
      firstOf[level] = false;
    }
  }
  return out;
}
function withinBudget(candidates, budget) {
  const used = { error: 0, warning: 0, notice: 0 };
  const total = (level) => budget[level] + (level === "error" ? Math.max(0, budget.spare ?? 0) : 0);
  const out = [];
  for (const a of byRank(candidates.filter((c) => c.mustShow === true))) {
    const level = LEVELS.slice(LEVELS.indexOf(a.level)).find((l) => total(l) - used[l] > 0);
    if (level === void 0) continue;
    used[level]++;
    out.push(
      level === a.level ? strip(a) : {
        ...strip(a),
        level,
        message: `${a.message}
(a${a.level === "error" ? "n" : ""} ${a.level} shown as a ${level}: the build's own log lines took this step's ${a.level} annotations)`
      }
    );
  }
  const rest = candidates.filter((c) => c.mustShow !== true);
  for (const level of LEVELS) {
    const all = byRank(rest.filter((a) => a.level === level));
    const room = Math.max(0, budget[level] - used[level]);
    if (all.length <= room) {
      out.push(...all.map(strip));
      continue;
    }
    if (room === 0) continue;
    const shown = all.slice(0, room - 1);
    out.push(...shown.map(strip));
    const left = all.length - shown.length;
    out.push({
      level,
      title: `cgo-abi-guard: ${left} more`,
      message: `${left} more ${level === "error" ? "errors" : level === "warning" ? "warnings" : "notices"} than a step can show: see the job summary (every binary) and the JSON report (everything)`
    });
  }
  return out;
}
function byRank(list) {
  return list.map((a, i) => ({ a, i })).sort((x, y) => x.a.rank - y.a.rank || x.i - y.i).map(({ a }) => a);
}
function strip(a) {
  const { level, title, message, file, line } = a;
  return {
    level,
    title,
    message,
    ...file === void 0 ? {} : { file },
    ...line === void 0 ? {} : { line }
  };
}
function heldMessage(h) {
  return `the build command exited, but process ${h.pid} (${h.command}), which it started, still holds its output open: the step did not wait for it, and it keeps running`;
}
function fileLineAnnotation(text, title) {
  const m = /^(.+?):(\d+): (.*)$/.exec(text);
  if (m?.[1] === void 0 || m[2] === void 0 || m[3] === void 0)
    return { level: "error", title, message: text };
  return { level: "error", title, message: m[3], file: m[1], line: Number(m[2]) };
}

// src/domain/drift/baseline-plan.ts
var BASELINE_KEY_VERSION = "v1";
function part(text, max = 60) {
  const clean = text.replace(/[^A-Za-z0-9._/-]+/g, "_");
  return clean.length > max ? clean.slice(0, max) : clean;
}
function baselinePrefix(e, targets, branch) {
  const t = targets.map((x) => part(x, 40)).join("+");
  return `cgo-abi-guard-baseline-${BASELINE_KEY_VERSION}-${part(e.workflow)}-${part(e.job)}-${t}-${part(branch, 120)}-`;
}
var PULL_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
function baselinePlan(input, e, targets) {
  if (input.mode === "file") return { kind: "file", path: input.path };
  const branch = e.ref.startsWith("refs/heads/") ? e.ref.slice("refs/heads/".length) : null;
  const key = (b) => `${baselinePrefix(e, targets, b)}${part(e.sha, 40)}-${part(e.runId, 20)}-${part(e.runAttempt, 6)}`;
  if (input.mode === "save") {
    if (branch === null)
      return { kind: "none", why: `baseline: save needs a branch, and GITHUB_REF is "${e.ref}"` };
    return { kind: "save", key: key(branch), prefix: baselinePrefix(e, targets, branch) };
  }
  if (PULL_EVENTS.has(e.name)) {
    if (e.baseRef === "")
      return {
        kind: "none",
        why: `a ${e.name} event without GITHUB_BASE_REF: no base branch to compare with`
      };
    return { kind: "restore", prefix: baselinePrefix(e, targets, e.baseRef), branch: e.baseRef };
  }
  if (e.name === "push" && branch !== null) {
    if (e.defaultBranch === null)
      return {
        kind: "none",
        why: "the event payload does not name the default branch: no baseline saved (set baseline: save)"
      };
    if (branch === e.defaultBranch)
      return { kind: "save", key: key(branch), prefix: baselinePrefix(e, targets, branch) };
    return { kind: "none", why: `a push to ${branch}, not the default branch ${e.defaultBranch}` };
  }
  return {
    kind: "none",
    why: `a ${e.name === "" ? "run outside GitHub Actions" : `${e.name} event`}`
  };
}
function readBaselineInput(text) {
  const t = (text ?? "").trim();
  if (t === "" || t === "auto") return { mode: "auto" };
  if (t === "save") return { mode: "save" };
  return { mode: "file", path: t };
}

// src/action/inputs.ts
var FAIL_ON = ["error", "warning", "never"];
var INPUTS = [
  "target",
  "glibc",
  "libc",
  "musl",
  "link",
  "compiler",
  "packages",
  "release",
  "run",
  "working-directory",
  "artifacts",
  "policy",
  "lockfile",
  "frozen-lockfile",
  "fail-on",
  "cache",
  "mirror",
  "host-mirrors",
  "godebug",
  "export-env",
  "smoke",
  "drift",
  "baseline",
  "reports",
  "sbom"
];
var MERGE_KEEPS = /* @__PURE__ */ new Set(["reports", "working-directory", "fail-on"]);
var DEFAULT_OF = { ...DEFAULTS, drift: "warn", sbom: "false" };
function inputError(p) {
  return p.joined === true ? `input "${p.input}" ${p.detail}` : `input "${p.input}": ${p.detail}`;
}
function readInputs(get) {
  const given = Object.fromEntries(
    INPUTS.map((name) => [name, get(name).trim() === "" ? void 0 : get(name)])
  );
  const r = new RequestReader(
    withDefaults(given, Object.keys(DEFAULTS))
  );
  const read = r.targets();
  const glibc = r.glibc();
  const compiler = r.compiler();
  const packages = r.packages();
  const release = r.release();
  const libc = r.libc() ?? "glibc";
  const musl = r.musl(libc);
  const install = r.install();
  const inputs = {
    targets: read.map((t) => t.target),
    targetNames: read.map((t) => t.name),
    glibc: glibc ?? "",
    libc,
    compiler: compiler ?? { compiler: "gcc", clangMajor: null },
    packages: packages ?? [],
    release,
    musl,
    ...install,
    run: given.run ?? null,
    workingDirectory: r.text("working-directory") ?? DEFAULTS["working-directory"],
    artifacts: r.list("artifacts"),
    policy: r.text("policy"),
    failOn: r.oneOf("fail-on", FAIL_ON) ?? "error",
    cache: r.bool("cache") ?? false,
    godebug: r.godebug(),
    exportEnv: r.bool("export-env") ?? false,
    smoke: r.smoke(),
    drift: r.oneOf("drift", DRIFT_MODES) ?? "warn",
    baseline: readBaselineInput(given.baseline),
    reports: r.list("reports"),
    sbom: r.bool("sbom") ?? false
  };
  if (inputs.reports.length > 0) {
    for (const name of INPUTS)
      if (!MERGE_KEEPS.has(name) && given[name] !== void 0 && given[name] !== DEFAULT_OF[name])
        r.problem(
          name,
          "does not go with reports: a step with reports merges other steps' reports, and installs, builds and verifies nothing"
        );
  }
  if (inputs.drift === "off" && given.baseline !== void 0)
    r.problem("baseline", "is not used with drift: off (nothing is compared or saved)");
  if (libc === "none") {
    for (const name of ["packages", "release"])
      if (given[name] !== void 0) r.problem(name, toolchainInputError(name, libc));
  }
  if (libc === "musl") {
    if (given.packages !== void 0) r.problem("packages", MUSL_PACKAGES);
    if (given.release !== void 0)
      r.problem(
        "release",
        "does not go with libc musl: the musl floor (input musl) picks the release"
      );
    if (glibc !== null && glibc !== DEFAULTS.glibc)
      r.problem("glibc", `${glibc} is a glibc floor, but libc is musl: the floor is input musl`);
  }
  r.onceEach(inputs.targets);
  const errors = r.problems.map(inputError);
  return errors.length > 0 ? { errors } : inputs;
}

// src/action/build-verify.ts
import { dirname, isAbsolute, join as join3, posix } from "node:path";
import { fileURLToPath } from "node:url";

// src/adapters/build.ts
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function snapshot(dir) {
  const out = /* @__PURE__ */ new Map();
  const walk = async (at) => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) await walk(path);
      else if (entry.isFile()) {
        const s = await lstat(path).catch(() => null);
        if (s !== null) out.set(path, `${s.size}:${s.mtimeMs}:${s.ino}`);
      }
    }
  };
  await walk(dir);
  return out;
}
function changedFiles(before, after) {
  return [...after].filter(([path, stamp]) => before.get(path) !== stamp).map(([path]) => path).sort();
}
function runBash(command, cwd, env, options = {}) {
  return execLoud(command, cwd, env, options);
}

// src/domain/explain/link-errors.ts
var MAX_SYMBOLS = 200;
var MAX_FROM = 3;
var QUOTED = String.raw`[\x60'‘"]([^'’"]+)['’"]`;
var GNU_UNDEFINED = new RegExp(String.raw`undefined reference to ${QUOTED}`);
var GNU_FUNCTION = new RegExp(
  String.raw`^(?:.*?\bld(?:\.bfd|\.gold)?: )?(.+?): [Ii]n function ${QUOTED}:?\s*$`
);
var GNU_OBJECT = /^(?:.*?\bld(?:\.bfd|\.gold)?: )?([^\s:][^:]*?):\(\.[\w.]+\+0x[0-9a-f]+\): undefined reference/;
var GOLD_FROM = /^(.+?\.(?:o|a\([^)]*\)|so[.\d]*))(?::[^:]*)?:function (.+?): error: undefined reference/;
var LLD_UNDEFINED = /\berror: undefined (?:symbol|reference due to --no-allow-shlib-undefined): (.+?)\s*$/;
var LLD_REFERENCED = /^>>> (?:referenced by |\s+)(.+?)\s*$/;
function shortObject(path) {
  const module = /\/pkg\/mod\/(.+?@[^/]+)\//.exec(path)?.[1]?.replace(/!([a-z])/g, (_, c) => c.toUpperCase());
  const base = path.replace(/^.*\/(?=[^/]*(?:\(|$))/, "");
  return module === void 0 ? base : `${base} in ${module}`;
}
var LinkErrors = class {
  found = /* @__PURE__ */ new Map();
  context = null;
  lld = null;
  push(line) {
    const lld = LLD_UNDEFINED.exec(line);
    if (lld?.[1] !== void 0) {
      this.lld = this.note(lld[1], null);
      return;
    }
    const ref = this.lld === null ? null : LLD_REFERENCED.exec(line);
    if (ref?.[1] !== void 0 && this.lld !== null) {
      if (!ref[1].startsWith("referenced "))
        this.addFrom(
          this.lld,
          ref[1].replace(/ in archive (.+)$/, (_, a) => ` in ${shortObject(a)}`)
        );
      return;
    }
    this.lld = null;
    const fn = GNU_FUNCTION.exec(line);
    if (fn?.[1] !== void 0 && fn[2] !== void 0) {
      this.context = `${shortObject(fn[1])} (${fn[2]})`;
      return;
    }
    const undef = GNU_UNDEFINED.exec(line);
    if (undef?.[1] === void 0) return;
    const gold = GOLD_FROM.exec(line);
    const object = GNU_OBJECT.exec(line)?.[1];
    const where = gold?.[1] !== void 0 && gold[2] !== void 0 ? `${shortObject(gold[1])} (${gold[2]})` : this.context ?? (object === void 0 ? null : shortObject(object));
    this.note(undef[1], where);
  }
  note(printed, from) {
    const at = printed.indexOf("@");
    const symbol = at > 0 ? printed.slice(0, at) : printed;
    const version = at > 0 ? printed.slice(at).replace(/^@+/, "") : null;
    let entry = this.found.get(symbol);
    if (entry === void 0) {
      entry = { symbol, version, from: [], count: 0 };
      if (this.found.size < MAX_SYMBOLS) this.found.set(symbol, entry);
    }
    entry.count++;
    if (from !== null) this.addFrom(entry, from);
    return entry;
  }
  addFrom(entry, from) {
    if (entry.from.length < MAX_FROM && !entry.from.includes(from)) entry.from.push(from);
  }
  get symbols() {
    return [...this.found.values()];
  }
};

// src/domain/report/matchers.ts
var MATCHERS = [
  {
    owner: "cgo-abi-guard-gcc",
    regexp: String.raw`^(?:#\s+)?([^\s:][^:]*):(\d+):(\d+):\s+(?:fatal\s+)?(error|warning):\s+(.*)$`,
    severity: 4
  },
  {
    owner: "cgo-abi-guard-ld",
    regexp: String.raw`^(?:\S*/)?(?:ld(?:\.bfd|\.gold|\.lld)?|collect2|clang|gcc|cc):\s+(?:error:\s+)?(cannot find .*|undefined (?:reference|symbol).*|.*linker command failed.*|.*ld returned \d+ exit status.*)$`
  },
  {
    owner: "cgo-abi-guard-go",
    // Not the C linker's warnings on a Go line (a static glibc link's "x.go:15: warning: Using
    // 'getaddrinfo' in statically linked applications …", which the step sums up in one
    // warning): Go never says warning, and gcc's warnings on cgo code (with a column) are the
    // gcc matcher's.
    regexp: String.raw`^(?:\.\/)?([^\s:]+\.go):(\d+):(?:(\d+):)?(?!\s*warning:)\s+(.*)$`
  }
];
var COMPILED = MATCHERS.map((m) => ({ ...m, re: new RegExp(m.regexp) }));
var MatchedLines = class {
  counts = { error: 0, warning: 0, notice: 0 };
  push(line) {
    for (const m of COMPILED) {
      const match = m.re.exec(line);
      if (match === null) continue;
      const severity = m.severity === void 0 ? "error" : match[m.severity];
      this.counts[severity === "warning" ? "warning" : "error"]++;
      return;
    }
  }
};

// src/domain/go/build-hints.ts
var HINTS = [
  [
    /build constraints exclude all Go files/,
    'cgo was off, so the files that import "C" were excluded: Go turns cgo off when cross-compiling unless CGO_ENABLED=1 is set (and since Go 1.20 when no C compiler is found)'
  ],
  [
    /gcc_\w+\.S.*\n?.*Assembler messages|Assembler messages:[\s\S]*runtime\/cgo/,
    "the C compiler does not target this GOARCH (a host gcc assembling another architecture's runtime/cgo): set CC to the target's compiler; go build reads CC only, not CC_<goarch>"
  ],
  [
    /function main is undeclared in the main package/,
    'the file with func main was left out of the build: if it imports "C", cgo was off (set CGO_ENABLED=1 for cross builds)'
  ],
  [
    /cgo: C compiler "([^"]+)" not found/,
    "the C compiler named by CC is not installed or not on PATH"
  ],
  [
    /version `GLIBC_[\d.]+' not found/,
    "a program built in this job needs a newer glibc than the machine it ran on"
  ],
  [
    /cannot find -l(\S+)/,
    "a library the link needs is not in the target sysroot: add its -dev package for the target or link it statically"
  ]
];
function buildFailureHint(output) {
  for (const [pattern, hint] of HINTS) if (pattern.test(output)) return hint;
  return null;
}
var STATIC_LINK_WARNING = /warning: Using '([^']+)' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking/;
function staticLinkWarning(line) {
  return STATIC_LINK_WARNING.exec(line)?.[1] ?? null;
}
function staticLinkMessage(functions) {
  return `the linker warned that a static glibc binary calls ${functions.join(", ")}: glibc loads NSS modules (libnss_*.so) for these at run time, which must match the glibc it was linked with; the glibc floor does not cover this. Link dynamically, or do not call them from a static binary (Go: -tags netgo,osusergo)`;
}

// src/steps/undeclared-hint.ts
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/domain/go/undeclared.ts
var UNDECLARED = /could not determine (?:what C\.(\w+) refers to|kind of name for C\.(\w+))/g;
function undeclaredCNames(output) {
  const names = [...output.matchAll(UNDECLARED)].map((m) => m[1] ?? m[2] ?? "");
  return [...new Set(names.filter((n) => n !== ""))];
}
var MIN_PREFIX = 4;
function sharedPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
function nearestLibrary(name, libraries) {
  let best = null;
  let bestLength = MIN_PREFIX - 1;
  let tie = false;
  for (const lib of libraries) {
    let length = 0;
    for (const key of lib.symbols.keys())
      length = Math.max(length, sharedPrefix(name, key.replace(/@.*$/, "")));
    if (length > bestLength) {
      best = lib;
      bestLength = length;
      tie = false;
    } else if (length === bestLength && best !== null && best.package !== lib.package) tie = true;
  }
  return tie ? null : best;
}
function undeclaredHint(f) {
  const [first] = f.names;
  const named = f.names.map((n) => `C.${n}`).join(", ");
  const head = `${named} ${f.names.length === 1 ? "is" : "are"} declared by none of the sysroot's headers`;
  if (f.library === null || first === void 0) {
    const list = f.packages.map((p) => `${p.name} ${p.version}`).join(", ");
    return `${head} (its target packages, from ${f.release}: ${list || "none"}): add the -dev package that declares ${f.names.length === 1 ? "it" : "them"} to packages, or, if one of these does in a newer version, that version is newer than the sysroot's`;
  }
  const lib = f.library;
  const missing = lib.hasSymbol ? "" : `, and ${first} is not among its symbols`;
  const since = `${head}: code written for a newer ${lib.package} than the sysroot's ${lib.version} (${f.release}; the nearest names are its${missing})`;
  if ("unknown" in f.newer)
    return `${since}. Newer releases could not be asked (${f.newer.unknown})`;
  if (f.newer.length === 0)
    return `${since}. No newer release of the family has a newer ${lib.package}: build the C library from source, or use a version of the Go module written for ${lib.version}`;
  const newer = f.newer.map((n) => `${n.release} has ${n.version} (glibc ${n.glibc})`).join(", ");
  const up = f.newer[0];
  return `${since}. ${newer}: use a version of the Go module written for ${lib.package} ${lib.version}, or raise the floor to ${up?.glibc ?? "?"} for ${up?.release ?? "?"}'s packages`;
}

// src/steps/undeclared-hint.ts
async function undeclaredNamesHint(output, sysroot, plan, setting) {
  const names = undeclaredCNames(output);
  const [first] = names;
  if (first === void 0) return null;
  const path = join2(sysroot, TARGET_INFO_PATH);
  const text = await readFile(path, "utf8").catch(() => null);
  const info2 = text === null ? null : parseTargetInfo(text, path);
  if (info2 === null || "error" in info2) return null;
  const lib = nearestLibrary(first, sharedLibraries(info2));
  const release = `${plan.release.family} ${plan.release.codename}`;
  const packages = info2.map((p) => ({ name: p.name, version: p.version }));
  if (lib === null) return undeclaredHint({ names, library: null, packages, release, newer: [] });
  const newer = await newerVersions(lib.package, lib.version, plan, setting).catch(
    (e) => ({ unknown: e instanceof Error ? e.message : String(e) })
  );
  return undeclaredHint({
    names,
    library: {
      package: lib.package,
      version: lib.version,
      hasSymbol: [...lib.symbols.keys()].some((k) => k.replace(/@.*$/, "") === first)
    },
    packages,
    release,
    newer
  });
}
async function newerVersions(name, version, plan, setting) {
  const { family, glibc } = plan.release;
  if (family !== "debian" && family !== "ubuntu") return [];
  const host = hostOf(setting.runner);
  const out = [];
  const later = RELEASES.filter(
    (r) => r.family === family && compareDotted(r.glibc, glibc) > 0
  ).sort((a, b) => compareDotted(a.glibc, b.glibc));
  for (const r of later) {
    const deps = sourceDeps(setting, r.codename, host, plan.targetDebianArch);
    const found = await withReachableApt(
      await deps.targetMirrors(),
      {
        release: r,
        arch: plan.targetDebianArch,
        stateRoot: deps.stateRoot,
        log: () => void 0,
        components: family === "ubuntu" ? ["main", "universe"] : ["main"]
      },
      (apt) => apt.resolve([name]).catch(() => [])
    );
    const v = found[0]?.version;
    if (v !== void 0 && compareDebianVersions(v, version) > 0)
      out.push({ release: `${r.family} ${r.codename}`, glibc: r.glibc, version: v });
  }
  return out;
}

// src/action/build-verify.ts
var MATCHER_OWNERS = ["cgo-abi-guard-gcc", "cgo-abi-guard-ld", "cgo-abi-guard-go"];
function matcherFile() {
  return join3(dirname(fileURLToPath(import.meta.url)), "..", "matchers", "cgo-abi-guard-gcc.json");
}
async function buildAndVerify(a) {
  const outcome = await buildAndJudge(a);
  const seen = new Set(outcome.report.binaries.flatMap((b) => b.facts?.staticSymbols ?? []));
  const off = outcome.problem !== null || a.policy.severity["static-nss"] === "off";
  return {
    ...outcome,
    staticNssLinked: off ? [] : outcome.staticNssLinked.filter((f) => !seen.has(f))
  };
}
async function buildAndJudge(a) {
  const name = formatTarget(a.target);
  const musl = a.inputs.libc === "musl" ? a.prep?.plan.floor ?? a.policy.musl : a.policy.musl;
  const policy = { ...a.policy, target: a.target, musl };
  const sysroot = a.prep === null ? null : sysrootOf(a.prep.plan, a.prep.installed.dir);
  const runtimeFor = sysroot === null ? null : await loadRuntime(sysroot);
  const options = {
    policy,
    readelf: "readelf",
    // This target's sysroot and packages; binaries of another target are judged in its own step.
    ...runtimeFor === null ? {} : {
      runtimeFor: (t) => formatTarget(t) === formatTarget(a.target) ? runtimeFor(t) : null
    }
  };
  const before = a.inputs.run !== null && a.inputs.artifacts.length === 0 ? await snapshot(a.workdir) : null;
  const run = await build(a, name, policy, sysroot);
  const { buildExit } = run;
  const base = {
    target: name,
    goTarget: a.target,
    prep: a.prep,
    buildExit,
    link: run.link,
    heldOpenBy: run.heldOpenBy,
    matched: run.matched,
    staticNssLinked: run.staticLink
  };
  if (buildExit !== null && buildExit !== 0) {
    const empty = { verdict: "error", glibcFloor: policy.glibc, binaries: [] };
    const why = run.link !== null ? ": the link failed (below)" : run.hint === null ? "" : `: ${run.hint}`;
    const problem2 = `the build command for ${name} exited with status ${buildExit}${why}`;
    return { ...base, report: empty, problem: problem2 };
  }
  if (before !== null) {
    const changed = changedFiles(before, await snapshot(a.workdir));
    const report2 = await verifyDiscovered(changed, options);
    const problem2 = report2.binaries.length === 0 ? `the build for ${name} created or changed no ELF binaries under ${a.workdir}: nothing to verify (set "artifacts")` : null;
    return {
      ...base,
      report: problem2 === null ? report2 : { ...report2, verdict: "error" },
      problem: problem2
    };
  }
  const globs = a.inputs.artifacts.map(
    (g) => isAbsolute(g) ? g : posix.join(escapePath(a.workdir), g)
  );
  const report = await verifyPaths(globs, {
    ...options,
    // Several targets share the artifacts: each binary is judged against the target of its own
    // architecture; a binary of none of them against the first, where the arch rule flags it.
    chooseTarget: (facts) => {
      const goarch = goarchOf(facts.class, facts.endian, facts.machine);
      return a.targets.find((t) => t.goarch === goarch) ?? a.targets[0] ?? null;
    }
  });
  const mine = report.binaries.filter((b) => {
    if (a.targets.length === 1 || b.target === null) return a.target === a.targets[0];
    return b.target === name || b.facts !== null && !a.targets.some((t) => formatTarget(t) === b.target) && a.target === a.targets[0];
  });
  const problem = mine.length === 0 ? `none of the artifacts (${a.inputs.artifacts.join(", ")}) is a binary for ${name}: nothing was verified for it` : null;
  return {
    ...base,
    report: {
      ...report,
      verdict: problem === null ? overallVerdict(mine) : "error",
      binaries: mine
    },
    problem
  };
}
async function build(a, name, policy, sysroot) {
  const matched = new MatchedLines();
  const none = {
    buildExit: null,
    link: null,
    heldOpenBy: [],
    matched: matched.counts,
    hint: null,
    staticLink: []
  };
  if (a.inputs.run === null) return none;
  const env = {
    ...process.env,
    ...goTargetEnv(a.target),
    ...a.prep?.env ?? {}
  };
  if (a.inputs.godebug !== null) env.GODEBUG = a.inputs.godebug;
  const links = new LinkErrors();
  const staticLink = /* @__PURE__ */ new Set();
  startGroup(`cgo-abi-guard: build for ${name}`);
  info(`::add-matcher::${matcherFile()}`);
  const run = await runBash(a.inputs.run, a.workdir, env, {
    onLine: (line) => {
      links.push(line);
      matched.push(line);
      const fn = staticLinkWarning(line);
      if (fn !== null) staticLink.add(fn);
    }
  });
  for (const owner of MATCHER_OWNERS) info(`::remove-matcher owner=${owner}::`);
  for (const h of run.heldOpenBy) info(`cgo-abi-guard: ${heldMessage(h)}`);
  endGroup();
  const failed = run.exit !== 0;
  return {
    buildExit: run.exit,
    link: failed ? await explainLinkFailure(
      links.symbols,
      policy.glibc,
      "readelf",
      sysroot === null ? null : { dir: sysroot, triplet: abiOf(a.target).triplet }
    ) : null,
    heldOpenBy: run.heldOpenBy,
    matched: matched.counts,
    hint: failed ? await failureHint(a, run.tail, sysroot) : null,
    staticLink: [...staticLink].sort()
  };
}
async function failureHint(a, tail, sysroot) {
  const undeclared = a.prep === null || sysroot === null ? null : await undeclaredNamesHint(tail, sysroot, a.prep.plan, a.setting);
  return undeclared ?? buildFailureHint(tail);
}

// src/action/publish.ts
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join6, resolve as resolve2 } from "node:path";

// src/domain/report/summary.ts
var SUMMARY_LIMIT = 1024 * 1024;
function cell(text) {
  return text.replace(/\|/g, "\\|");
}
function runnerTable(r) {
  const go = "missing" in r.go ? `missing: ${r.go.missing}` : `${r.go.goversion} (${r.go.goos}/${r.go.goarch})`;
  const rows = [
    ["kernel", r.kernel],
    ["C library", `${r.libc.family} ${r.libc.version ?? ""}`.trim()],
    ["distribution", r.distro.prettyName ?? r.distro.id],
    ["architecture", r.hostArch.machine],
    ["Go", go]
  ];
  return ["| runner | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join("\n");
}
function renderSummary(report, limit = SUMMARY_LIMIT) {
  const full = render(report, true);
  if (bytes(full) <= limit) return full;
  const brief = render(report, false);
  if (bytes(brief) <= limit) return brief;
  const note = "\n\n*The summary is cut here to fit the job summary: the JSON report (`report` output) has everything.*\n";
  const lines = brief.split("\n");
  let size = bytes(note);
  const kept = [];
  for (const line of lines) {
    size += bytes(line) + 1;
    if (size > limit) break;
    kept.push(line);
  }
  return `${kept.join("\n")}${note}`;
}
var encoder = new TextEncoder();
var bytes = (text) => encoder.encode(text).length;
function render(report, details) {
  const out = [`## cgo-abi-guard: ${passOrFail(report.verdict)}`, ""];
  if (report.runner !== null) out.push(runnerTable(report.runner), "");
  for (const t of report.targets) {
    const musl = report.policy.libc === "musl" && t.toolchain !== null;
    const floor = musl ? `musl ${t.toolchain?.floor ?? ""}` : report.policy.glibcFloor;
    out.push(...section(t, floor, details));
  }
  if (report.drift !== null) out.push("", driftMarkdown(report.drift, report.policy.drift));
  return out.join("\n");
}
function section(t, floor, details) {
  const name = t.target ?? "no target";
  const tc = t.toolchain === null ? "no toolchain installed" : `toolchain ${t.toolchain.release} (${t.toolchain.mode}${t.toolchain.cacheHit ? ", from cache" : ""})`;
  const build2 = t.build === null ? "" : `, build exited ${t.build.exit}`;
  const out = [`*${name}: ${tc}${build2}*`, ""];
  if (t.problem !== null) out.push(`- ${cell(t.problem)}`, "");
  const link = t.build?.link?.lines ?? [];
  if (link.length > 0) out.push("**The link failed:**", "", ...link.map((l) => `- ${cell(l)}`), "");
  for (const h of t.build?.heldOpenBy ?? []) out.push(`- ${cell(heldMessage(h))}`);
  out.push(binariesMarkdown(t.binaries, { title: name, verdict: t.verdict, floor, details }));
  const smoke = t.smoke;
  if (smoke.status === "not-run" || smoke.status === "error")
    out.push("", `*smoke run: not run: ${cell(smoke.reason ?? "no reason given")}*`, "");
  if (smoke.results.length > 0) out.push("", smokeTable(smoke.results), "");
  return out;
}

// src/steps/toolchain-report.ts
function toolchainReport(plan, installed2) {
  return {
    kind: plan.kind,
    release: installed2.entry.release,
    floor: plan.floor,
    compiler: plan.compiler,
    mode: plan.mode,
    lockKey: plan.lockKey,
    contentHash: contentHash(contentIdentity(installed2.entry)),
    dir: installed2.dir,
    sysroot: sysrootOf(plan, installed2.dir),
    cacheHit: installed2.cacheHit
  };
}

// src/action/run-report.ts
function actionRunReport(a) {
  return runReport({
    frontEnd: "action",
    runner: a.runner,
    policy: a.policy,
    failOn: a.inputs.failOn,
    targets: a.outcomes.map((o) => targetInput(o, a)),
    drift: a.inputs.drift,
    git: { sha: process.env.GITHUB_SHA ?? null, ref: process.env.GITHUB_REF ?? null }
  });
}
function targetInput(o, a) {
  return {
    target: o.target,
    problem: o.problem,
    toolchain: o.prep === null ? null : toolchainReport(o.prep.plan, o.prep.installed),
    build: o.buildExit === null ? null : {
      command: a.inputs.run ?? "",
      exit: o.buildExit,
      link: o.link,
      heldOpenBy: o.heldOpenBy.map(({ pid, command }) => ({ pid, command })),
      staticNssLinked: o.staticNssLinked
    },
    binaries: o.report.binaries,
    smoke: smokeInput(o, a)
  };
}
function smokeInput(o, a) {
  if (a.smoke === null) return { asked: false };
  const setupFailed = a.smokeNotRun?.get(o.target);
  if (setupFailed !== void 0) return { setupFailed };
  const results = a.smoke.get(o.target);
  return results === void 0 ? { notRun: "nothing was built to run" } : { results };
}

// src/action/drift.ts
import { resolve } from "node:path";

// src/domain/drift/apply.ts
function withDrift(report, drift) {
  if (drift === null) return report;
  const mode = report.policy.drift;
  const fails = mode === "fail" || mode === "warn" && report.policy.failOn === "warning";
  const drifted = new Set(raised(drift).map((c) => c.target));
  const targets = surfacesWithSymbols(report, drift).targets.map(
    (t) => fails && t.verdict === "pass" && t.target !== null && drifted.has(t.target) ? { ...t, verdict: "fail" } : t
  );
  return { ...report, targets, verdict: runVerdict(targets), drift };
}
function driftFails(report) {
  if (report.drift === null || report.policy.failOn === "never") return false;
  const mode = report.policy.drift;
  const fails = mode === "fail" || mode === "warn" && report.policy.failOn === "warning";
  return fails && raised(report.drift).length > 0;
}
function surfacesWithSymbols(report, drift) {
  const read = new Map(
    drift.changes.filter((c) => c.kind === "version" && c.direction === "raised" && c.symbols.length > 0).map((c) => [`${c.target}\0${c.binary}\0${c.subject}`, c.symbols])
  );
  if (read.size === 0) return report;
  const targets = report.targets.map((t) => ({
    ...t,
    binaries: t.binaries.map((b) => {
      if (b.surface === null) return b;
      const versions = Object.fromEntries(
        Object.entries(b.surface.versions).map(([prefix, v]) => {
          const symbols = read.get(`${t.target ?? ""}\0${b.path}\0${prefix}`);
          return [prefix, symbols === void 0 ? v : { ...v, symbols }];
        })
      );
      return { ...b, surface: { ...b.surface, versions } };
    })
  }));
  return { ...report, targets };
}

// src/steps/drift-callers.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/domain/drift/lines.ts
var relative = (path, root) => path.startsWith(`${root}/`) ? path.slice(root.length + 1) : null;
function workspaceFile(given, c) {
  if (given.includes("\0") || given.split("/").includes("..")) return null;
  const goFile = given.startsWith("/_/") ? given.slice(3) : given;
  if (goFile.startsWith("/")) {
    const inModule2 = relative(goFile, c.moduleDir);
    if (inModule2 === null) return null;
    return relative(goFile, c.workspace);
  }
  if (c.modulePath === null || c.modulePath === "") return null;
  const inModule = relative(goFile, c.modulePath);
  if (inModule === null || inModule.includes("@")) return null;
  return relative(`${c.moduleDir}/${inModule}`, c.workspace);
}
function moduleOf(pkg, modules) {
  let best = null;
  for (const m of modules)
    if ((pkg === m || pkg.startsWith(`${m}/`)) && (best === null || m.length > best.length))
      best = m;
  return best;
}
function requireLine(goMod, module) {
  const lines = goMod.split("\n");
  let inBlock = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (inBlock) {
      if (line === ")") inBlock = false;
      else if (firstWord(line) === module) return i + 1;
      continue;
    }
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith("require ") && firstWord(line.slice(8).trim()) === module)
      return i + 1;
  }
  return null;
}
function firstWord(text) {
  const word = text.split(/\s+/)[0] ?? "";
  return word.startsWith('"') && word.endsWith('"') ? word.slice(1, -1) : word;
}
function cgoWrapperNames(pkg, call, mainPath) {
  const name = call.startsWith("C.") ? call.slice(2) : call;
  const goPkg = pkg === mainPath || pkg === "main" ? "main" : escapeLastDots(pkg);
  return [`${goPkg}._Cfunc_${name}`, `${goPkg}._C2func_${name}`];
}
function escapeLastDots(pkg) {
  const slash = pkg.lastIndexOf("/");
  return `${pkg.slice(0, slash + 1)}${pkg.slice(slash + 1).replace(/\./g, "%2e")}`;
}

// src/steps/source-lines.ts
import { existsSync } from "node:fs";
import { join as join4 } from "node:path";

// src/domain/elf/gopclntab.ts
var MAGIC_118 = 4294967280;
var MAGIC_120 = 4294967281;
var NAME_MAX = 1 << 16;
var FUNC_NAME = 4;
var FUNC_PCFILE = 20;
var FUNC_PCLN = 24;
var FUNC_CU = 32;
var FUNC_MIN = 36;
var utf8 = new TextDecoder("utf-8");
function readHeader(view, le) {
  if (view.byteLength < 8) return null;
  const magic = view.getUint32(0, le);
  if (magic !== MAGIC_118 && magic !== MAGIC_120) return null;
  if (view.getUint8(4) !== 0 || view.getUint8(5) !== 0) return null;
  const minLC = view.getUint8(6);
  const ptrSize = view.getUint8(7);
  if (![1, 2, 4].includes(minLC) || ptrSize !== 4 && ptrSize !== 8) return null;
  if (view.byteLength < 8 + 8 * ptrSize) return null;
  const words = [];
  for (let i = 0; i < 8; i++) {
    const at = 8 + i * ptrSize;
    const w = ptrSize === 8 ? Number(view.getBigUint64(at, le)) : view.getUint32(at, le);
    if (!Number.isSafeInteger(w)) return null;
    words.push(w);
  }
  const [nfunc = 0, , textStart = 0, funcname = 0, cu = 0, filetab = 0, pctab = 0, pcln = 0] = words;
  for (const off of [funcname, cu, filetab, pctab, pcln])
    if (off < 8 + 8 * ptrSize || off > view.byteLength) return null;
  if (pcln + (nfunc * 2 + 1) * 4 > view.byteLength) return null;
  return { ptrSize, minLC, nfunc, textStart, funcname, cu, filetab, pctab, pcln };
}
function stringAt(bytes2, at) {
  if (at < 0 || at >= bytes2.byteLength) return null;
  const end = bytes2.subarray(at, Math.min(at + NAME_MAX, bytes2.byteLength)).indexOf(0);
  return end < 0 ? null : utf8.decode(bytes2.subarray(at, at + end));
}
function parsePclntab(bytes2, littleEndian, textStart) {
  const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
  const h = readHeader(view, littleEndian);
  if (h === null) return null;
  const base = textStart ?? h.textStart;
  const u32 = (at) => at >= 0 && at + 4 <= view.byteLength ? view.getUint32(at, littleEndian) : null;
  const funcs = [];
  const records = [];
  let previous = -1;
  for (let i = 0; i < h.nfunc; i++) {
    const at = h.pcln + i * 8;
    const entryOff = view.getUint32(at, littleEndian);
    const endOff = view.getUint32(at + 8, littleEndian);
    const record = h.pcln + view.getUint32(at + 4, littleEndian);
    if (entryOff < previous || endOff < entryOff) return null;
    if (record + FUNC_MIN > view.byteLength) return null;
    if (view.getUint32(record, littleEndian) !== entryOff) return null;
    const name = stringAt(bytes2, h.funcname + view.getInt32(record + FUNC_NAME, littleEndian));
    if (name === null) return null;
    funcs.push({ name, entry: base + entryOff, end: base + endOff });
    records.push(record);
    previous = entryOff;
  }
  const indexAt = (pc) => {
    let lo = 0;
    let hi = funcs.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if ((funcs[mid]?.entry ?? 0) <= pc) lo = mid + 1;
      else hi = mid;
    }
    const f = funcs[lo - 1];
    return f !== void 0 && pc < f.end ? lo - 1 : -1;
  };
  const pcvalue = (table, entry, pc) => pcValue(bytes2, h.pctab + table, h.minLC, entry, pc);
  return {
    textStart: base,
    funcs,
    funcAt: (pc) => funcs[indexAt(pc)] ?? null,
    lineAt: (pc) => {
      const i = indexAt(pc);
      const f = funcs[i];
      const record = records[i];
      if (f === void 0 || record === void 0) return null;
      const pcfile = u32(record + FUNC_PCFILE);
      const pcln = u32(record + FUNC_PCLN);
      const cu = u32(record + FUNC_CU);
      if (pcfile === null || pcln === null || cu === null || pcfile === 0 || pcln === 0)
        return null;
      const fileNo = pcvalue(pcfile, f.entry, pc);
      const line = pcvalue(pcln, f.entry, pc);
      if (fileNo === null || fileNo < 0 || line === null || line < 0) return null;
      const fileOff = u32(h.cu + (cu + fileNo) * 4);
      if (fileOff === null || fileOff === 4294967295) return null;
      const file = stringAt(bytes2, h.filetab + fileOff);
      return file === null ? null : { file, line };
    }
  };
}
function pcValue(bytes2, start, minLC, entry, target) {
  let at = start;
  const varint = () => {
    let value2 = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = bytes2[at++];
      if (b === void 0) return null;
      value2 += (b & 127) * 2 ** shift;
      if (b < 128) return value2 % 2 ** 32;
    }
    return null;
  };
  let value = -1;
  let pc = entry;
  for (let first = true; ; first = false) {
    const uvdelta = varint();
    if (uvdelta === null || uvdelta === 0 && !first) return null;
    const delta = uvdelta % 2 === 1 ? -Math.floor(uvdelta / 2) - 1 : uvdelta / 2;
    const pcdelta = varint();
    if (pcdelta === null) return null;
    value = value + delta | 0;
    pc += pcdelta * minLC;
    if (target < pc) return value;
  }
}
function moduleTextStart(input) {
  const le = input.littleEndian;
  const { pclntab } = input;
  const h = readHeader(new DataView(pclntab.buffer, pclntab.byteOffset, pclntab.byteLength), le);
  if (h === null) return null;
  const size = h.ptrSize;
  const header = input.pclntabAddress;
  const fits = (start, count2, unit, next) => start + count2 * unit <= next && next - (start + count2 * unit) < 8;
  const low = header % 2 ** 32;
  const lowAt = size === 8 && !le ? 4 : 0;
  for (const { address, bytes: bytes2 } of input.data) {
    const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
    const word = (at) => size === 8 ? Number(view.getBigUint64(at, le)) : view.getUint32(at, le);
    const first = (size - address % size) % size;
    for (let at = first; at + 24 * size <= bytes2.byteLength; at += size) {
      if (view.getUint32(at + lowAt, le) !== low || word(at) !== header) continue;
      const names = word(at + 2 * size);
      const units = word(at + 5 * size);
      if (names !== word(at + 3 * size) || !fits(h.funcname, names, 1, h.cu)) continue;
      if (units !== word(at + 6 * size) || !fits(h.cu, units, 4, h.filetab)) continue;
      const text = word(at + 22 * size);
      const minpc = word(at + 20 * size);
      if (text > 0 && minpc >= text && Number.isSafeInteger(text)) return text;
    }
  }
  return null;
}

// src/domain/explain/go-calls.ts
function goCallSites(input) {
  const { pclntab } = input;
  const wanted = /* @__PURE__ */ new Map();
  for (const f of pclntab.funcs) if (input.callees.has(f.name)) wanted.set(f.entry, f.name);
  const first = pclntab.funcs[0];
  const last = pclntab.funcs[pclntab.funcs.length - 1];
  if (wanted.size === 0 || first === void 0 || last === void 0) return [];
  const found = /* @__PURE__ */ new Map();
  const add = (pc, size, target) => {
    const callee = wanted.get(target);
    if (callee === void 0) return;
    const f = pclntab.funcAt(pc);
    if (f === null || pc + size > f.end || f.name === callee) return;
    const at = pclntab.lineAt(pc);
    found.set(`${pc} ${callee}`, {
      callee,
      caller: f.name,
      pc,
      file: at?.file ?? "",
      line: at?.line ?? 0
    });
  };
  for (const { address, bytes: bytes2 } of input.text) {
    const from = Math.max(0, first.entry - address);
    const to = Math.min(bytes2.byteLength, last.end - address);
    if (from >= to) continue;
    if (input.arch === "x86-64") x86(address, bytes2, from, to, add);
    else arm64(address, bytes2, from, to, add);
  }
  return [...found.values()].sort((a, b) => a.pc - b.pc || (a.callee < b.callee ? -1 : 1));
}
var int32 = (b, i) => (b[i] ?? 0) | (b[i + 1] ?? 0) << 8 | (b[i + 2] ?? 0) << 16 | (b[i + 3] ?? 0) << 24 | 0;
function x86(address, bytes2, from, to, add) {
  for (let i = from; i + 5 <= to; i++)
    if (bytes2[i] === 232) add(address + i, 5, address + i + 5 + int32(bytes2, i + 1));
}
function arm64(address, bytes2, from, to, add) {
  const start = from + (4 - (address + from) % 4) % 4;
  for (let i = start; i + 4 <= to; i += 4) {
    const insn = int32(bytes2, i) >>> 0;
    if ((insn & 4227858432) >>> 0 !== 2483027968) continue;
    let imm = insn & 67108863;
    if (imm >= 2 ** 25) imm -= 2 ** 26;
    add(address + i, 4, address + i + imm * 4);
  }
}

// src/steps/source-lines.ts
function goLines(facts, read) {
  const arch = codeArchOf(facts);
  const sections = facts.layout.sections.filter((s) => s.type !== "NOBITS" && s.size > 0);
  const section2 = (name) => sections.find((s) => s.name === name);
  const pcln = section2(".gopclntab");
  if (arch === null || pcln === void 0) return null;
  const le = facts.endian === "little";
  const pclnBytes = read(pcln.offset, pcln.size);
  const textStart = runtimeText(facts, read) ?? moduleTextStart({
    pclntab: pclnBytes,
    pclntabAddress: pcln.address,
    data: [".go.module", ".noptrdata", ".data", ".data.rel.ro"].map(section2).flatMap(
      (s) => s === void 0 ? [] : [{ address: s.address, bytes: read(s.offset, s.size) }]
    ),
    littleEndian: le
  });
  if (textStart === null) return null;
  const table = parsePclntab(pclnBytes, le, textStart);
  if (table === null) return null;
  const text = sections.filter((s) => s.name === ".text").map((s) => ({ address: s.address, bytes: read(s.offset, s.size) }));
  return (callees, checkout) => goCallSites({ arch, text, pclntab: table, callees }).flatMap((site) => {
    const file = workspaceFile(site.file, checkout);
    if (file === null || site.line < 1 || !existsSync(join4(checkout.workspace, file))) return [];
    return [{ function: site.caller, file, line: site.line }];
  });
}
function runtimeText(facts, read) {
  const symtab = facts.layout.sections.find((s) => s.name === ".symtab");
  const strtab = facts.layout.sections.find((s) => s.name === ".strtab");
  if (symtab === void 0 || strtab === void 0) return null;
  const symbols = readSymbols({
    symtab: read(symtab.offset, symtab.size),
    strtab: read(strtab.offset, strtab.size),
    is64: facts.class === "ELF64",
    littleEndian: facts.endian === "little"
  });
  return symbols.find((s) => s.name === "runtime.text")?.value ?? null;
}
function cLines(facts, read) {
  const section2 = (name) => {
    const s = facts.layout.sections.find((x) => x.name === name && x.type !== "NOBITS");
    return s === void 0 ? new Uint8Array(0) : uncompressed(read(s.offset, s.size), facts);
  };
  const debugLine = section2(".debug_line");
  if (debugLine.length === 0) return null;
  const table = parseDebugLine({
    debugLine,
    debugLineStr: section2(".debug_line_str"),
    debugStr: section2(".debug_str"),
    littleEndian: facts.endian === "little",
    addressSize: facts.class === "ELF64" ? 8 : 4
  });
  if (table === null) return null;
  return (addresses, checkout) => addresses.flatMap((a) => {
    const at = table.lineAt(a);
    if (at === null || at.line < 1) return [];
    const file = workspaceFile(at.file, checkout);
    if (file === null || !existsSync(join4(checkout.workspace, file))) return [];
    return [{ file, line: at.line }];
  });
}

// src/steps/drift-callers.ts
async function attachCallers(drift, head, checkout) {
  const goMod = await readFile2(join5(checkout.moduleDir, "go.mod"), "utf8").catch(() => null);
  const changes = [];
  const complete = /* @__PURE__ */ new Map();
  for (const original of drift.changes) {
    const c = { ...original };
    const found = head.find((h) => h.target === c.target && h.path === c.binary);
    const facts = found === void 0 || c.direction !== "raised" ? null : await withSymbols(found, complete);
    const bin = found === void 0 || facts === null ? void 0 : { ...found, facts };
    if (bin !== void 0 && c.kind === "version" && c.symbols.length === 0)
      c.symbols = symbolsAt(bin.facts, c.subject, c.head);
    const defined = bin?.sysroot === null || bin === void 0 || c.kind !== "needed" || c.direction !== "raised" ? null : await librarySymbols(bin.sysroot.dir, bin.sysroot.triplet, c.subject);
    const wanted = bin === void 0 ? [] : wantedOf(c, bin.facts, defined);
    if (bin === void 0 || wanted.length === 0) {
      changes.push(c);
      continue;
    }
    const modulePath = bin.facts.goBuild?.module ?? null;
    const where = { ...checkout, modulePath: modulePath === "" ? null : modulePath };
    try {
      const callers = withFileBytes(
        bin.path,
        (read) => callersOf(bin.facts, read, wanted, where, goMod)
      );
      changes.push({ ...c, callers });
    } catch {
      changes.push(c);
    }
  }
  return { ...drift, changes };
}
async function withSymbols(h, cache) {
  if (cache.has(h)) return cache.get(h) ?? null;
  let facts = h.facts;
  if (h.facts.symbolVersions.length === 0 && h.facts.interpreter !== null) {
    const read = await readSymbolVersions(h.path, { readelf: "readelf", concurrency: 1 });
    facts = "error" in read ? null : { ...h.facts, symbolVersions: read };
  }
  cache.set(h, facts);
  return facts;
}
function symbolsAt(facts, prefix, version) {
  const names = facts.symbolVersions.filter((s) => {
    const v = versionOf(s.version);
    return v !== null && v.prefix === prefix && version !== null && compareDotted(v.version, version) === 0;
  });
  return [...new Set(names.map((s) => s.symbol))].sort();
}
function wantedOf(c, facts, defined) {
  if (c.direction !== "raised") return [];
  if (c.kind === "version") {
    const names = new Set(c.symbols);
    return facts.symbolVersions.filter((s) => names.has(s.symbol));
  }
  if (c.kind !== "needed") return [];
  if (defined !== null) return facts.symbolVersions.filter((s) => defined.has(s.symbol));
  const files = /* @__PURE__ */ new Map();
  for (const v of facts.versionNeeds)
    files.set(v.name, (files.get(v.name) ?? /* @__PURE__ */ new Set()).add(v.file));
  const only = (version) => {
    const f = files.get(version);
    return f !== void 0 && f.size === 1 && f.has(c.subject);
  };
  return facts.symbolVersions.filter(
    (s) => only(s.version) || s.version === "" && s.weak !== true && !WEAK_BY_CONVENTION.includes(s.symbol)
  );
}
function callersOf(facts, read, wanted, checkout, goMod) {
  const explained = explainSymbols({ facts, read, wanted, floor: null, history: null });
  const lines = goLines(facts, read);
  let c;
  const cLinesOf = (addresses) => addresses.length === 0 ? [] : (c ??= cLines(facts, read))?.(addresses, checkout) ?? [];
  const sitesOf = (from) => explained.entries.flatMap(
    (x) => x.from === from ? explained.sites?.get(`${x.symbol}\0${x.from}`) ?? [] : []
  );
  const mainPath = facts.goBuild?.path ?? null;
  const modules = Object.keys(facts.goBuild?.deps ?? {});
  const out = /* @__PURE__ */ new Map();
  const add = (c2) => {
    out.set(`${c2.file ?? ""}:${c2.line ?? 0}:${c2.from}`, c2);
  };
  for (const e of dedupe(explained.entries)) {
    const placed = e.package !== void 0 && e.detail?.startsWith("C.") === true && lines !== null ? lines(new Set(cgoWrapperNames(e.package, e.detail, mainPath)), checkout) : [];
    const cPlaced = e.kind === "your-code" || e.kind === "c-code" ? cLinesOf(sitesOf(e.from)) : [];
    const fn = e.detail;
    for (const p of cPlaced)
      add({ from: e.from, ...fn === void 0 ? {} : { function: fn }, ...p });
    for (const p of placed) add({ from: e.from, ...p });
    if (placed.length > 0 || cPlaced.length > 0) continue;
    const module = e.kind === "dependency" && e.package !== void 0 ? moduleOf(e.package, modules) : null;
    const line = module === null || goMod === null ? null : requireLine(goMod, module);
    if (module !== null && line !== null) {
      const file = workspaceFile(join5(checkout.moduleDir, "go.mod"), {
        ...checkout,
        modulePath: null
      });
      add(file === null ? { from: e.from } : { from: `${e.from}, required here`, file, line });
    } else add({ from: e.from });
  }
  return [...out.values()];
}
function dedupe(entries) {
  const seen = /* @__PURE__ */ new Map();
  for (const e of entries) seen.set(`${e.from}\0${e.detail ?? ""}\0${e.package ?? ""}`, e);
  return [...seen.values()];
}

// src/action/drift.ts
var DRIFT_TITLE = "cgo-abi-guard drift";
function planBaseline(report, inputs) {
  if (inputs.drift === "off") return { kind: "none", why: "drift is off" };
  const targets = report.targets.flatMap((t) => t.target === null ? [] : [t.target]);
  return baselinePlan(inputs.baseline, runnerEvent(process.env), targets);
}
function headEntries(report) {
  return report.targets.flatMap(
    (t) => t.binaries.flatMap(
      (b) => t.target === null || b.surface === null ? [] : [{ target: t.target, path: b.path, surface: b.surface }]
    )
  );
}
async function compareWithBaseline(report, plan, outcomes, inputs) {
  if (plan.kind !== "restore" && plan.kind !== "file") return report;
  const workdir = resolve(inputs.workingDirectory);
  const loaded = await loadBaseline(plan, workdir, (line) => {
    info(`cgo-abi-guard: ${line}`);
  });
  if ("notice" in loaded) {
    notice(loaded.notice, { title: DRIFT_TITLE });
    return report;
  }
  if (loaded.warning !== null) notice(loaded.warning, { title: DRIFT_TITLE });
  const drift = diffEntries(loaded.baseline.entries, headEntries(report), loaded.ref);
  const head = outcomes.flatMap(
    (o) => o.report.binaries.flatMap(
      (b) => b.facts === null ? [] : [
        {
          target: o.target,
          path: b.path,
          facts: b.facts,
          sysroot: o.prep === null ? null : {
            dir: sysrootOf(o.prep.plan, o.prep.installed.dir),
            triplet: abiOf(o.goTarget).triplet
          }
        }
      ]
    )
  );
  const workspace = resolve(process.env.GITHUB_WORKSPACE ?? workdir);
  const withCallers = await attachCallers(drift, head, { workspace, moduleDir: workdir });
  return withDrift(report, withCallers);
}

// src/action/annotation-tally.ts
var counts = { error: 0, warning: 0, notice: 0 };
var installed = false;
function count(chunk) {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
  for (const m of text.matchAll(/^::(error|warning|notice)[ :]/gm)) counts[m[1]]++;
}
function startTally() {
  if (installed) return;
  installed = true;
  const original = process.stdout.write.bind(process.stdout);
  const tallied = (chunk, encoding, callback) => {
    count(chunk);
    return typeof encoding === "function" ? original(chunk, encoding) : original(chunk, encoding, callback);
  };
  process.stdout.write = tallied;
}
function annotationsWritten() {
  return { ...counts };
}

// src/action/step-annotations.ts
var LINK_LINES = 3;
function stepAnnotations(report) {
  const out = [];
  const nameOf = (target) => target ?? "no target";
  for (const t of report.targets) {
    if (t.problem !== null) {
      const link = t.build?.link?.lines ?? [];
      const more = link.length > LINK_LINES ? [`and ${link.length - LINK_LINES} more: see the job summary`] : [];
      out.push({
        level: "error",
        rank: RANK.problem,
        // Even when the build's own errors (the problem matchers) took the step's error room.
        mustShow: true,
        title: `cgo-abi-guard: ${link.length > 0 ? "the link failed" : "the build failed"} (${nameOf(t.target)})`,
        message: [t.problem, ...link.slice(0, LINK_LINES), ...more].join("\n")
      });
    }
    for (const h of t.build?.heldOpenBy ?? [])
      out.push({
        level: "warning",
        rank: RANK.problem,
        title: `cgo-abi-guard: the build's output (${nameOf(t.target)})`,
        message: heldMessage(h)
      });
  }
  out.push(
    ...findingAnnotations(
      report.targets.flatMap(
        (t) => t.binaries.map((result) => ({ target: nameOf(t.target), result }))
      )
    )
  );
  for (const t of report.targets) {
    const flagged = new Set(t.binaries.filter((b) => b.findings.length > 0).map((b) => b.path));
    const title = `cgo-abi-guard smoke (${nameOf(t.target)})`;
    if (t.smoke.status === "error")
      out.push({
        level: "error",
        rank: RANK.first,
        title,
        message: `not run: ${t.smoke.reason ?? ""}`
      });
    for (const r of t.smoke.results)
      if (!r.passed)
        out.push({
          level: smokeFailed(r) ? "error" : "warning",
          // A run that fails where verify already found why adds little; one that fails alone, much.
          rank: flagged.has(r.path) ? RANK.further : RANK.first,
          title,
          message: smokeMessage(r)
        });
    const nss = t.build?.staticNssLinked ?? [];
    if (nss.length > 0)
      out.push({
        level: "warning",
        rank: RANK.first,
        title: `cgo-abi-guard static-nss (${nameOf(t.target)})`,
        message: staticLinkMessage(nss)
      });
  }
  return out;
}
function stepBudget(matched, willFail) {
  const written = annotationsWritten();
  const left = (level) => STEP_LIMIT[level] - written[level] - matched.reduce((n, m) => n + m[level], 0);
  return {
    error: left("error") - (willFail ? 1 : 0),
    warning: left("warning"),
    notice: left("notice"),
    spare: willFail ? 1 : 0
  };
}

// src/action/publish.ts
async function publish(args) {
  const { outcomes, inputs, annotate: annotate2 } = args;
  const built = actionRunReport(args);
  const plan = planBaseline(built, inputs);
  if (plan.kind === "none" && inputs.drift !== "off")
    info(`cgo-abi-guard: no baseline compared or saved: ${plan.why}`);
  const report = await compareWithBaseline(built, plan, outcomes, inputs);
  const failure = failureOf(report, inputs.failOn);
  const ranked = [
    ...stepAnnotations(report),
    ...report.drift === null ? [] : driftAnnotations(report.drift, inputs.drift)
  ];
  const matched = outcomes.map((o) => o.matched);
  for (const a of withinBudget(ranked, stepBudget(matched, failure !== null))) annotate2(a);
  const reportDir = await mkdtemp(join6(process.env.RUNNER_TEMP ?? tmpdir(), "cgo-abi-guard-"));
  const reportPath = join6(reportDir, "report.json");
  await writeFile(reportPath, renderJson(report));
  const checksumsPath = join6(reportDir, "checksums.sha256");
  const predicatePath = join6(reportDir, "predicate.json");
  const workdir = resolve2(inputs.workingDirectory);
  const digests = await binaryDigests(report, workdir);
  const attested = await writeAttestation(report, {
    checksums: checksumsPath,
    predicate: predicatePath,
    workdir,
    digests,
    musl: inputs.musl === null ? null : { floor: inputs.musl.version, link: inputs.musl.link },
    say: actionReport
  });
  const sbomPath = inputs.sbom ? join6(reportDir, "sbom.cdx.json") : "";
  if (inputs.sbom)
    await writeSbom(
      report,
      outcomes.map((o) => o.prep?.installed ?? null),
      {
        path: sbomPath,
        workdir,
        lockPath: inputs.lockfile,
        digests,
        linkLog: process.env[LINK_LOG_ENV] ?? null
      }
    );
  if (plan.kind === "save")
    saveState(BASELINE_STATE, JSON.stringify(await stageBaseline(plan, reportPath)));
  await summary.addRaw(renderSummary(report)).write().catch((error2) => {
    warning(
      `job summary not written: ${error2 instanceof Error ? error2.message : String(error2)}`
    );
  });
  setOutput("verdict", passOrFail(report.verdict));
  setOutput("report", reportPath);
  setOutput("checksums", checksumsPath);
  setOutput("predicate", predicatePath);
  setOutput("predicate-type", attested.predicateType);
  setOutput("sbom", sbomPath);
  info(
    `cgo-abi-guard: ${attested.subjects.length} passing binar${attested.subjects.length === 1 ? "y" : "ies"} in ${checksumsPath}`
  );
  setOutput("smoke", smokeOutput(report));
  setOutput("drift", report.drift === null ? "" : JSON.stringify(report.drift));
  setOutput(
    "depends",
    dependsOutput(
      report.targets.map((t, i) => ({
        // Keyed like cc and sysroot: by the targets as the user wrote them.
        target: inputs.targetNames[i] ?? t.target ?? "",
        depends: [t.depends]
      }))
    )
  );
  const glibc = allBinaries(report).flatMap(
    (b) => b.facts?.versions.GLIBC === void 0 ? [] : [b.facts.versions.GLIBC]
  );
  setOutput("max-glibc", maxDotted(glibc) ?? "");
  if (failure !== null) setFailed(failure);
}
function smokeOutput(report) {
  const smokes = report.targets.map((t) => t.smoke);
  if (smokes.some((s) => s.status === "fail")) return "fail";
  const partial = smokes.some((s) => s.status === "error") || smokes.some((s) => s.results.some((r) => r.notRun !== void 0));
  return smokes.every((s) => s.results.length === 0) || partial ? "" : "pass";
}
function failureOf(report, failOn) {
  if (report.targets.some((t) => t.build !== null && t.build.exit !== 0))
    return "cgo-abi-guard: the build failed";
  if (failOn === "never" || report.verdict === "pass") return null;
  const binaries = allBinaries(report);
  const judged = report.targets.every((t) => t.problem === null);
  const smoke = (status) => report.targets.some((t) => t.smoke.status === status);
  const unrun = report.targets.find((t) => t.smoke.status === "error")?.smoke.reason ?? null;
  if (judged && binaries.every((b) => b.verdict === "pass") && !smoke("fail") && unrun !== null)
    return `cgo-abi-guard: the smoke run could not be set up: ${unrun}`;
  const why = driftFails(report) && binaries.every((b) => b.verdict === "pass") && !smoke("fail") ? `ABI drift against the baseline (drift: ${report.policy.drift})` : !judged || binaries.some((b) => b.verdict === "error") ? "some binaries could not be judged" : binaries.some((b) => b.verdict === "fail") ? "ABI violations" : smoke("fail") ? "binaries failed the smoke run" : "warnings, and fail-on is warning";
  return `cgo-abi-guard: ${why} (see the annotations and the job summary)`;
}

// src/action/merge.ts
import { isAbsolute as isAbsolute2, posix as posix2, resolve as resolve3 } from "node:path";
var TITLE = "cgo-abi-guard merge";
async function mergeStep(inputs) {
  const workdir = resolve3(inputs.workingDirectory);
  const globs = inputs.reports.map((g) => isAbsolute2(g) ? g : posix2.join(escapePath(workdir), g));
  const merged = await mergeReportFiles(globs);
  const unread = merged.legs.filter((l) => l.problem !== null);
  for (const l of unread) error(`${l.source}: ${l.problem ?? ""}`, { title: TITLE });
  const verdict = merged.verdict === "pass" ? "pass" : "fail";
  await summary.addRaw(mergedMarkdown(merged)).write();
  setOutput("verdict", verdict);
  info(`cgo-abi-guard: merged ${merged.legs.length} reports: ${verdict}`);
  if (verdict === "fail" && inputs.failOn !== "never")
    setFailed(
      unread.length > 0 ? "cgo-abi-guard: some reports could not be merged (see the annotations)" : "cgo-abi-guard: a merged report failed (see the job summary)"
    );
}

// src/action/smoke.ts
async function smokeTargets(outcomes, inputs, setting) {
  const runner = smokeRunner(setting);
  const results = /* @__PURE__ */ new Map();
  const notRun = /* @__PURE__ */ new Map();
  for (const o of outcomes) {
    if (o.problem !== null || o.report.binaries.length === 0) {
      info(`cgo-abi-guard: smoke run for ${o.target}: not run (nothing was built to run)`);
      continue;
    }
    startGroup(`cgo-abi-guard: smoke run for ${o.target}`);
    try {
      const ran = await runner.run(o.report.binaries, {
        target: o.goTarget,
        // libc none installs no toolchain: static runs only.
        sysroot: o.prep === null ? null : sysrootOf(o.prep.plan, o.prep.installed.dir),
        libc: inputs.libc,
        args: inputs.smoke
      });
      for (const r of ran) logRun(r);
      if (ran.length === 0) info("no executables to run (shared libraries are not started)");
      results.set(o.target, ran);
    } catch (error2) {
      if (!(error2 instanceof SmokeSetupFailed)) throw error2;
      info(`not run: ${error2.message}`);
      notRun.set(o.target, error2.message);
    } finally {
      endGroup();
    }
  }
  return { results, notRun, qemu: await runner.qemu() };
}
function logRun(r) {
  info(`[command]${r.command ?? r.path}`);
  for (const line of r.stdout ?? []) info(line);
  for (const line of r.stderr) info(line);
  info(smokeMessage(r));
}

// src/action/toolchains.ts
var StepError = class extends Error {
};
async function prepareTarget(setting, target, inputs) {
  const { glibc, compiler, packages, release, musl } = inputs;
  const request = { target, glibc, compiler, packages, release, musl };
  const prepared = await prepareToolchain(setting, request);
  return { target, name: formatTarget(target), ...prepared };
}
function actionSetting(inputs, runner) {
  return installSetting({
    frontEnd: "action",
    runner,
    request: inputs,
    report: actionReport,
    actionsCache: inputs.cache ? (toolCache) => actionsCache(toolCache, runnerImage(process.env), actionReport) : null
  });
}

// src/action/main.ts
async function runAction() {
  startTally();
  try {
    await main();
  } catch (error2) {
    setFailed(error2 instanceof Error ? error2.message : String(error2));
  }
}
function annotate(a) {
  const props = {
    title: a.title,
    ...a.file === void 0 ? {} : { file: a.file, startLine: a.line }
  };
  if (a.level === "error") error(a.message, props);
  else if (a.level === "warning") warning(a.message, props);
  else notice(a.message, props);
}
async function main() {
  const inputs = readInputs((name) => getInput(name));
  if ("errors" in inputs) {
    for (const e of inputs.errors) error(e, { title: "cgo-abi-guard input" });
    setFailed(
      `cgo-abi-guard: ${inputs.errors.length} invalid input(s); nothing was installed or built`
    );
    return;
  }
  if (inputs.reports.length > 0) {
    await mergeStep(inputs);
    return;
  }
  const workdir = resolve4(inputs.workingDirectory);
  const policy = await readPolicy(inputs);
  if (policy === null) return;
  await checkReadelf("readelf");
  const runner = await resolveRunner({ cwd: workdir, env: process.env });
  if (!await checkGo(runner, inputs, workdir)) return;
  const targets = inputs.targets.length > 0 ? inputs.targets : [runnerTarget(runner)];
  setOutput("kernel", runner.kernel);
  setOutput("runner-libc", runner.libc.family);
  setOutput("runner-glibc", runner.libc.family === "glibc" ? runner.libc.version ?? "" : "");
  setOutput("go-version", "missing" in runner.go ? "" : runner.go.goversion);
  setOutput("lockfile", inputs.lockfile);
  const pending = [];
  try {
    const setting = actionSetting(inputs, runner);
    await toolchainsAndVerdict({ inputs, runner, setting, targets, policy, workdir, pending });
  } finally {
    saveState(CACHE_STATE, JSON.stringify(pending));
  }
}
async function toolchainsAndVerdict(r) {
  const { inputs, setting, targets } = r;
  const prepared = [];
  if (inputs.libc !== "none") {
    for (const target of targets) {
      const p = await prepareTarget(setting, target, inputs);
      prepared.push(p);
      r.pending.push(...p.installed.toSave);
    }
  } else {
    info(
      `cgo-abi-guard: libc ${inputs.libc}: no toolchain is installed; the build brings its own compiler`
    );
  }
  const spelled = (p) => inputs.targetNames[targets.indexOf(p.target)] ?? p.name;
  const byTarget = (value) => JSON.stringify(Object.fromEntries(prepared.map((p) => [spelled(p), value(p)])));
  setOutput(
    "cc",
    byTarget((p) => p.env.CC ?? "")
  );
  setOutput(
    "sysroot",
    byTarget((p) => sysrootOf(p.plan, p.installed.dir))
  );
  if (inputs.exportEnv) exportEnv(prepared);
  if (inputs.sbom) recordLinks(inputs.exportEnv);
  if (inputs.run === null && inputs.artifacts.length === 0) {
    if (inputs.smoke !== null)
      warning(SMOKE_WITHOUT_BINARIES, { title: "cgo-abi-guard smoke" });
    if (inputs.sbom) warning(SBOM_WITHOUT_BINARIES, { title: "cgo-abi-guard sbom" });
    info(
      "cgo-abi-guard: no run and no artifacts: toolchains installed and exported, nothing to verify"
    );
    return;
  }
  const outcomes = [];
  for (const target of targets) {
    const prep = prepared.find((p) => p.name === formatTarget(target)) ?? null;
    outcomes.push(await buildAndVerify({ ...r, target, prep }));
  }
  const smoke = inputs.smoke === null ? null : await smokeTargets(outcomes, { ...inputs, smoke: inputs.smoke }, setting);
  for (const q of smoke?.qemu ?? []) r.pending.push(...q.toSave);
  await publish({
    runner: r.runner,
    outcomes,
    inputs,
    policy: r.policy,
    annotate,
    smoke: smoke?.results ?? null,
    ...smoke === null ? {} : { smokeNotRun: smoke.notRun }
  });
}
async function readPolicy(inputs) {
  const loaded = await loadPolicy(inputs.policy, {
    libc: inputs.libc,
    // A musl binary has no GLIBC_ versions: its floor is the musl one (per target, build-verify).
    glibc: inputs.libc === "musl" ? null : inputs.glibc,
    link: inputs.musl?.link ?? null,
    smoke: inputs.smoke !== null
  });
  if ("policy" in loaded) return loaded.policy;
  for (const e of loaded.errors) annotate(fileLineAnnotation(e, "cgo-abi-guard policy"));
  setFailed(`cgo-abi-guard: ${loaded.failure}`);
  return null;
}
async function checkGo(runner, inputs, workdir) {
  if ("missing" in runner.go) {
    if (inputs.run !== null) warning(runner.go.missing, { title: "cgo-abi-guard: Go" });
    return true;
  }
  if (runner.go.switchable !== null) {
    const goMod = join7(workdir, "go.mod");
    const lines = (await readFile3(goMod, "utf8").catch(() => "")).split("\n");
    const at = [/^toolchain\s/, /^go\s/].map((re) => lines.findIndex((l) => re.test(l))).find((i) => i >= 0);
    warning(runner.go.switchable, {
      title: "cgo-abi-guard: Go toolchain may switch",
      ...at === void 0 ? {} : { file: goMod, startLine: at + 1 }
    });
  }
  if (inputs.godebug === null) return true;
  const check = await checkGodebug(inputs.godebug, runner.go.goroot);
  for (const w of check.warnings) warning(w, { title: GODEBUG_TITLE });
  if (check.errors.length === 0) return true;
  for (const e of check.errors) error(e, { title: GODEBUG_TITLE });
  setFailed("cgo-abi-guard: invalid godebug input");
  return false;
}
function recordLinks(exported) {
  const set = process.env[LINK_LOG_ENV] ?? "";
  const dir = set !== "" ? set : join7(process.env.RUNNER_TEMP ?? tmpdir2(), "cgo-abi-guard-links");
  process.env[LINK_LOG_ENV] = dir;
  if (exported) exportVariable(LINK_LOG_ENV, dir);
}
function runnerTarget(runner) {
  const goarch = runner.hostArch.goarch;
  if (goarch === null || !isGoArch(goarch)) {
    throw new StepError(
      `the runner's architecture ${runner.hostArch.machine} is not a Go target: set the "target" input`
    );
  }
  return { goarch, variant: ARCHES[goarch].defaultVariant };
}
function exportEnv(prepared) {
  if (prepared.length === 0) return;
  exportVariable("CGO_ENABLED", "1");
  for (const p of prepared) {
    const arch = p.target.goarch;
    for (const name of [`CC_${arch}`, `CXX_${arch}`, `PKG_CONFIG_${arch}`]) {
      const value = p.env[name];
      if (value !== void 0) exportVariable(name, value);
    }
  }
  const [only] = prepared;
  if (prepared.length !== 1 || only === void 0) return;
  for (const name of ["CC", "CXX", "PKG_CONFIG", "PKG_CONFIG_LIBDIR", "PKG_CONFIG_SYSROOT_DIR"]) {
    const value = only.env[name];
    if (value !== void 0) exportVariable(name, value);
  }
}

// src/main.ts
await runAction();
