/**
 * A toolchain kind is one module (steps/kinds/) and one member of the union
 * (domain/toolchain/kinds.ts): no other file of src/ tests a plan for its kind or its flags.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/paths.js';

const SRC = join(ROOT, 'src');
const KIND_IDS = ['release', 'capped', 'crosstool-ng', 'musl'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const at = join(dir, name);
    if (statSync(at).isDirectory()) return tsFiles(at);
    return name.endsWith('.ts') ? [at] : [];
  });
}

/** A test of a toolchain kind: its id compared or cased, or a kind's own field read off a plan. */
const ids = KIND_IDS.map((k) => k.replace(/-/g, '\\-')).join('|');
const KIND_TEST = new RegExp(
  `kind\\s*[!=]==?\\s*'(${ids})'|case '(${ids})'|\\bplan\\.(npm|cap|muslRelease|muslTriplet|muslMultiarch|link)\\b`,
);

/** A hit (`path:line: text`) in a kind's module or the union. */
const owned = (hit: string): boolean =>
  hit.startsWith('src/steps/kinds/') || hit.startsWith('src/domain/toolchain/kinds.ts:');

describe('toolchain kinds', () => {
  it('are tested only in their own modules and the union', () => {
    const found = tsFiles(SRC).flatMap((file) => {
      const path = relative(ROOT, file);
      return readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (KIND_TEST.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
    });
    expect(found.filter((hit) => !owned(hit))).toEqual([]);
    // The pattern finds what it is for.
    expect(found.some((hit) => hit.startsWith('src/domain/toolchain/kinds.ts'))).toBe(true);
    expect(KIND_TEST.test("if (plan.kind === 'capped') x();")).toBe(true);
    expect(KIND_TEST.test('const n = plan.npm;')).toBe(true);
    expect(KIND_TEST.test("if (outcome.kind === 'timeout') x();")).toBe(false);
  });
});
