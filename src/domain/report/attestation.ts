/**
 * What passed, for `actions/attest`: a `sha256sum` checksums file of the binaries that passed
 * (its `subject-checksums` input) and a predicate recording the verification (its
 * `predicate-type` and `predicate-path`). The predicate type is this project's own
 * (PREDICATE_TYPE, JSON Schema docs/predicate.schema.json, described in docs/attest.md): in-toto's
 * Simple Verification Result (svr/v0.2) has room for property names only, not the policy, the
 * digests, verdicts and ABI surfaces, nor the toolchain this records. Pure: the digests and the
 * time are given.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { AbiSurface } from '../drift/surface.js';
import type { RuleId, Severity } from '../rules/types.js';
import type { Verdict } from './report.js';
import type {
  BinaryReport,
  FailOn,
  PolicyReport,
  RunReport,
  TargetReport,
  ToolchainReport,
} from './run-report.js';

/** The predicate's type URI (versioned: a change to its shape is a new one, and a new schema). */
export const PREDICATE_TYPE =
  'https://github.com/org/cgo-abi-guard/attestation/abi-verification/v1';

/** actions/attest reads a checksums file of at most 512 KiB (src/subject.ts). */
export const CHECKSUMS_MAX_BYTES = 512 * 1024;

export interface AttestedBinary {
  /**
   * The subject name: the path relative to the working directory (the checksums file's name).
   * No absolute path: the runner's directories are not the binary's business (nor a public log's).
   */
  name: string;
  target: string | null;
  /** Of the file as read after verification; null: it could not be read. */
  sha256: string | null;
  verdict: Verdict;
  /** In the checksums file (a subject of the attestation). */
  subject: boolean;
  /** Why it is not a subject; null: it is one. */
  excluded: string | null;
  findings: { rule: RuleId; severity: Severity }[];
  surface: AbiSurface | null;
}

export interface AttestedToolchain {
  target: string;
  kind: ToolchainReport['kind'];
  release: string;
  floor: string;
  compiler: ToolchainReport['compiler'];
  mode: ToolchainReport['mode'];
  /** Its lockfile entry's `key:`. */
  lockKey: string;
  /** 12 hex digits of the locked content's identity. */
  contentHash: string;
}

export interface VerificationPredicate {
  verifier: { name: string; version: string; frontEnd: RunReport['frontEnd'] };
  /** When the files were written (RFC 3339, UTC). */
  timeVerified: string;
  git: RunReport['git'];
  policy: PolicyReport;
  /** libc musl: the musl floor and the link asked for; null: another libc. */
  musl: { floor: string | null; link: 'static' | 'dynamic' | null } | null;
  /** The run's verdict (pass only when every binary passed). */
  verdict: Verdict;
  binaries: AttestedBinary[];
  toolchains: AttestedToolchain[];
}

export interface AttestationInput {
  report: RunReport;
  /** The directory subject names are relative to (the working directory). */
  workdir: string;
  /** The sha256 of each binary by its report path; missing or null: not read. */
  digests: ReadonlyMap<string, string | null>;
  musl: VerificationPredicate['musl'];
  time: Date;
}

export interface Attestation {
  /** `<sha256>  <name>\n` per subject, in the report's order; empty: none passed. */
  checksums: string;
  predicate: VerificationPredicate;
  /** The subjects' names. */
  subjects: string[];
  /** Binaries that passed and still are not subjects, and why (for a warning each). */
  warnings: string[];
}

/** The absolute path of a report path (relative ones are relative to the working directory). */
export function absolutePath(path: string, workdir: string): string {
  return isAbsolute(path) ? path : resolve(workdir, path);
}

/** The subject name of a binary: its path relative to the working directory. */
export function subjectName(path: string, workdir: string): string {
  return relative(resolve(workdir), absolutePath(path, workdir));
}

/**
 * Why a name cannot be a line of a checksums file, or null. actions/attest splits the file on
 * `\r?\n` and throws on a name with `\r` or `\n` left in it; sha256sum escapes a name holding
 * `\` or a newline by a leading `\` before the digest, which attest rejects as not hex.
 */
export function unsafeName(name: string): string | null {
  if (name === '') return 'its name is empty';
  if (/[\r\n]/.test(name)) return 'its name holds a line break';
  if (name.includes('\\')) return 'its name holds a backslash (sha256sum would escape it)';
  return null;
}

/**
 * Why a binary is not attested as having passed, or null when it passed: its own verdict, a
 * warning under `fail-on: warning`, its target's problem, a failed smoke run of it.
 */
export function notPassed(b: BinaryReport, t: TargetReport, failOn: FailOn): string | null {
  if (b.verdict !== 'pass') return `its verdict is ${b.verdict}`;
  if (t.problem !== null) return `its target could not be judged: ${t.problem}`;
  if (failOn === 'warning' && b.findings.some((f) => f.severity === 'warning'))
    return 'it has warnings and fail-on is warning';
  if (t.smoke.results.some((r) => r.path === b.path && !r.passed && r.notRun === undefined))
    return 'it failed the smoke run';
  return null;
}

function toolchainOf(t: TargetReport): AttestedToolchain[] {
  const c = t.toolchain;
  if (c === null || t.target === null) return [];
  const { kind, release, floor, compiler, mode, lockKey, contentHash } = c;
  return [{ target: t.target, kind, release, floor, compiler, mode, lockKey, contentHash }];
}

export function attestation(a: AttestationInput): Attestation {
  const { report, workdir, digests } = a;
  const warnings: string[] = [];
  const lines: string[] = [];
  const subjects: string[] = [];
  const binaries = report.targets.flatMap((t) =>
    t.binaries.map((b): AttestedBinary => {
      const name = subjectName(b.path, workdir);
      const sha256 = digests.get(b.path) ?? null;
      const failed = notPassed(b, t, report.policy.failOn);
      const refused =
        failed ?? (sha256 === null ? 'it could not be read after verification' : unsafeName(name));
      if (failed === null && refused !== null)
        warnings.push(`${JSON.stringify(name)} passed but is not attested: ${refused}`);
      const line = `${sha256 ?? ''}  ${name}\n`;
      const subject = refused === null;
      // One line per name and digest, as actions/attest deduplicates (a file matched twice).
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
        surface: b.surface,
      };
    }),
  );
  const checksums = lines.join('');
  if (new TextEncoder().encode(checksums).length > CHECKSUMS_MAX_BYTES)
    warnings.push(
      `the checksums file is over ${CHECKSUMS_MAX_BYTES} bytes: actions/attest will refuse it`,
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
      toolchains: report.targets.flatMap(toolchainOf),
    },
  };
}
