/**
 * The attestation files of a run (domain/report/attestation.ts): each binary hashed as it is on
 * disk after verification, the checksums file and the predicate written where the front end
 * says. One core under both front ends: the action's `checksums`/`predicate` outputs and
 * `verify --checksums FILE --predicate FILE`.
 */
import { writeFile } from 'node:fs/promises';
import { sha256File } from '../adapters/sha256.js';
import {
  absolutePath,
  attestation,
  PREDICATE_TYPE,
  type VerificationPredicate,
} from '../domain/report/attestation.js';
import type { RunReport } from '../domain/report/run-report.js';
import type { Report } from './report.js';

export const ATTEST_TITLE = 'cgo-abi-guard attestation';

export interface AttestPaths {
  /** Where the checksums file goes; null: not written. */
  checksums: string | null;
  /** Where the predicate goes; null: not written. */
  predicate: string | null;
}

export interface AttestResult {
  predicateType: string;
  /** The subjects' names (the checksums file's lines). */
  subjects: string[];
}

/** Each verified binary's sha256 as it is on disk now, by its report path; null: unreadable. */
export type BinaryDigests = ReadonlyMap<string, string | null>;

/** Every binary of the report hashed once, for the attestation and the SBOM alike. */
export async function binaryDigests(report: RunReport, workdir: string): Promise<BinaryDigests> {
  const digests = new Map<string, string | null>();
  for (const b of report.targets.flatMap((t) => t.binaries)) {
    if (digests.has(b.path)) continue;
    digests.set(b.path, await sha256File(absolutePath(b.path, workdir)).catch(() => null));
  }
  return digests;
}

export async function writeAttestation(
  report: RunReport,
  o: AttestPaths & {
    workdir: string;
    musl: VerificationPredicate['musl'];
    say: Report;
    digests?: BinaryDigests;
  },
): Promise<AttestResult> {
  const digests = o.digests ?? (await binaryDigests(report, o.workdir));
  const made = attestation({ report, workdir: o.workdir, digests, musl: o.musl, time: new Date() });
  for (const w of made.warnings) o.say.warning(w, ATTEST_TITLE);
  if (o.checksums !== null) await writeFile(o.checksums, made.checksums);
  if (o.predicate !== null)
    await writeFile(o.predicate, `${JSON.stringify(made.predicate, null, 2)}\n`);
  return { predicateType: PREDICATE_TYPE, subjects: made.subjects };
}
