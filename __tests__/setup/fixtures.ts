/** The built fixture binaries (see __tests__/fixtures/build.sh and its manifest.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from './paths.js';

export interface FixtureEntry {
  name: string;
  file: string;
  goarch: string;
  libc: string;
  description: string;
  goarm?: string;
  goamd64?: string;
  linkage: 'dynamic' | 'static' | 'shared' | 'object';
}

export function manifest(): FixtureEntry[] {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as FixtureEntry[];
}

/** Absolute path of a fixture by name; throws when the build did not produce it. */
export function fixture(name: string): string {
  const entry = manifest().find((e) => e.name === name);
  if (entry === undefined)
    throw new Error(`fixture ${name} is not in ${FIXTURE_DIR}/manifest.json`);
  return join(FIXTURE_DIR, entry.file);
}

/** Every fixture that is a binary to judge (not the relocatable object). */
export function fixtureFiles(): string[] {
  return manifest()
    .filter((e) => e.linkage !== 'object')
    .map((e) => join(FIXTURE_DIR, e.file));
}
