/** One target: run the build in its environment, find its binaries, judge them. */
import * as core from '@actions/core';
import { dirname, isAbsolute, join, posix } from 'node:path';
import { escapePath } from 'tinyglobby';
import { fileURLToPath } from 'node:url';
import { changedFiles, runBash, snapshot } from '../adapters/build.js';
import type { OutputHolder } from '../adapters/processes.js';
import { LinkErrors } from '../domain/explain/link-errors.js';
import type { LinkExplanation } from '../domain/explain/link-explain.js';
import { heldMessage, type Level } from '../domain/report/annotations.js';
import { MatchedLines } from '../domain/report/matchers.js';
import { explainLinkFailure } from '../steps/explain.js';
import { abiOf, goarchOf, formatTarget, type Target } from '../domain/platform.js';
import type { Policy } from '../domain/rules/types.js';
import { buildFailureHint, staticLinkWarning } from '../domain/go/build-hints.js';
import { overallVerdict, type VerifyReport } from '../domain/report/report.js';
import { goTargetEnv } from '../domain/go/cgo-env.js';
import { sysrootOf } from '../steps/kinds/registry.js';
import { loadRuntime } from '../steps/runtime.js';
import { verifyDiscovered, verifyPaths, type VerifyOptions } from '../steps/verify.js';
import type { ActionInputs } from './inputs.js';
import type { PreparedTarget } from './toolchains.js';
import type { InstallSetting } from '../steps/install-options.js';
import { undeclaredNamesHint } from '../steps/undeclared-hint.js';

export interface TargetOutcome {
  target: string;
  /** The target itself (`target` is its name). */
  goTarget: Target;
  prep: PreparedTarget | null;
  buildExit: number | null;
  report: VerifyReport;
  /** Why this target has no verdict of its own (the build failed, produced nothing). */
  problem: string | null;
  /** Why the link failed, symbol by symbol (a failed build whose linker named undefined symbols). */
  link: LinkExplanation | null;
  /** Processes the build left holding its output open (not waited for). */
  heldOpenBy: OutputHolder[];
  /** Annotations GitHub made of the build's log lines through the problem matchers. */
  matched: Record<Level, number>;
  /**
   * Functions glibc's linker warned about in a static link (NSS at run time) that no verified
   * binary shows (a stripped C caller): the static-nss rule cannot see them.
   */
  staticNssLinked: string[];
}

interface BuildRun {
  buildExit: number | null;
  link: LinkExplanation | null;
  heldOpenBy: OutputHolder[];
  matched: Record<Level, number>;
  hint: string | null;
  /** What glibc's linker warned about a static link: the functions that need NSS. */
  staticLink: string[];
}

const MATCHER_OWNERS = ['cgo-abi-guard-gcc', 'cgo-abi-guard-ld', 'cgo-abi-guard-go'];

/** The matcher file ships beside dist/ (../matchers from the bundle). */
function matcherFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'matchers', 'cgo-abi-guard-gcc.json');
}

export interface BuildArgs {
  setting: InstallSetting;
  target: Target;
  targets: readonly Target[];
  prep: PreparedTarget | null;
  inputs: ActionInputs;
  policy: Policy;
  workdir: string;
}

export async function buildAndVerify(a: BuildArgs): Promise<TargetOutcome> {
  const outcome = await buildAndJudge(a);
  // What the linker warned about, less what the static-nss rule already says of a binary.
  const seen = new Set(outcome.report.binaries.flatMap((b) => b.facts?.staticSymbols ?? []));
  const off = outcome.problem !== null || a.policy.severity['static-nss'] === 'off';
  return {
    ...outcome,
    staticNssLinked: off ? [] : outcome.staticNssLinked.filter((f) => !seen.has(f)),
  };
}

/** The build and the verdict; `staticNssLinked` is all the linker warned about. */
async function buildAndJudge(a: BuildArgs): Promise<TargetOutcome> {
  const name = formatTarget(a.target);
  // A musl toolchain's floor is its plan's (the default differs per target: riscv64's is 1.2.5).
  const musl = a.inputs.libc === 'musl' ? (a.prep?.plan.floor ?? a.policy.musl) : a.policy.musl;
  const policy: Policy = { ...a.policy, target: a.target, musl };
  const sysroot = a.prep === null ? null : sysrootOf(a.prep.plan, a.prep.installed.dir);
  const runtimeFor = sysroot === null ? null : await loadRuntime(sysroot);
  const options: VerifyOptions = {
    policy,
    readelf: 'readelf',
    // This target's sysroot and packages; binaries of another target are judged in its own step.
    ...(runtimeFor === null
      ? {}
      : {
          runtimeFor: (t: Target) =>
            formatTarget(t) === formatTarget(a.target) ? runtimeFor(t) : null,
        }),
  };
  const before =
    a.inputs.run !== null && a.inputs.artifacts.length === 0 ? await snapshot(a.workdir) : null;
  const run = await build(a, name, policy, sysroot);
  const { buildExit } = run;
  const base = {
    target: name,
    goTarget: a.target,
    prep: a.prep,
    buildExit,
    link: run.link,
    heldOpenBy: run.heldOpenBy,
    matched: run.matched,
    staticNssLinked: run.staticLink,
  };
  if (buildExit !== null && buildExit !== 0) {
    const empty: VerifyReport = { verdict: 'error', glibcFloor: policy.glibc, binaries: [] };
    const why =
      run.link !== null ? ': the link failed (below)' : run.hint === null ? '' : `: ${run.hint}`;
    const problem = `the build command for ${name} exited with status ${buildExit}${why}`;
    return { ...base, report: empty, problem };
  }
  if (before !== null) {
    const changed = changedFiles(before, await snapshot(a.workdir));
    const report = await verifyDiscovered(changed, options);
    const problem =
      report.binaries.length === 0
        ? `the build for ${name} created or changed no ELF binaries under ${a.workdir}: nothing to verify (set "artifacts")`
        : null;
    return {
      ...base,
      report: problem === null ? report : { ...report, verdict: 'error' },
      problem,
    };
  }
  // The working directory is a path, not a pattern: `[`, `*`, `{` in it must match themselves.
  const globs = a.inputs.artifacts.map((g) =>
    isAbsolute(g) ? g : posix.join(escapePath(a.workdir), g),
  );
  const report = await verifyPaths(globs, {
    ...options,
    // Several targets share the artifacts: each binary is judged against the target of its own
    // architecture; a binary of none of them against the first, where the arch rule flags it.
    chooseTarget: (facts) => {
      const goarch = goarchOf(facts.class, facts.endian, facts.machine);
      return a.targets.find((t) => t.goarch === goarch) ?? a.targets[0] ?? null;
    },
  });
  const mine = report.binaries.filter((b) => {
    if (a.targets.length === 1 || b.target === null) return a.target === a.targets[0];
    return (
      b.target === name ||
      (b.facts !== null &&
        !a.targets.some((t) => formatTarget(t) === b.target) &&
        a.target === a.targets[0])
    );
  });
  // The verdict of this target's own binaries: the others were judged without their own sysroot.
  // A target none of the artifacts was built for has nothing that passed: it is not a pass.
  const problem =
    mine.length === 0
      ? `none of the artifacts (${a.inputs.artifacts.join(', ')}) is a binary for ${name}: nothing was verified for it`
      : null;
  return {
    ...base,
    report: {
      ...report,
      verdict: problem === null ? overallVerdict(mine) : 'error',
      binaries: mine,
    },
    problem,
  };
}

/** The build command in the target's environment, its log lines read for link errors as they come. */
async function build(
  a: BuildArgs,
  name: string,
  policy: Policy,
  sysroot: string | null,
): Promise<BuildRun> {
  const matched = new MatchedLines();
  const none: BuildRun = {
    buildExit: null,
    link: null,
    heldOpenBy: [],
    matched: matched.counts,
    hint: null,
    staticLink: [],
  };
  if (a.inputs.run === null) return none;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...goTargetEnv(a.target),
    ...(a.prep?.env ?? {}),
  };
  if (a.inputs.godebug !== null) env.GODEBUG = a.inputs.godebug;
  const links = new LinkErrors();
  const staticLink = new Set<string>();
  core.startGroup(`cgo-abi-guard: build for ${name}`);
  core.info(`::add-matcher::${matcherFile()}`);
  const run = await runBash(a.inputs.run, a.workdir, env, {
    onLine: (line) => {
      links.push(line);
      matched.push(line);
      const fn = staticLinkWarning(line);
      if (fn !== null) staticLink.add(fn);
    },
  });
  for (const owner of MATCHER_OWNERS) core.info(`::remove-matcher owner=${owner}::`);
  for (const h of run.heldOpenBy) core.info(`cgo-abi-guard: ${heldMessage(h)}`);
  core.endGroup();
  const failed = run.exit !== 0;
  return {
    buildExit: run.exit,
    link: failed
      ? await explainLinkFailure(
          links.symbols,
          policy.glibc,
          'readelf',
          sysroot === null ? null : { dir: sysroot, triplet: abiOf(a.target).triplet },
        )
      : null,
    heldOpenBy: run.heldOpenBy,
    matched: matched.counts,
    hint: failed ? await failureHint(a, run.tail, sysroot) : null,
    staticLink: [...staticLink].sort(),
  };
}

/** What a failed build's output means: C names the sysroot's packages lack, or a known cause. */
async function failureHint(
  a: BuildArgs,
  tail: string,
  sysroot: string | null,
): Promise<string | null> {
  const undeclared =
    a.prep === null || sysroot === null
      ? null
      : await undeclaredNamesHint(tail, sysroot, a.prep.plan, a.setting);
  return undeclared ?? buildFailureHint(tail);
}
