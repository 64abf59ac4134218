/** The verify step: paths → judged binaries. Effects (readelf, file reads) stay in adapters. */
import { availableParallelism } from 'node:os';
import { mapLimit } from '../util/map-limit.js';
import { expandInputs, fileSize, readRange, type Candidate } from '../adapters/files.js';
import { parseGoBuildInfo } from '../domain/elf/buildinfo.js';
import type { ElfFacts, SectionInfo } from '../domain/elf/elf-facts.js';
import { IDENT_BYTES, parseIdent } from '../domain/elf/elf-ident.js';
import { hiddenVersionNeeds, layoutProblem } from '../domain/elf/integrity.js';
import { ARCHES, formatTarget, type Target } from '../domain/platform.js';
import { evaluate, inferTarget, verdictOf } from '../domain/rules/policy.js';
import { type Policy } from '../domain/rules/types.js';
import type { ReadelfFacts } from '../domain/elf/elf-facts.js';
import { readFacts, readSymbolVersions } from './read-facts.js';
import { overallVerdict, type BinaryResult, type VerifyReport } from '../domain/report/report.js';
import {
  definedSymbolNames,
  staticNssFromGoTables,
  staticNssFunctions,
} from '../domain/elf/static-symbols.js';

export interface VerifyOptions {
  policy: Policy;
  readelf: string;
  concurrency?: number;
  /** Time limit of one readelf run. */
  readelfTimeoutMs?: number;
  /** Picks each binary's target from its facts (several targets in one step); else policy.target. */
  chooseTarget?: (facts: ElfFacts) => Target | null;
}

const BUILDINFO_MAX = 1024 * 1024;
const VERSION_RULES = new Set<string>(['glibc-version', 'library-versions']);
const SYMTAB_MAX = 64 * 1024 * 1024;

export async function verifyPaths(
  args: readonly string[],
  options: VerifyOptions,
): Promise<VerifyReport> {
  const groups = await expandInputs(args);
  const all = groups.flatMap((group) => group.candidates);
  const judged = await judgeAll(all, options);
  const byPath = new Map(all.map((c, i) => [c.path, judged[i] ?? null]));
  const binaries: BinaryResult[] = [];
  for (const group of groups) {
    if (group.missing !== null) {
      binaries.push(errorResult(group.arg, group.missing));
      continue;
    }
    const results = group.candidates
      .map((c) => byPath.get(c.path) ?? null)
      .filter((r): r is BinaryResult => r !== null);
    if (results.length === 0 && group.candidates.some((c) => !c.explicit)) {
      binaries.push(errorResult(group.arg, 'no ELF executables or shared libraries found'));
    }
    binaries.push(...results);
  }
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
}

/** Files found by the caller (a build's new files): non-binaries are skipped, not errors. */
export async function verifyDiscovered(
  paths: readonly string[],
  options: VerifyOptions,
): Promise<VerifyReport> {
  const judged = await judgeAll(
    paths.map((path) => ({ path, explicit: false })),
    options,
  );
  const binaries = judged.filter((r): r is BinaryResult => r !== null);
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
}

/** Judges candidates in parallel, largest first (so one big library does not start last). */
async function judgeAll(
  all: readonly Candidate[],
  options: VerifyOptions,
): Promise<(BinaryResult | null)[]> {
  const sizes = await Promise.all(all.map((c) => fileSize(c.path).catch(() => 0)));
  const order = all.map((_, i) => i).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0));
  const judgedInOrder = await mapLimit(order, options.concurrency ?? availableParallelism(), (i) =>
    verifyCandidate(all[i] as Candidate, options),
  );
  const judged = new Array<BinaryResult | null>(all.length);
  order.forEach((i, k) => (judged[i] = judgedInOrder[k] ?? null));
  return judged;
}

export function errorResult(path: string, error: string): BinaryResult {
  return { path, target: null, verdict: 'error', findings: [], facts: null, error };
}

/** Judges one file; null when a discovered (not named) file is not a binary to judge. */
export async function verifyCandidate(
  candidate: Candidate,
  options: VerifyOptions,
): Promise<BinaryResult | null> {
  if (candidate.problem !== undefined)
    return errorResult(candidate.path, `cannot be judged: ${candidate.problem}`);
  try {
    const result = await judgeFile(candidate, options);
    if (result === null || candidate.linkTarget === undefined) return result;
    return { ...result, linkTarget: candidate.linkTarget };
  } catch (error) {
    // One unreadable file (EACCES, gone meanwhile) is that file's verdict, not the whole run's.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    return errorResult(candidate.path, `cannot be judged: cannot read it (${code})`);
  }
}

async function judgeFile(
  candidate: Candidate,
  options: VerifyOptions,
): Promise<BinaryResult | null> {
  const { path, explicit } = candidate;
  const ident = parseIdent(await readRange(path, 0, IDENT_BYTES));
  if (ident.kind === 'not-elf') return explicit ? errorResult(path, ident.reason) : null;
  if (ident.type === 'REL' || ident.type === 'CORE') {
    const what = ident.type === 'REL' ? 'a relocatable object (.o)' : 'a core dump';
    return explicit ? errorResult(path, `${what}, not an executable or shared library`) : null;
  }
  const reader = { readelf: options.readelf, timeoutMs: options.readelfTimeoutMs };
  const read = await readFacts(path, reader);
  if ('error' in read) return errorResult(path, read.error);
  const parsed = read.facts;
  const size = await fileSize(path);
  const problem =
    parsed.machine === ''
      ? 'malformed ELF: readelf printed no ELF header'
      : (layoutProblem(parsed.layout, size) ?? hiddenVersionNeeds(parsed));
  if (problem !== null) return errorResult(path, problem);
  const facts = await completeFacts(path, parsed);
  const chosen = options.chooseTarget?.(facts) ?? null;
  const policy = chosen === null ? options.policy : { ...options.policy, target: chosen };
  const target = policy.target ?? inferTarget(facts);
  if (target === null) {
    return errorResult(
      path,
      `cannot be judged: ${facts.class} ${facts.endian}-endian ${facts.machine} is not an architecture this tool judges (${Object.keys(ARCHES).join(', ')}); pass --target to check it against one`,
    );
  }
  let findings = evaluate(facts, policy);
  // The fast view has no per-symbol versions: ask for them when a finding names symbols.
  if (parsed.layout.verneedFrom === 'dump' && findings.some((f) => VERSION_RULES.has(f.rule))) {
    const symbols = await readSymbolVersions(path, reader);
    if ('error' in symbols) return errorResult(path, symbols.error);
    facts.symbolVersions = symbols;
    const hidden = hiddenVersionNeeds(facts);
    if (hidden !== null) return errorResult(path, hidden);
    findings = evaluate(facts, policy);
  }
  return {
    path,
    target: formatTarget(target),
    verdict: verdictOf(findings),
    findings,
    facts,
    error: null,
  };
}

/** Adds what readelf does not print: Go build info and a static binary's NSS symbols. */
async function completeFacts(path: string, parsed: ReadelfFacts): Promise<ElfFacts> {
  const facts: ElfFacts = { ...parsed, goBuild: null, goBuildError: null, staticSymbols: [] };
  const section = (name: string) =>
    parsed.layout.sections.find((s) => s.name === name && s.type !== 'NOBITS');
  const buildinfo = section('.go.buildinfo');
  if (buildinfo !== undefined) {
    const result = parseGoBuildInfo(
      await readRange(path, buildinfo.offset, Math.min(buildinfo.size, BUILDINFO_MAX)),
    );
    if ('info' in result) facts.goBuild = result.info;
    else facts.goBuildError = result.error;
  }
  const sharedLibrary = parsed.type === 'DYN' && !parsed.pie;
  if (parsed.interpreter === null && !sharedLibrary)
    facts.staticSymbols = await staticNss(path, parsed, section);
  return facts;
}

type SectionLookup = (name: string) => SectionInfo | undefined;

/** NSS functions a static glibc binary calls: from .symtab, else (stripped) from Go's tables. */
async function staticNss(
  path: string,
  parsed: ReadelfFacts,
  section: SectionLookup,
): Promise<string[]> {
  const read = async (s: SectionInfo): Promise<Uint8Array> =>
    readRange(path, s.offset, Math.min(s.size, SYMTAB_MAX));
  const symtab = section('.symtab');
  const strtab = section('.strtab');
  if (symtab !== undefined && strtab !== undefined) {
    const defined = definedSymbolNames({
      symtab: await read(symtab),
      strtab: await read(strtab),
      is64: parsed.class === 'ELF64',
      littleEndian: parsed.endian === 'little',
    });
    return staticNssFunctions(defined);
  }
  const pclntab = section('.gopclntab');
  const rodata = section('.rodata');
  if (pclntab === undefined || rodata === undefined) return [];
  return staticNssFromGoTables(await read(pclntab), await read(rodata));
}
