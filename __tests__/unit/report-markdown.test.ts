/** The job summary's Markdown holds any path: backticks and `|` cannot break the table or spans. */
import { describe, expect, it } from 'vitest';
import { code, renderMarkdown, type VerifyReport } from '../../src/domain/report/report.js';

/** Cells of a GFM table row: split on `|` that is not escaped. */
const cells = (row: string): string[] => row.split(/(?<!\\)\|/).slice(1, -1);

describe('job summary Markdown', () => {
  const path = 'dist/a`b|c``d';
  const report: VerifyReport = {
    verdict: 'error',
    glibcFloor: '2.31',
    binaries: [
      { path, target: null, verdict: 'error', findings: [], facts: null, error: 'x | `y' },
    ],
  };

  it('keeps a row of six cells and the path in one code span', () => {
    const md = renderMarkdown(report);
    const row = md.split('\n').find((l) => l.startsWith('| ```'));
    expect(row).toBeDefined();
    expect(cells(row ?? '')).toHaveLength(6);
    expect(cells(row ?? '')[0]?.trim()).toBe('```dist/a`b\\|c``d```');
    expect(md).toContain('- ```dist/a`b\\|c``d```: x \\| \\`y');
  });

  it('pads a span whose path starts or ends with a backtick', () => {
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('plain')).toBe('`plain`');
  });
});
