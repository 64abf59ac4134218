/**
 * The action's main step. For now it verifies the `artifacts` input with the same engine as the
 * CLI; resolve/install/build come with the toolchain and end-to-end issues.
 */
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkReadelf } from '../adapters/readelf.js';
import { defaultPolicy } from '../domain/policy.js';
import { renderJson, renderMarkdown } from '../domain/report.js';
import { verifyPaths } from '../steps/verify.js';
import { maxDotted } from '../domain/version.js';
import { readVerifyInputs } from './inputs.js';

export async function runAction(): Promise<void> {
  try {
    const inputs = readVerifyInputs((name) => core.getInput(name));
    if ('errors' in inputs) {
      for (const e of inputs.errors) core.error(e);
      core.setFailed(`invalid inputs: ${inputs.errors.length} problem(s)`);
      return;
    }
    await checkReadelf('readelf');
    const policy = { ...defaultPolicy(), ...inputs.policy };
    const report = await verifyPaths(inputs.artifacts, { policy, readelf: 'readelf' });
    for (const b of report.binaries) {
      if (b.error !== null) core.error(b.error, { title: `cgo-abi-guard: cannot judge ${b.path}` });
      for (const f of b.findings) {
        const annotate = f.severity === 'error' ? core.error : core.warning;
        annotate(`${b.path}: ${f.message}. Fix: ${f.fix}`, { title: `cgo-abi-guard ${f.rule}` });
      }
    }
    const reportPath = join(process.env.RUNNER_TEMP ?? '.', 'cgo-abi-guard-report.json');
    await writeFile(reportPath, renderJson(report));
    await core.summary.addRaw(renderMarkdown(report)).write();
    core.setOutput('verdict', report.verdict === 'pass' ? 'pass' : 'fail');
    core.setOutput('report', reportPath);
    core.setOutput('max-glibc', maxGlibc(report.binaries.map((b) => b.facts?.versions.GLIBC)));
    if (report.verdict !== 'pass') core.setFailed(`cgo-abi-guard: ${report.verdict}`);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

function maxGlibc(versions: readonly (string | undefined)[]): string {
  return maxDotted(versions.filter((v): v is string => v !== undefined)) ?? '';
}
