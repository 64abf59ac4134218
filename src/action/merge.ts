/**
 * A step with `reports`: the JSON reports of other steps or matrix legs merged into one job
 * summary and one verdict; it installs, builds and verifies nothing. A pattern that matches no
 * file and a report that cannot be read are errors: a leg missing vouches for nothing.
 */
import * as core from '@actions/core';
import { isAbsolute, posix, resolve } from 'node:path';
import { escapePath } from 'tinyglobby';
import { mergedMarkdown } from '../domain/report/merge.js';
import { mergeReportFiles } from '../steps/merge.js';
import type { ActionInputs } from './inputs.js';

const TITLE = 'cgo-abi-guard merge';

export async function mergeStep(inputs: ActionInputs): Promise<void> {
  const workdir = resolve(inputs.workingDirectory);
  const globs = inputs.reports.map((g) => (isAbsolute(g) ? g : posix.join(escapePath(workdir), g)));
  const merged = await mergeReportFiles(globs);
  const unread = merged.legs.filter((l) => l.problem !== null);
  for (const l of unread) core.error(`${l.source}: ${l.problem ?? ''}`, { title: TITLE });
  const verdict = merged.verdict === 'pass' ? 'pass' : 'fail';
  await core.summary.addRaw(mergedMarkdown(merged)).write();
  core.setOutput('verdict', verdict);
  core.info(`cgo-abi-guard: merged ${merged.legs.length} reports: ${verdict}`);
  if (verdict === 'fail' && inputs.failOn !== 'never')
    core.setFailed(
      unread.length > 0
        ? 'cgo-abi-guard: some reports could not be merged (see the annotations)'
        : 'cgo-abi-guard: a merged report failed (see the job summary)',
    );
}
