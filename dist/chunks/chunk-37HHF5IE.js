import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  loaderFor
} from "./chunk-Y5IEVJEU.js";
import {
  ARCHITECTURES
} from "./chunk-YTYQUFQD.js";

// src/domain/toolchain/smoke.ts
var QEMU_ARCH = Object.fromEntries(
  ARCHITECTURES.map((a) => [a.goarch, a.qemu])
);
var SMOKE_TIMEOUT_MS = 3e4;
function runsNatively(target, host, kernelRuns386) {
  return target === host || target === "386" && host === "amd64" && kernelRuns386;
}
function smokeCommand(o) {
  const extra = o.libraryDirs ?? [];
  const libc = o.libc ?? "glibc";
  const loader = loaderFor(o.target, libc);
  if (loader === null) return { error: `no ${libc} loader is known for ${o.target.goarch}` };
  if (o.native) {
    const base = loader.split("/").at(-1) ?? loader;
    return {
      program: `${o.glibcRoot}/lib/${base}`,
      args: [
        "--library-path",
        [`${o.glibcRoot}/lib`, `${o.glibcRoot}/usr/lib`, ...extra].join(":"),
        o.binary,
        ...o.args
      ],
      via: "loader"
    };
  }
  if (o.qemu === null) return { error: `qemu-${QEMU_ARCH[o.target.goarch]} is not installed` };
  return {
    program: o.qemu,
    // The guest loader looks under -L first, then at the path itself: host paths work.
    args: [
      "-L",
      o.glibcRoot,
      ...extra.length === 0 ? [] : ["-E", `LD_LIBRARY_PATH=${extra.join(":")}`],
      o.binary,
      ...o.args
    ],
    via: `qemu-${QEMU_ARCH[o.target.goarch]}`
  };
}
function staticCommand(o) {
  if (o.native) return { program: o.binary, args: [...o.args], via: "direct" };
  if (o.qemu === null) return { error: `qemu-${QEMU_ARCH[o.target.goarch]} is not installed` };
  return {
    program: o.qemu,
    args: [o.binary, ...o.args],
    via: `qemu-${QEMU_ARCH[o.target.goarch]}`
  };
}
var STATIC_LIBC = "static";
function noSysrootReason(libc) {
  if (libc === "musl")
    return "dynamically linked against musl, and there is no musl sysroot to start it on (the CLI's --sysroot, as `env --libc musl` exports it in PKG_CONFIG_SYSROOT_DIR; a static musl build is run without one)";
  if (libc === "none")
    return "dynamically linked, and libc: none installs no sysroot to start it on";
  return "dynamically linked, and there is no sysroot with its glibc to start it on";
}
function smokeFailed(r) {
  return !r.passed && r.notRun === void 0;
}
var STDERR_LINES = 5;
function firstLines(text, n = STDERR_LINES) {
  return text.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "").slice(0, n);
}
function smokeMessage(r) {
  if (r.notRun !== void 0) return `${r.path} was not run: ${r.notRun}`;
  const on = r.glibc === STATIC_LIBC ? "as a static binary" : r.glibc.startsWith("musl") ? `on ${r.glibc}` : `on glibc ${r.glibc}`;
  const how = r.timedOut ? `did not finish within ${SMOKE_TIMEOUT_MS / 1e3} s` : `exited ${r.exit ?? "on a signal"}`;
  const said = r.stderr.length === 0 ? "" : `: ${r.stderr.join(" / ")}`;
  const note = r.note === void 0 ? "" : ` [${r.note}]`;
  return `${r.path} ${r.passed ? "runs" : `${how} when run`} ${on} (${r.via})${r.passed ? "" : said}${note}`;
}
function commandLine(cmd) {
  const quote = (w) => /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
  return [cmd.program, ...cmd.args].map(quote).join(" ");
}
function isRunnable(facts) {
  return facts.type.startsWith("EXEC") || facts.interpreter !== null;
}
function smokeTable(results) {
  if (results.length === 0) return "";
  const rows = results.map((r) => {
    const cell = (t) => t.replace(/\|/g, "\\|");
    if (r.notRun !== void 0)
      return `| ${cell(r.path)} | ${r.glibc} | ${r.via} | not run | ${cell(r.notRun)} |`;
    const said = r.passed ? "" : cell(r.stderr.slice(0, 2).join(" / "));
    return `| ${cell(r.path)} | ${r.glibc} | ${r.via} | ${r.passed ? "runs" : r.timedOut ? "timed out" : `exit ${r.exit ?? "signal"}`} | ${said} |`;
  });
  const notes = [...new Set(results.flatMap((r) => r.note === void 0 ? [] : [r.note]))];
  return [
    "| smoke run | glibc | via | result | stderr |",
    "|---|---|---|---|---|",
    ...rows,
    ...notes.length === 0 ? [] : ["", ...notes.map((n) => `Note: ${n}.`)]
  ].join("\n");
}
function smokeArgs(text) {
  return text.split(/\s+/).filter((a) => a !== "");
}

export {
  QEMU_ARCH,
  SMOKE_TIMEOUT_MS,
  runsNatively,
  smokeCommand,
  staticCommand,
  STATIC_LIBC,
  noSysrootReason,
  smokeFailed,
  firstLines,
  smokeMessage,
  commandLine,
  isRunnable,
  smokeTable,
  smokeArgs
};
