/** Rules 2, 5, 6: program interpreter, NEEDED allowlist, RPATH/RUNPATH. */
import {
  abiOf,
  describeLoader,
  formatTarget,
  loaderFor,
  type Libc,
  type Target,
} from '../platform.js';
import { GCC_RUNTIME, GLIBC_NEEDED, MUSL_NEEDED } from '../data/allowlists.js';
import type { ElfFacts } from '../elf/elf-facts.js';
import type { Rule, RuleFinding } from './types.js';

const interpreter: Rule = ({ facts, policy, target, sharedLibrary, isStatic, go }) => {
  if (sharedLibrary) return [];
  const libc = policy.libc;
  if (libc === 'none') {
    if (facts.interpreter === null) return [];
    return [
      {
        rule: 'interpreter',
        message: `dynamically linked (interpreter ${facts.interpreter}), but a static binary was expected (libc: none)`,
        fix: "build with CGO_ENABLED=0, or link statically: -ldflags '-linkmode external -extldflags -static'",
      },
    ];
  }
  const want = loaderFor(target, libc) ?? '';
  if (isStatic) return staticExecutable(facts, libc, target, go);
  if (facts.interpreter === want) return [];
  const owner = describeLoader(facts.interpreter ?? '');
  return [
    {
      rule: 'interpreter',
      message:
        `program interpreter is ${facts.interpreter ?? ''}${owner === null ? '' : ` (${owner})`}, ` +
        `expected ${want} for ${libc} on ${formatTarget(target)}: the binary will fail with "no such file or directory"`,
      fix: interpreterFix(facts.interpreter ?? '', libc, target, go),
    },
  ];
};

/**
 * A static executable where a C library is expected: right when that library is linked in (a
 * static glibc or musl build needs no loader); otherwise the build info says why it is not.
 */
function staticExecutable(facts: ElfFacts, libc: Libc, target: Target, go: boolean): RuleFinding[] {
  const linked = facts.staticLibc;
  if (linked === libc) return [];
  const found = (message: string, fix: string): RuleFinding[] => [
    {
      rule: 'interpreter',
      message: `statically linked (no program interpreter), but a ${libc} binary for ${formatTarget(target)} was expected: ${message}`,
      fix,
    },
  ];
  if (linked !== null)
    return found(
      `the C library linked into it is ${linked}`,
      linked === 'musl'
        ? 'set libc: musl for a static musl build, or build with the glibc toolchain'
        : 'build with musl-gcc (or a musl cross compiler), or set libc: glibc for a static glibc build',
    );
  const none = 'or use libc: none if a static binary without a C library is intended';
  // A stripped static musl build leaves no mark of musl; glibc always leaves its ABI note.
  const strippedMusl = libc === 'musl' && linkedByCLinker(facts);
  if (!go)
    return strippedMusl
      ? []
      : found(
          `no ${libc} is seen in it`,
          `link it against ${libc} for ${abiOf(target).triplet}, ${none}`,
        );
  const cgo = facts.goBuild?.settings.CGO_ENABLED;
  const cgoFix = `set CGO_ENABLED=1 for the build (Go turns cgo off when cross-compiling unless it is set, and when no C compiler is found), ${none}`;
  if (cgo === '0') return found('built with CGO_ENABLED=0, so cgo was off', cgoFix);
  if (cgo !== '1') return found('cgo was probably off', cgoFix);
  if (!linkedByCLinker(facts))
    return found(
      'cgo was on, but Go linked it itself without a C library: no package in it uses cgo',
      'use libc: none for a program without C code; if a cgo package belongs in it, check the build tags that select its cgo files',
    );
  if (strippedMusl) return [];
  return found(
    'cgo was on and a C linker linked it statically, but no glibc is in it (no glibc ABI note, symbols or GLIBC_TUNABLES)',
    'build with the glibc toolchain (its CC), or set libc to the C library that was linked in',
  );
}

/** Go's own linker writes no .comment; gcc, clang and the C linkers do. */
function linkedByCLinker(facts: ElfFacts): boolean {
  const ldflags = facts.goBuild?.settings['-ldflags'] ?? '';
  return (
    facts.layout.sections.some((s) => s.name === '.comment') ||
    /-linkmode[= ]external/.test(ldflags)
  );
}

function interpreterFix(found: string, libc: Libc, target: Target, go: boolean): string {
  const triplet = abiOf(target).triplet;
  if (libc === 'glibc' && found.includes('ld-musl')) {
    return `the binary was linked against musl: use a glibc C compiler for ${triplet}, or set libc: musl if musl is intended`;
  }
  if (libc === 'musl' && !found.includes('ld-musl')) {
    return `the binary was linked against glibc: use musl-gcc (or a musl cross compiler), or set libc: glibc`;
  }
  if (!go) return `link it with the C toolchain for ${triplet}`;
  return `set CC to the C compiler for ${triplet} (Go reads only CC when building; CC_<goarch> is ignored)`;
}

/** What a binary may need without shipping it (data/allowlists.ts), with the target's loader. */
export function allowedNeeded(target: Target, libc: Libc): string[] {
  const abi = abiOf(target);
  if (libc === 'musl')
    return [
      ...MUSL_NEEDED,
      `libc.musl-${abi.muslArch}.so.1`,
      basename(abi.muslLoader),
      ...GCC_RUNTIME,
    ];
  return [...GLIBC_NEEDED, ...GCC_RUNTIME, basename(abi.glibcLoader)];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `*` in a policy entry matches any run of characters. */
export function matchesPattern(name: string, pattern: string): boolean {
  if (!pattern.includes('*')) return name === pattern;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(name);
}

const needed: Rule = ({ facts, policy, target }) => {
  const allowed = [...allowedNeeded(target, policy.libc), ...policy.allowNeeded];
  const libcName = policy.libc === 'musl' ? 'musl' : 'glibc';
  return facts.needed
    .filter((lib) => !allowed.some((pattern) => matchesPattern(lib, pattern)))
    .map((lib) => ({
      rule: 'needed',
      message: `needs ${lib}, which is not among the libraries every ${libcName} system has: it fails with "error while loading shared libraries: ${lib}" where it is missing`,
      fix: `link ${lib} statically, ship it beside the binary with an $ORIGIN RUNPATH, or add it to allow-needed in the policy`,
    }));
};

const rpath: Rule = ({ facts, policy, go }) => {
  const found: RuleFinding[] = [];
  const entries = [
    ...facts.rpath.map((path) => ({ tag: 'RPATH', path })),
    ...facts.runpath.map((path) => ({ tag: 'RUNPATH', path })),
  ];
  for (const { tag, path } of entries) {
    if (path.startsWith('$ORIGIN') || path.startsWith('${ORIGIN}')) continue;
    if (
      policy.allowRpath.some(
        (prefix) =>
          path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
      )
    ) {
      continue;
    }
    const why = path.startsWith('/')
      ? 'an absolute path from the build machine'
      : 'relative to the working directory at run time';
    found.push({
      rule: 'rpath',
      message: `${tag} ${path === '' ? '(empty entry)' : path} is ${why}: libraries there are loaded on users' machines`,
      fix: `remove -Wl,-rpath from ${go ? 'CGO_LDFLAGS / #cgo LDFLAGS' : 'the link flags'}, use $ORIGIN-relative paths, or add the prefix to allow-rpath in the policy`,
    });
  }
  return found;
};

export const linkageRules: readonly Rule[] = [interpreter, needed, rpath];
