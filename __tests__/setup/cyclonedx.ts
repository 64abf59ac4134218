/**
 * CycloneDX 1.6's JSON Schema (from @cyclonedx/cyclonedx-library, a devDependency, with the SPDX
 * licence list and JSF schemas it references), compiled once: every SBOM a test writes is checked
 * against it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const SCHEMAS = join(
  dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res',
  'schema',
);
const read = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled !== undefined) return compiled;
  // The library's copies are named *.SNAPSHOT.*, and so are the references to them: their ids
  // follow, so that a reference finds its schema.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json'])
    ajv.addSchema({ ...read(name), $id: `http://cyclonedx.org/schema/${name}` });
  compiled = ajv.compile(read('bom-1.6.SNAPSHOT.schema.json'));
  return compiled;
}

/** The schema's complaints about a document, one line each (empty: a valid CycloneDX 1.6 BOM). */
export function cyclonedxErrors(bom: unknown): string[] {
  const validate = validator();
  if (validate(bom)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
