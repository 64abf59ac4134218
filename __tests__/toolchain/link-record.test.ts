/**
 * The wrappers' link record (domain/toolchain/link-record.ts), run by this machine's gcc (GNU ld)
 * and clang with lld: an archive whose member a program calls is recorded with that member, one it
 * does not call is not; the record is named by the binary's GNU build ID as readelf reads it; a
 * compile, a failed link and a log that is off record nothing; and recording leaves the binary's
 * bytes as they are.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gnuBuildId,
  linkRecorder,
  parseLinkRecord,
  type Linker,
} from '../../src/domain/toolchain/link-record.js';

const work = realpathSync(mkdtempSync(join(tmpdir(), 'cgo-abi-guard-link-record-')));
const root = join(work, 'root');
const lib = join(root, 'usr', 'lib');
mkdirSync(lib, { recursive: true });
const write = (name: string, text: string): string => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};
// libu.a: the program calls used(); libv.a: nothing of it is called.
for (const [archive, fn] of [
  ['u', 'used'],
  ['v', 'unused'],
] as const) {
  const obj = join(work, `${fn}.o`);
  execFileSync('gcc', [
    '-c',
    '-fPIC',
    write(`${fn}.c`, `int ${fn}(void) { return 7; }\n`),
    '-o',
    obj,
  ]);
  execFileSync('ar', ['rcs', join(lib, `lib${archive}.a`), obj]);
}
const main = write('main.c', 'int used(void);\nint main(void) { return used() - 7; }\n');

const COMPILERS: Record<Linker, string> = {
  gnu: 'exec gcc "$@"',
  lld: `exec clang -fuse-ld=lld -Qunused-arguments "$@"`,
};

/** A wrapper as the install writes one: `$root` beside `bin`, the recorder, then the compiler. */
function wrapper(linker: Linker): string {
  const bin = join(work, `bin-${linker}`);
  mkdirSync(bin, { recursive: true });
  const path = join(bin, 'cc');
  writeFileSync(
    path,
    `#!/bin/sh\nhere=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)\nroot="$(dirname "$here")/root"\n${linkRecorder(linker)}${COMPILERS[linker]}\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

const cc = (path: string, args: string[], log: string | null) =>
  spawnSync(path, args, {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CGO_ABI_GUARD_LINK_LOG: log ?? '' },
  });

const hasClang = spawnSync('clang', ['--version']).status === 0;

describe.each(['gnu', 'lld'] as const)('link records with %s ld', (linker) => {
  const run = linker === 'gnu' || hasClang ? it : it.skip;
  // Beside bin-<linker>, as an install's root is beside its bin.
  const tree = join(work, 'root');

  run('records the archive member the program uses, by the build ID readelf reads', () => {
    const cw = wrapper(linker);
    const log = join(work, `log-${linker}`);
    const out = join(work, `app-${linker}`);
    const r = cc(cw, [main, '-o', out, `-L${lib}`, '-lv', '-lu'], log);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const id = gnuBuildId(execFileSync('readelf', ['-n', '-W', out], { encoding: 'utf8' }));
    expect(id).toMatch(/^[0-9a-f]{16,}$/);
    expect(readdirSync(log)).toEqual([`${id ?? ''}.link`]);
    const record = parseLinkRecord(readFileSync(join(log, `${id ?? ''}.link`), 'utf8'));
    if ('error' in record) throw new Error(record.error);
    expect(record.root).toBe(tree);
    const inTree = record.inputs.filter((i) => i.path.startsWith(`${tree}/`));
    expect(inTree).toEqual([{ path: join(lib, 'libu.a'), members: ['used.o'] }]);
    // The host's start files are objects the link took (outside the tree).
    expect(record.inputs.some((i) => /\/crt1\.o$|\/Scrt1\.o$/.test(i.path))).toBe(true);
    expect(record.inputs.every((i) => !i.path.includes('..'))).toBe(true);
  });

  run('leaves the bytes as a link without the log writes them', () => {
    const cw = wrapper(linker);
    const a = join(work, `same-a-${linker}`);
    const b = join(work, `same-b-${linker}`);
    expect(cc(cw, [main, '-o', a, `-L${lib}`, '-lu'], join(work, `log2-${linker}`)).status).toBe(0);
    expect(cc(cw, [main, '-o', b, `-L${lib}`, '-lu'], null).status).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  run('records nothing for a compile, a failed link, or with the log off', () => {
    const cw = wrapper(linker);
    const log = join(work, `log3-${linker}`);
    expect(cc(cw, ['-c', main, '-o', join(work, `m-${linker}.o`)], log).status).toBe(0);
    const failed = cc(cw, [main, '-o', join(work, `f-${linker}`), '-lnosuchlib'], log);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/nosuchlib/);
    expect(existsSync(log) ? readdirSync(log) : []).toEqual([]);
    const off = join(work, `off-${linker}`);
    expect(cc(cw, [main, '-o', off, `-L${lib}`, '-lu'], null).status).toBe(0);
    expect(existsSync(join(work, 'log-off'))).toBe(false);
  });
});

describe('parseLinkRecord', () => {
  it('refuses what is not a record', () => {
    expect(parseLinkRecord('Archive member included\n')).toEqual({
      error: 'not a cgo-abi-guard link record',
    });
  });
});
