/**
 * The problem matchers the step registers are the ones it counts: GitHub makes an annotation of
 * each build log line they match, which the step's own annotations must leave room for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchedLines, MATCHERS } from '../../src/domain/report/matchers.js';
import { ROOT } from '../setup/paths.js';

interface MatcherFile {
  problemMatcher: { owner: string; pattern: { regexp: string; severity?: number }[] }[];
}

describe('the problem matchers', () => {
  it('are counted with the very patterns the matcher file registers', () => {
    const file = JSON.parse(
      readFileSync(join(ROOT, 'matchers', 'cgo-abi-guard-gcc.json'), 'utf8'),
    ) as MatcherFile;
    expect(
      file.problemMatcher.map((m) => ({
        owner: m.owner,
        regexp: m.pattern[0]?.regexp,
        ...(m.pattern[0]?.severity === undefined ? {} : { severity: m.pattern[0].severity }),
      })),
    ).toEqual(MATCHERS);
  });

  it("counts gcc's errors and warnings, and a failed link's closing line, by level", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-matchers-'));
    const source = join(dir, 'bad.c');
    writeFileSync(
      source,
      'int f(void) { int unused; return nope; }\nint main(void) { return 0; }\n',
    );
    const compile = spawnSync('gcc', ['-Wall', '-c', '-o', join(dir, 'bad.o'), source], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    const link = join(dir, 'link.c');
    writeFileSync(link, 'void missing(void);\nint main(void) { missing(); return 0; }\n');
    const linked = spawnSync('gcc', ['-o', join(dir, 'link'), link], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    const m = new MatchedLines();
    for (const line of `${compile.stderr}${linked.stderr}`.split('\n')) m.push(line);
    // `nope` undeclared (error); `unused` unused and no return value (warnings); then the link's
    // "collect2: error: ld returned 1 exit status" (gcc's notes and ld's own lines match nothing).
    expect(m.counts).toEqual({ error: 2, warning: 2, notice: 0 });
  });
});
