/**
 * The action's main step: inputs → runner → toolchains (cache, install) → exported env → the
 * build per target with its own env → verify → annotations, summary, outputs → verdict.
 */
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkReadelf } from '../adapters/readelf.js';
import { resolveRunner } from '../adapters/runner.js';
import { fileLineAnnotation, type Annotation } from '../domain/report/annotations.js';
import { sysrootOf } from '../steps/kinds/registry.js';
import type { Policy } from '../domain/rules/types.js';
import { loadPolicy } from '../steps/policy.js';
import { ARCHES, formatTarget, isGoArch, type Target } from '../domain/platform.js';
import type { RunnerFacts } from '../domain/runner/runner.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { buildAndVerify, type TargetOutcome } from './build-verify.js';
import { publish } from './publish.js';
import { mergeStep } from './merge.js';
import { smokeTargets } from './smoke.js';
import { actionSetting, prepareTarget, StepError, type PreparedTarget } from './toolchains.js';
import { checkGodebug, GODEBUG_TITLE } from '../steps/godebug.js';
import type { InstallSetting } from '../steps/install-options.js';
import { CACHE_STATE, type PendingSave } from './state.js';
import { startTally } from './annotation-tally.js';
import { SBOM_WITHOUT_BINARIES, SMOKE_WITHOUT_BINARIES } from '../domain/input-checks.js';
import { LINK_LOG_ENV } from '../domain/toolchain/link-record.js';

export async function runAction(): Promise<void> {
  startTally();
  try {
    await main();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

function annotate(a: Annotation): void {
  const props = {
    title: a.title,
    ...(a.file === undefined ? {} : { file: a.file, startLine: a.line }),
  };
  if (a.level === 'error') core.error(a.message, props);
  else if (a.level === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

async function main(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  if ('errors' in inputs) {
    for (const e of inputs.errors) core.error(e, { title: 'cgo-abi-guard input' });
    core.setFailed(
      `cgo-abi-guard: ${inputs.errors.length} invalid input(s); nothing was installed or built`,
    );
    return;
  }
  if (inputs.reports.length > 0) {
    await mergeStep(inputs);
    return;
  }
  const workdir = resolve(inputs.workingDirectory);
  const policy = await readPolicy(inputs);
  if (policy === null) return;
  await checkReadelf('readelf');
  const runner = await resolveRunner({ cwd: workdir, env: process.env });
  if (!(await checkGo(runner, inputs, workdir))) return;
  const targets = inputs.targets.length > 0 ? inputs.targets : [runnerTarget(runner)];
  core.setOutput('kernel', runner.kernel);
  core.setOutput('runner-libc', runner.libc.family);
  core.setOutput('runner-glibc', runner.libc.family === 'glibc' ? (runner.libc.version ?? '') : '');
  core.setOutput('go-version', 'missing' in runner.go ? '' : runner.go.goversion);
  core.setOutput('lockfile', inputs.lockfile);

  // What the post step saves: the installs this run made, toolchains and the smoke run's qemu.
  const pending: PendingSave[] = [];
  try {
    const setting = actionSetting(inputs, runner);
    await toolchainsAndVerdict({ inputs, runner, setting, targets, policy, workdir, pending });
  } finally {
    core.saveState(CACHE_STATE, JSON.stringify(pending));
  }
}

interface Run {
  inputs: ActionInputs;
  runner: RunnerFacts;
  /** The run's one install setting (toolchains, the smoke run's qemu). */
  setting: InstallSetting;
  targets: Target[];
  policy: Policy;
  workdir: string;
  pending: PendingSave[];
}

async function toolchainsAndVerdict(r: Run): Promise<void> {
  const { inputs, setting, targets } = r;
  // Toolchains are for glibc and musl targets; static builds bring their own compiler in `run`.
  const prepared: PreparedTarget[] = [];
  if (inputs.libc !== 'none') {
    for (const target of targets) {
      const p = await prepareTarget(setting, target, inputs);
      prepared.push(p);
      r.pending.push(...p.installed.toSave);
    }
  } else {
    core.info(
      `cgo-abi-guard: libc ${inputs.libc}: no toolchain is installed; the build brings its own compiler`,
    );
  }
  // Keyed by the targets as the user wrote them (`linux/amd64`, not `linux/amd64/v1`).
  const spelled = (p: PreparedTarget): string =>
    inputs.targetNames[targets.indexOf(p.target)] ?? p.name;
  const byTarget = (value: (p: PreparedTarget) => string): string =>
    JSON.stringify(Object.fromEntries(prepared.map((p) => [spelled(p), value(p)])));
  core.setOutput(
    'cc',
    byTarget((p) => p.env.CC ?? ''),
  );
  core.setOutput(
    'sysroot',
    byTarget((p) => sysrootOf(p.plan, p.installed.dir)),
  );
  if (inputs.exportEnv) exportEnv(prepared);
  if (inputs.sbom) recordLinks(inputs.exportEnv);

  if (inputs.run === null && inputs.artifacts.length === 0) {
    if (inputs.smoke !== null)
      core.warning(SMOKE_WITHOUT_BINARIES, { title: 'cgo-abi-guard smoke' });
    if (inputs.sbom) core.warning(SBOM_WITHOUT_BINARIES, { title: 'cgo-abi-guard sbom' });
    core.info(
      'cgo-abi-guard: no run and no artifacts: toolchains installed and exported, nothing to verify',
    );
    return;
  }
  const outcomes: TargetOutcome[] = [];
  for (const target of targets) {
    const prep = prepared.find((p) => p.name === formatTarget(target)) ?? null;
    outcomes.push(await buildAndVerify({ ...r, target, prep }));
  }
  const smoke =
    inputs.smoke === null
      ? null
      : await smokeTargets(outcomes, { ...inputs, smoke: inputs.smoke }, setting);
  for (const q of smoke?.qemu ?? []) r.pending.push(...q.toSave);
  await publish({
    runner: r.runner,
    outcomes,
    inputs,
    policy: r.policy,
    annotate,
    smoke: smoke?.results ?? null,
    ...(smoke === null ? {} : { smokeNotRun: smoke.notRun }),
  });
}

/** The inputs name the floor and the libc (and each target); the policy file adds the rest. */
async function readPolicy(inputs: ActionInputs): Promise<Policy | null> {
  const loaded = await loadPolicy(inputs.policy, {
    libc: inputs.libc,
    // A musl binary has no GLIBC_ versions: its floor is the musl one (per target, build-verify).
    glibc: inputs.libc === 'musl' ? null : inputs.glibc,
    link: inputs.musl?.link ?? null,
    smoke: inputs.smoke !== null,
  });
  if ('policy' in loaded) return loaded.policy;
  for (const e of loaded.errors) annotate(fileLineAnnotation(e, 'cgo-abi-guard policy'));
  core.setFailed(`cgo-abi-guard: ${loaded.failure}`);
  return null;
}

async function checkGo(
  runner: RunnerFacts,
  inputs: ActionInputs,
  workdir: string,
): Promise<boolean> {
  if ('missing' in runner.go) {
    if (inputs.run !== null) core.warning(runner.go.missing, { title: 'cgo-abi-guard: Go' });
    return true;
  }
  if (runner.go.switchable !== null) {
    // On the go.mod line that asks for the switch (toolchain, else go), where there is one.
    const goMod = join(workdir, 'go.mod');
    const lines = (await readFile(goMod, 'utf8').catch(() => '')).split('\n');
    const at = [/^toolchain\s/, /^go\s/]
      .map((re) => lines.findIndex((l) => re.test(l)))
      .find((i) => i >= 0);
    core.warning(runner.go.switchable, {
      title: 'cgo-abi-guard: Go toolchain may switch',
      ...(at === undefined ? {} : { file: goMod, startLine: at + 1 }),
    });
  }
  if (inputs.godebug === null) return true;
  const check = await checkGodebug(inputs.godebug, runner.go.goroot);
  for (const w of check.warnings) core.warning(w, { title: GODEBUG_TITLE });
  if (check.errors.length === 0) return true;
  for (const e of check.errors) core.error(e, { title: GODEBUG_TITLE });
  core.setFailed('cgo-abi-guard: invalid godebug input');
  return false;
}

/**
 * With `sbom`, the wrappers record what each link takes (link-record.ts) under RUNNER_TEMP, for
 * this step's build and, exported, for later steps' (a directory the job already set is kept).
 */
function recordLinks(exported: boolean): void {
  const set = process.env[LINK_LOG_ENV] ?? '';
  const dir = set !== '' ? set : join(process.env.RUNNER_TEMP ?? tmpdir(), 'cgo-abi-guard-links');
  process.env[LINK_LOG_ENV] = dir;
  if (exported) core.exportVariable(LINK_LOG_ENV, dir);
}

function runnerTarget(runner: RunnerFacts): Target {
  const goarch = runner.hostArch.goarch;
  if (goarch === null || !isGoArch(goarch)) {
    throw new StepError(
      `the runner's architecture ${runner.hostArch.machine} is not a Go target: set the "target" input`,
    );
  }
  return { goarch, variant: ARCHES[goarch].defaultVariant };
}

/**
 * For later steps: CGO_ENABLED and the per-arch conveniences (CC_, CXX_, PKG_CONFIG_<goarch>)
 * always; CC, CXX, PKG_CONFIG and PKG_CONFIG_LIBDIR/SYSROOT_DIR only with a single target. Never
 * GOOS/GOARCH job-wide: they would break `go run` and `go generate` tools later in the job.
 */
function exportEnv(prepared: readonly PreparedTarget[]): void {
  if (prepared.length === 0) return;
  core.exportVariable('CGO_ENABLED', '1');
  for (const p of prepared) {
    const arch = p.target.goarch;
    for (const name of [`CC_${arch}`, `CXX_${arch}`, `PKG_CONFIG_${arch}`]) {
      const value = p.env[name];
      if (value !== undefined) core.exportVariable(name, value);
    }
  }
  const [only] = prepared;
  if (prepared.length !== 1 || only === undefined) return;
  for (const name of ['CC', 'CXX', 'PKG_CONFIG', 'PKG_CONFIG_LIBDIR', 'PKG_CONFIG_SYSROOT_DIR']) {
    const value = only.env[name];
    if (value !== undefined) core.exportVariable(name, value);
  }
}
