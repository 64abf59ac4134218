/**
 * Attest what passed: the bundled step (verify-only: libc none, nothing installed) on a passing
 * and a failing binary writes `checksums`, `predicate` and `predicate-type`, and `actions/attest`
 * (v4) fed those as `subject-checksums`, `predicate-path` and `predicate-type` accepts them. Its
 * input checks are re-implemented below, each citing the file of actions/attest (or of the
 * in-toto spec it builds statements for) that makes it; none of their code is copied. The real
 * `sha256sum -c` checks the checksums file in the working directory, and the predicate is valid
 * against docs/predicate.schema.json. `verify --checksums --predicate` writes the same.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICATE_TYPE, type VerificationPredicate } from '../../src/domain/report/attestation.js';
import { fixture } from '../setup/fixtures.js';
import { CLI, SYSTEM_NODE } from '../setup/paths.js';
import { predicateSchemaErrors } from '../setup/report-schema.js';
import { Runner } from '../setup/runner.js';

/** actions/attest src/subject.ts: MAX_SUBJECT_COUNT. */
const MAX_SUBJECT_COUNT = 1024;
/** actions/attest src/subject.ts: MAX_SUBJECT_CHECKSUM_SIZE_BYTES = 512 * MAX_SUBJECT_COUNT. */
const MAX_CHECKSUMS_BYTES = 512 * MAX_SUBJECT_COUNT;
/** actions/attest src/predicate.ts: MAX_PREDICATE_SIZE_BYTES (16 MiB). */
const MAX_PREDICATE_BYTES = 16 * 1024 * 1024;

interface Subject {
  name: string;
  digest: Record<string, string>;
}

/**
 * The subjects actions/attest reads from its `subject-checksums` input, failing where it throws
 * and also where it would silently drop or misread something (a stricter reading).
 */
function attestSubjects(input: string): Subject[] {
  // index.ts: core.getInput trims the value; an output with surrounding blanks would change.
  expect(input).toBe(input.trim());
  // subject.ts getSubjectFromChecksums: when fs.access(input) fails the input is parsed as the
  // checksums text itself (a missing file gives no subject, silently): the file must exist.
  expect(existsSync(input), `checksums file ${input}`).toBe(true);
  // subject.ts getSubjectFromChecksumsFile: it must be a file, of at most 512 KiB, read as UTF-8.
  const stats = statSync(input);
  expect(stats.isFile()).toBe(true);
  expect(stats.size).toBeLessThanOrEqual(MAX_CHECKSUMS_BYTES);
  const text = readFileSync(input, 'utf8');
  const subjects: Subject[] = [];
  // subject.ts getSubjectFromChecksumsString: records split on /\r?\n/, empty ones dropped.
  for (const record of text.split(/\r?\n/).filter(Boolean)) {
    // A record without a space is skipped there: here it is an error (nothing may be lost).
    const delim = record.indexOf(' ');
    expect(delim, `a record without a delimiter: ${JSON.stringify(record)}`).toBeGreaterThan(0);
    // The name follows the first space, one leading `*` or space (the flag) dropped.
    const flagAndName = record.slice(delim + 1);
    const name =
      flagAndName.startsWith('*') || flagAndName.startsWith(' ')
        ? flagAndName.slice(1)
        : flagAndName;
    // It throws on a name holding a line break ("Invalid subject name (contains a newline)").
    expect(name).not.toMatch(/[\r\n]/);
    const digest = record.slice(0, delim);
    // It throws unless the digest is hex (HEX_STRING_RE = /^[0-9a-fA-F]+$/) ...
    expect(digest).toMatch(/^[0-9a-fA-F]+$/);
    // ... and digestAlgorithm throws unless it is 64 (sha256) or 128 (sha512) digits long; ours
    // are sha256.
    expect(digest).toHaveLength(64);
    // Deduplicated by name and digest.
    if (!subjects.some((s) => s.name === name && s.digest.sha256 === digest))
      subjects.push({ name, digest: { sha256: digest } });
  }
  // subject.ts caps subject-path and the artifacts list at 1024 subjects: keep to it too.
  expect(subjects.length).toBeLessThanOrEqual(MAX_SUBJECT_COUNT);
  return subjects;
}

/** The predicate actions/attest builds from `predicate-type` and `predicate-path`. */
function attestPredicate(type: string, path: string): { type: string; params: object } {
  expect(type).toBe(type.trim());
  expect(path).toBe(path.trim());
  // detect.ts validateAttestationInputs: predicate-path needs predicate-type (and no sbom-path,
  // which the recipe does not set); detectAttestationType: a predicate input makes it `custom`.
  // predicate.ts predicateFromInputs: "predicate-type must be provided".
  expect(type).not.toBe('');
  // action.yml: "URI identifying the type of the predicate"; the in-toto Statement it goes into
  // (@actions/attest intoto.ts, in-toto spec/v1/statement.md) has predicateType a TypeURI
  // (spec/v1/field_types.md: an RFC 3986 URI, scheme and authority lower-case, versioned).
  const uri = new URL(type);
  expect(`${uri.protocol}//${uri.host}`).toBe(`${uri.protocol}//${uri.host}`.toLowerCase());
  expect(type.startsWith(`${uri.protocol}//${uri.host}/`)).toBe(true);
  expect(type).toMatch(/\/v\d+$/);
  // predicate.ts: the file must be accessible ("predicate file not found"), at most 16 MiB ...
  expect(existsSync(path), `predicate file ${path}`).toBe(true);
  expect(statSync(path).size).toBeLessThanOrEqual(MAX_PREDICATE_BYTES);
  // ... and its UTF-8 text is JSON.parse'd; @actions/attest types `predicate` as an object and
  // the Statement's `predicate` is a JSON object (statement.md): not an array, not null.
  const params = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  expect(typeof params).toBe('object');
  expect(params).not.toBeNull();
  expect(Array.isArray(params)).toBe(false);
  return { type, params: params as object };
}

/** A project with a static binary that passes libc none, its copy in a name a line cannot hold,
 * and a dynamic cgo binary that fails it. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-attest-'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(fixture('amd64-nocgo'), join(dir, 'dist', 'ok app'));
  copyFileSync(fixture('amd64-nocgo'), join(dir, 'dist', 'new\nline'));
  copyFileSync(fixture('amd64-gcc'), join(dir, 'dist', 'bad'));
  return dir;
}

function sha256sumCheck(dir: string, checksums: string): { status: number | null; out: string } {
  const r = spawnSync('sha256sum', ['--strict', '-c', checksums], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('attest what passed', () => {
  it('writes outputs actions/attest accepts, listing only what passed, even when the step fails', async () => {
    const dir = project();
    const runner = new Runner();
    const step = await runner.run('main', {
      target: 'linux/amd64',
      libc: 'none',
      artifacts: 'dist/*',
      'working-directory': dir,
      cache: 'false',
    });
    // The step fails (a dynamic binary under libc none), and still writes the outputs.
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    const { checksums = '', predicate = '' } = step.outputs;
    const type = step.outputs['predicate-type'] ?? '';
    expect(type).toBe(PREDICATE_TYPE);
    // Under RUNNER_TEMP, beside the report: a directory of its own per step.
    for (const p of [checksums, predicate])
      expect(dirname(p)).toBe(dirname(step.outputs.report ?? ''));
    expect(checksums.startsWith(runner.temp)).toBe(true);

    const subjects = attestSubjects(checksums);
    expect(subjects.map((s) => s.name)).toEqual(['dist/ok app']);
    // The binary with a newline in its name passed, and is left out with a warning.
    expect(step.stdout).toMatch(
      /::warning title=cgo-abi-guard attestation::.*new\\nline.*line break/,
    );
    // The real tool as the oracle: every line checks, in the working directory.
    const check = sha256sumCheck(dir, checksums);
    expect(check.out).toBe('dist/ok app: OK\n');
    expect(check.status).toBe(0);

    const pred = attestPredicate(type, predicate);
    expect(predicateSchemaErrors(pred.params)).toEqual([]);
    const p = pred.params as VerificationPredicate;
    expect(p.verifier.frontEnd).toBe('action');
    expect(p.policy.libc).toBe('none');
    const byName = new Map(p.binaries.map((b) => [b.name, b]));
    expect(byName.get('dist/bad')).toMatchObject({ verdict: 'fail', subject: false });
    expect(byName.get('dist/new\nline')).toMatchObject({ verdict: 'pass', subject: false });
    expect(byName.get('dist/ok app')).toMatchObject({
      verdict: 'pass',
      subject: true,
      sha256: subjects[0]?.digest.sha256,
    });
    expect(byName.get('dist/ok app')?.surface?.linkage).toBe('static');
    // No path of the runner in what may go to a public transparency log.
    for (const local of [dir, runner.dir])
      expect(readFileSync(predicate, 'utf8')).not.toContain(local);
  });

  it('verify --checksums --predicate writes the same files, names relative to the current directory', () => {
    const dir = project();
    const out = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-attest-out-'));
    const [checksums, predicate] = [join(out, 'sums'), join(out, 'predicate.json')];
    const r = spawnSync(
      SYSTEM_NODE,
      [
        CLI,
        'verify',
        '--libc',
        'none',
        '--checksums',
        checksums,
        '--predicate',
        predicate,
        'dist/ok app',
        'dist/bad',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(attestSubjects(checksums).map((s) => s.name)).toEqual(['dist/ok app']);
    expect(sha256sumCheck(dir, checksums).status).toBe(0);
    const p = attestPredicate(PREDICATE_TYPE, predicate).params as VerificationPredicate;
    expect(predicateSchemaErrors(p)).toEqual([]);
    expect(p.verifier.frontEnd).toBe('cli');
    expect(p.binaries.map((b) => [b.name, b.subject])).toEqual([
      ['dist/ok app', true],
      ['dist/bad', false],
    ]);
  });

  it('the checks catch what actions/attest would refuse or misread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-attest-bad-'));
    const write = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(() => attestSubjects(join(dir, 'missing'))).toThrow();
    expect(() => attestSubjects(write('escaped', `\\${'a'.repeat(64)}  a\\\\b\n`))).toThrow();
    expect(() => attestSubjects(write('short', 'abc  x\n'))).toThrow();
    expect(() => attestSubjects(write('nodelim', `${'a'.repeat(64)}\n`))).toThrow();
    expect(() => attestPredicate('not a uri', write('p1', '{}'))).toThrow();
    expect(() => attestPredicate(PREDICATE_TYPE, write('p2', '[]'))).toThrow();
    expect(() => attestPredicate(PREDICATE_TYPE, write('p3', '{'))).toThrow();
  });
});
