/**
 * The YAML policy file → a partial Policy, every problem listed with its line. Parsed with the
 * failsafe schema so `glibc: 2.30` stays the string "2.30" (as a YAML float it would be 2.3).
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { LIBCS, parseTarget, type Libc, type Target } from '../platform.js';
import {
  defaultPolicy,
  HARDENING_REQUIREMENTS,
  RULES,
  type HardeningRequirement,
  type Policy,
  type RuleId,
  type SeveritySetting,
} from './types.js';
import { isDottedVersion } from '../version.js';

export type PolicyFile = Partial<Omit<Policy, 'target' | 'smoke'>> & { target?: Target };

export interface PolicyFileResult {
  policy: PolicyFile;
  /** `file:line: message` */
  errors: string[];
}

const KEYS = [
  'glibc',
  'kernel',
  'libc',
  'target',
  'versions',
  'allow-needed',
  'allow-rpath',
  'severity',
  'hardening',
];
const SETTINGS: readonly SeveritySetting[] = ['off', 'warning', 'error'];

export function parsePolicyFile(text: string, fileName: string): PolicyFileResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false });
  const errors: string[] = [];
  const at = (node: unknown): string => {
    const offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
    return `${fileName}:${lines.linePos(offset).line}`;
  };
  for (const e of doc.errors)
    errors.push(`${fileName}:${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0] ?? ''}`);
  const policy: PolicyFile = {};
  if (errors.length > 0 || doc.contents === null) return { policy, errors };
  if (!isMap(doc.contents))
    return { policy, errors: [`${at(doc.contents)}: the policy must be a mapping of keys`] };

  const scalar = (node: unknown, key: string): string | null => {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    errors.push(`${at(node)}: ${key} must be a single value`);
    return null;
  };
  const version = (node: unknown, key: string): string | undefined => {
    const value = scalar(node, key);
    if (value === null) return undefined;
    if (isDottedVersion(value)) return value;
    errors.push(`${at(node)}: ${key} "${value}" is not a version like 2.31`);
    return undefined;
  };
  const list = (node: unknown, key: string): string[] => {
    if (!isSeq(node)) {
      errors.push(`${at(node)}: ${key} must be a list`);
      return [];
    }
    return node.items.map((item) => scalar(item, key)).filter((v): v is string => v !== null);
  };

  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value;
    switch (key) {
      case 'glibc':
        policy.glibc = version(value, key);
        break;
      case 'kernel':
        policy.kernel = version(value, key);
        break;
      case 'libc': {
        const libc = scalar(value, key);
        if (libc !== null && (LIBCS as readonly string[]).includes(libc))
          policy.libc = libc as Libc;
        else if (libc !== null)
          errors.push(`${at(value)}: libc "${libc}" is not one of ${LIBCS.join(', ')}`);
        break;
      }
      case 'target': {
        const text = scalar(value, key);
        const parsed = text === null ? null : parseTarget(text);
        if (parsed !== null && 'error' in parsed) errors.push(`${at(value)}: ${parsed.error}`);
        else if (parsed !== null) policy.target = parsed;
        break;
      }
      case 'versions':
        policy.versions = versionMap(value, at, errors);
        break;
      case 'allow-needed':
        policy.allowNeeded = list(value, key);
        break;
      case 'allow-rpath':
        policy.allowRpath = list(value, key);
        break;
      case 'severity':
        policy.severity = severityMap(value, at, errors);
        break;
      case 'hardening':
        policy.hardening = hardeningList(value, at, errors);
        break;
      default:
        errors.push(`${at(keyNode)}: unknown key "${key}" (known: ${KEYS.join(', ')})`);
    }
  }
  return { policy, errors };
}

/** What a front end names itself (flags, inputs); null or absent: not named, the file decides. */
export interface PolicyOverrides {
  target?: Target | null;
  libc?: Libc | null;
  glibc?: string | null;
  kernel?: string | null;
  musl?: string | null;
  link?: 'static' | 'dynamic' | null;
  /** The binaries are also run (the `smoke` input, `--smoke`). */
  smoke?: boolean;
  /** The runner's directories no binary may carry (from the runner's environment). */
  buildPaths?: string[];
}

/** The one merge: defaults, then the policy file, then what the front end names. */
export function mergePolicy(file: PolicyFile, overrides: PolicyOverrides): Policy {
  const policy: Policy = { ...defaultPolicy(), ...file };
  return {
    ...policy,
    target: overrides.target ?? policy.target,
    libc: overrides.libc ?? policy.libc,
    glibc: overrides.glibc ?? policy.glibc,
    kernel: overrides.kernel ?? policy.kernel,
    musl: overrides.musl ?? policy.musl,
    link: overrides.link ?? policy.link,
    smoke: overrides.smoke ?? policy.smoke,
    buildPaths: overrides.buildPaths ?? policy.buildPaths,
  };
}

type At = (node: unknown) => string;

function versionMap(node: unknown, at: At, errors: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(node)) {
    errors.push(`${at(node)}: versions must be a mapping like {GLIBCXX: 3.4.28}`);
    return out;
  }
  for (const pair of node.items) {
    const prefix = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!/^[A-Z][A-Z0-9_]*$/.test(prefix))
      errors.push(`${at(pair.key)}: "${prefix}" is not a version prefix like GLIBCXX`);
    else if (!isDottedVersion(value))
      errors.push(`${at(pair.value)}: versions.${prefix} "${value}" is not a version like 3.4.28`);
    else out[prefix] = value;
  }
  return out;
}

function severityMap(
  node: unknown,
  at: At,
  errors: string[],
): Partial<Record<RuleId, SeveritySetting>> {
  const out: Partial<Record<RuleId, SeveritySetting>> = {};
  if (!isMap(node)) {
    errors.push(`${at(node)}: severity must be a mapping of rule id to off, warning or error`);
    return out;
  }
  for (const pair of node.items) {
    const rule = isScalar(pair.key) ? String(pair.key.value) : '';
    const setting = isScalar(pair.value) ? String(pair.value.value) : '';
    if (!(RULES as readonly string[]).includes(rule)) {
      errors.push(`${at(pair.key)}: unknown rule "${rule}" (rules: ${RULES.join(', ')})`);
    } else if (!(SETTINGS as readonly string[]).includes(setting)) {
      errors.push(
        `${at(pair.value)}: severity of ${rule} must be off, warning or error, not "${setting}"`,
      );
    } else out[rule as RuleId] = setting as SeveritySetting;
  }
  return out;
}

function hardeningList(node: unknown, at: At, errors: string[]): HardeningRequirement[] {
  if (!isSeq(node)) {
    errors.push(`${at(node)}: hardening must be a list like [pie, relro-full, nx-stack]`);
    return [];
  }
  const out: HardeningRequirement[] = [];
  for (const item of node.items) {
    const name = isScalar(item) ? String(item.value) : '';
    if ((HARDENING_REQUIREMENTS as readonly string[]).includes(name))
      out.push(name as HardeningRequirement);
    else
      errors.push(
        `${at(item)}: unknown hardening requirement "${name}" (known: ${HARDENING_REQUIREMENTS.join(', ')})`,
      );
  }
  return out;
}
