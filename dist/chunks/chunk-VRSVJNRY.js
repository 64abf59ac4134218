import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  sha256File
} from "./chunk-QK2C5E6M.js";

// src/domain/report/run-report.ts
var SCHEMA_VERSION = 3;
var TOOL = { name: "cgo-abi-guard", version: "0.1.0" };
function allBinaries(report) {
  return report.targets.flatMap((t) => t.binaries);
}

// src/domain/report/attestation.ts
import { isAbsolute, relative, resolve } from "node:path";
var PREDICATE_TYPE = "https://github.com/org/cgo-abi-guard/attestation/abi-verification/v1";
var CHECKSUMS_MAX_BYTES = 512 * 1024;
function absolutePath(path, workdir) {
  return isAbsolute(path) ? path : resolve(workdir, path);
}
function subjectName(path, workdir) {
  return relative(resolve(workdir), absolutePath(path, workdir));
}
function unsafeName(name) {
  if (name === "") return "its name is empty";
  if (/[\r\n]/.test(name)) return "its name holds a line break";
  if (name.includes("\\")) return "its name holds a backslash (sha256sum would escape it)";
  return null;
}
function notPassed(b, t, failOn) {
  if (b.verdict !== "pass") return `its verdict is ${b.verdict}`;
  if (t.problem !== null) return `its target could not be judged: ${t.problem}`;
  if (failOn === "warning" && b.findings.some((f) => f.severity === "warning"))
    return "it has warnings and fail-on is warning";
  if (t.smoke.results.some((r) => r.path === b.path && !r.passed && r.notRun === void 0))
    return "it failed the smoke run";
  return null;
}
function toolchainOf(t) {
  const c = t.toolchain;
  if (c === null || t.target === null) return [];
  const { kind, release, floor, compiler, mode, lockKey, contentHash } = c;
  return [{ target: t.target, kind, release, floor, compiler, mode, lockKey, contentHash }];
}
function attestation(a) {
  const { report, workdir, digests } = a;
  const warnings = [];
  const lines = [];
  const subjects = [];
  const binaries = report.targets.flatMap(
    (t) => t.binaries.map((b) => {
      const name = subjectName(b.path, workdir);
      const sha256 = digests.get(b.path) ?? null;
      const failed = notPassed(b, t, report.policy.failOn);
      const refused = failed ?? (sha256 === null ? "it could not be read after verification" : unsafeName(name));
      if (failed === null && refused !== null)
        warnings.push(`${JSON.stringify(name)} passed but is not attested: ${refused}`);
      const line = `${sha256 ?? ""}  ${name}
`;
      const subject = refused === null;
      if (subject && !lines.includes(line)) {
        lines.push(line);
        subjects.push(name);
      }
      return {
        name,
        target: b.target,
        sha256,
        verdict: b.verdict,
        subject,
        excluded: refused,
        findings: b.findings.map(({ rule, severity }) => ({ rule, severity })),
        surface: b.surface
      };
    })
  );
  const checksums = lines.join("");
  if (new TextEncoder().encode(checksums).length > CHECKSUMS_MAX_BYTES)
    warnings.push(
      `the checksums file is over ${CHECKSUMS_MAX_BYTES} bytes: actions/attest will refuse it`
    );
  return {
    checksums,
    subjects,
    warnings,
    predicate: {
      verifier: { ...report.tool, frontEnd: report.frontEnd },
      timeVerified: a.time.toISOString(),
      git: report.git,
      policy: report.policy,
      musl: a.musl,
      verdict: report.verdict,
      binaries,
      toolchains: report.targets.flatMap(toolchainOf)
    }
  };
}

// src/steps/attest.ts
import { writeFile } from "node:fs/promises";
var ATTEST_TITLE = "cgo-abi-guard attestation";
async function binaryDigests(report, workdir) {
  const digests = /* @__PURE__ */ new Map();
  for (const b of report.targets.flatMap((t) => t.binaries)) {
    if (digests.has(b.path)) continue;
    digests.set(b.path, await sha256File(absolutePath(b.path, workdir)).catch(() => null));
  }
  return digests;
}
async function writeAttestation(report, o) {
  const digests = o.digests ?? await binaryDigests(report, o.workdir);
  const made = attestation({ report, workdir: o.workdir, digests, musl: o.musl, time: /* @__PURE__ */ new Date() });
  for (const w of made.warnings) o.say.warning(w, ATTEST_TITLE);
  if (o.checksums !== null) await writeFile(o.checksums, made.checksums);
  if (o.predicate !== null)
    await writeFile(o.predicate, `${JSON.stringify(made.predicate, null, 2)}
`);
  return { predicateType: PREDICATE_TYPE, subjects: made.subjects };
}

export {
  SCHEMA_VERSION,
  TOOL,
  allBinaries,
  subjectName,
  binaryDigests,
  writeAttestation
};
