/**
 * Every RunReport a test produces is validated against the committed JSON Schema
 * (docs/report.schema.json) here: the action's `report` output (runner.ts) and
 * `verify --format json` (cli.ts) go through `checkedReport`, so no test can read one unchecked.
 * ajv is a devDependency: the bundle never validates (it writes what the types say).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { ROOT } from './paths.js';

export const SCHEMA_PATH = join(ROOT, 'docs', 'report.schema.json');

export function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
}

let compiled: ValidateFunction | undefined;

/** The schema compiled once per test file (strict: an unknown keyword in it is an error). */
export function reportValidator(): ValidateFunction {
  compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(loadSchema());
  return compiled;
}

/** The schema's complaints about a value, one line each (empty: valid). */
export function schemaErrors(value: unknown): string[] {
  const validate = reportValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** A parsed report, thrown out (with where and why) when the schema rejects it. */
export function checkedReport(value: unknown, what: string): RunReport {
  const errors = schemaErrors(value);
  if (errors.length > 0)
    throw new Error(`${what} is not a valid RunReport:\n${errors.slice(0, 20).join('\n')}`);
  return value as RunReport;
}

export function parseReport(text: string, what: string): RunReport {
  return checkedReport(JSON.parse(text) as unknown, what);
}

export function readReport(path: string): RunReport {
  return parseReport(readFileSync(path, 'utf8'), path);
}

/** Whether a command line asks `verify` for JSON (what must be a RunReport). */
export function asksVerifyJson(args: readonly string[]): boolean {
  if (args[0] !== 'verify') return false;
  const at = args.indexOf('--format');
  const value = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--format='))?.slice(9);
  return value === 'json';
}

/** Its stdout as a validated RunReport when it is one (see asksVerifyJson), else null. */
export function cliReport(args: readonly string[], stdout: string): RunReport | null {
  if (!asksVerifyJson(args) || stdout === '') return null;
  return parseReport(stdout, `verify --format json ${args.slice(1).join(' ')}`);
}

export const PREDICATE_SCHEMA_PATH = join(ROOT, 'docs', 'predicate.schema.json');

let predicateCompiled: ValidateFunction | undefined;

/**
 * The attestation predicate's schema (docs/predicate.schema.json), its `$ref`s into
 * report.schema.json resolved against the file next to it, as a consumer would.
 */
export function predicateValidator(): ValidateFunction {
  if (predicateCompiled !== undefined) return predicateCompiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addSchema(loadSchema(), 'report.schema.json');
  predicateCompiled = ajv.compile(
    JSON.parse(readFileSync(PREDICATE_SCHEMA_PATH, 'utf8')) as Record<string, unknown>,
  );
  return predicateCompiled;
}

/** The predicate schema's complaints about a value, one line each (empty: valid). */
export function predicateSchemaErrors(value: unknown): string[] {
  const validate = predicateValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
