/**
 * How many annotations this step has written so far, per level: every `::error`, `::warning`
 * and `::notice` command line the step prints (from any part of the action, or from the build's
 * own output) is counted on its way to stdout, so that the findings can be budgeted within what
 * GitHub shows of one step.
 */
import type { Level } from '../domain/report/annotations.js';

const counts: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
let installed = false;

function count(chunk: string | Uint8Array): void {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  for (const m of text.matchAll(/^::(error|warning|notice)[ :]/gm)) counts[m[1] as Level]++;
}

export function startTally(): void {
  if (installed) return;
  installed = true;
  const original = process.stdout.write.bind(process.stdout);
  const tallied: typeof process.stdout.write = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void,
  ): boolean => {
    count(chunk);
    return typeof encoding === 'function'
      ? original(chunk, encoding)
      : original(chunk, encoding, callback);
  };
  process.stdout.write = tallied;
}

export function annotationsWritten(): Readonly<Record<Level, number>> {
  return { ...counts };
}
