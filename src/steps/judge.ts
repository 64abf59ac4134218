/**
 * Files → verdicts, in phases over all files at once: what each file is (its first bytes),
 * readelf's facts (batched), the loader's view from the bytes compared with them, the rules, and
 * the symbol names behind a version finding (batched, only for the files that have one), and who
 * calls them (read from those files' bytes only).
 */
import { availableParallelism } from 'node:os';
import { fileSize, readRange, withFileBytes, type Candidate } from '../adapters/files.js';
import { loaderFacts } from '../domain/elf/compare-views.js';
import type { ElfFacts } from '../domain/elf/elf-facts.js';
import { IDENT_BYTES, parseIdent } from '../domain/elf/elf-ident.js';
import { hiddenVersionNeeds, layoutProblem } from '../domain/elf/integrity.js';
import { ARCHES, formatTarget, type Target } from '../domain/platform.js';
import { evaluate, inferTarget, verdictOf } from '../domain/rules/policy.js';
import type { Finding, Policy } from '../domain/rules/types.js';
import type { BinaryResult } from '../domain/report/report.js';
import { mapLimit } from '../util/map-limit.js';
import { completeFacts } from './complete-facts.js';
import { runtimeNeeds, type RuntimeContext } from '../domain/toolchain/runtime-needs.js';
import { explainAll } from './explain.js';
import { readAllFacts, readAllSymbolVersions, type Read, type ReadOptions } from './read-facts.js';

export interface VerifyOptions {
  policy: Policy;
  readelf: string;
  concurrency?: number;
  /** Time limit of one readelf run over one file. */
  readelfTimeoutMs?: number;
  /** Picks each binary's target from its facts (several targets in one step); else policy.target. */
  chooseTarget?: (facts: ElfFacts) => Target | null;
  /** The target packages installed in the sysroot of a target, if any. */
  runtimeFor?: (target: Target) => RuntimeContext | null;
}

const VERSION_RULES = new Set<string>(['glibc-version', 'library-versions']);
/** File reads in flight (small, cheap reads: more than the cores). */
const IO_LIMIT = 16;

interface ElfFile {
  candidate: Candidate;
  size: number;
}

/** Judged, but the version findings want the symbols behind them. */
interface WantsSymbols {
  file: ElfFile;
  facts: ElfFacts;
  policy: Policy;
  target: Target;
  runtime: RuntimeContext | null;
}

type Step<T> = { done: BinaryResult | null } | T;

export function errorResult(path: string, error: string): BinaryResult {
  return { path, target: null, verdict: 'error', findings: [], facts: null, error };
}

export async function judgeAll(
  all: readonly Candidate[],
  options: VerifyOptions,
): Promise<(BinaryResult | null)[]> {
  const reader: ReadOptions = {
    readelf: options.readelf,
    concurrency: options.concurrency ?? availableParallelism(),
    ...(options.readelfTimeoutMs === undefined ? {} : { timeoutMs: options.readelfTimeoutMs }),
  };
  const identified = await mapLimit(all, IO_LIMIT, (c) => guarded(c, () => identify(c)));
  const files = identified.filter((s): s is ElfFile => !('done' in s));
  // Largest first, so that one big library does not start last.
  const bySize = [...files].sort((a, b) => b.size - a.size);
  const reads = await readAllFacts(bySize.map(entry), reader);
  const judged = new Map<ElfFile, Step<WantsSymbols>>();
  await mapLimit(files, IO_LIMIT, async (file) => {
    const read = reads.get(file.candidate.path) ?? { error: 'readelf read nothing' };
    judged.set(file, await guarded(file.candidate, () => judgeRead(file, read, options)));
  });
  const wanting = [...judged.values()].filter((s): s is WantsSymbols => !('done' in s));
  const symbols = await readAllSymbolVersions(
    wanting.map((w) => entry(w.file)),
    reader,
  );
  const results = identified.map((step) => {
    if ('done' in step) return step.done;
    const s = judged.get(step);
    if (s === undefined) return null;
    if ('done' in s) return s.done;
    const found = symbols.get(s.file.candidate.path) ?? { error: 'readelf read no symbols' };
    return withLink(s.file.candidate, withSymbols(s, found));
  });
  return explainAll(results, options.policy.glibc, options.readelf);
}

const entry = (f: ElfFile): { path: string; size: number } => ({
  path: f.candidate.path,
  size: f.size,
});

/** One unreadable file (EACCES, gone meanwhile) is that file's verdict, not the whole run's. */
async function guarded<T>(c: Candidate, fn: () => Promise<Step<T>>): Promise<Step<T>> {
  try {
    return await fn();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    return { done: errorResult(c.path, `cannot be judged: cannot read it (${code})`) };
  }
}

/** An ELF executable or shared library to read; null for a found file that is not one. */
async function identify(candidate: Candidate): Promise<Step<ElfFile>> {
  const { path, explicit } = candidate;
  if (candidate.problem !== undefined)
    return { done: errorResult(path, `cannot be judged: ${candidate.problem}`) };
  const ident = parseIdent(await readRange(path, 0, IDENT_BYTES));
  if (ident.kind === 'not-elf') return { done: explicit ? errorResult(path, ident.reason) : null };
  if (ident.type === 'REL' || ident.type === 'CORE') {
    const what = ident.type === 'REL' ? 'a relocatable object (.o)' : 'a core dump';
    const error = `${what}, not an executable or shared library`;
    return { done: explicit ? errorResult(path, error) : null };
  }
  return { candidate, size: await fileSize(path) };
}

function withLink(candidate: Candidate, result: BinaryResult): BinaryResult {
  return candidate.linkTarget === undefined
    ? result
    : { ...result, linkTarget: candidate.linkTarget };
}

async function judgeRead(
  file: ElfFile,
  read: Read,
  options: VerifyOptions,
): Promise<Step<WantsSymbols>> {
  const { path } = file.candidate;
  const fail = (error: string): Step<WantsSymbols> => ({
    done: withLink(file.candidate, errorResult(path, error)),
  });
  if ('error' in read) return fail(read.error);
  const parsed = read.facts;
  if (parsed.machine === '') return fail('malformed ELF: readelf printed no ELF header');
  const problem = layoutProblem(parsed.layout, file.size) ?? hiddenVersionNeeds(parsed);
  if (problem !== null) return fail(problem);
  const compared = withFileBytes(path, (source, size) => loaderFacts(parsed, source, size));
  if ('error' in compared) return fail(compared.error);
  const facts = await completeFacts(path, compared.facts);
  const chosen = options.chooseTarget?.(facts) ?? null;
  const given = chosen === null ? options.policy : { ...options.policy, target: chosen };
  const target = given.target ?? inferTarget(facts);
  if (target === null) {
    return fail(
      `cannot be judged: ${facts.class} ${facts.endian}-endian ${facts.machine} is not an architecture this tool judges (${Object.keys(ARCHES).join(', ')}); pass --target to check it against one`,
    );
  }
  const runtime = options.runtimeFor?.(target) ?? null;
  // The installed target packages' libraries are expected: the report names them instead.
  const policy =
    runtime === null
      ? given
      : {
          ...given,
          allowNeeded: [...given.allowNeeded, ...runtime.libraries.map((l) => l.soname)],
        };
  const findings = evaluate(facts, policy);
  // The fast view has no per-symbol versions: ask for them when a finding names symbols, or
  // when the Depends on a target package's library rests on which of its symbols are used, and
  // for a dynamic binary judged at a musl floor (every name it imports).
  const usesPackages = runtime?.libraries.some((l) => facts.needed.includes(l.soname)) === true;
  const muslFloor =
    policy.libc === 'musl' &&
    policy.musl !== null &&
    facts.interpreter !== null &&
    facts.symbolVersions.length === 0;
  if (
    (parsed.layout.verneedFrom === 'dump' &&
      (usesPackages || findings.some((f) => VERSION_RULES.has(f.rule)))) ||
    muslFloor
  )
    return { file, facts, policy, target, runtime };
  return { done: withLink(file.candidate, judged(path, target, findings, facts, runtime)) };
}

function withSymbols(
  s: WantsSymbols,
  found: ElfFacts['symbolVersions'] | { error: string },
): BinaryResult {
  const { path } = s.file.candidate;
  if ('error' in found) return errorResult(path, found.error);
  const facts = { ...s.facts, symbolVersions: found };
  const hidden = hiddenVersionNeeds(facts);
  if (hidden !== null) return errorResult(path, hidden);
  return judged(path, s.target, evaluate(facts, s.policy), facts, s.runtime);
}

function judged(
  path: string,
  target: Target,
  findings: Finding[],
  facts: ElfFacts,
  runtime: RuntimeContext | null,
): BinaryResult {
  const dynamic = facts.interpreter !== null || facts.needed.length > 0;
  return {
    path,
    target: formatTarget(target),
    verdict: verdictOf(findings),
    findings,
    facts,
    error: null,
    ...(dynamic ? { runtime: runtimeNeeds(facts, runtime?.libraries ?? []) } : {}),
  };
}
