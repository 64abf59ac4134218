/**
 * Verdicts that hold on any real binary: objects built or edited so that readelf's section view
 * misses what the loader reads are "cannot be judged", never a pass. Inputs are crafted at test
 * time from the real fixtures or built here with the real compilers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { factLine } from '../../src/domain/report/render.js';
import { runCli } from '../setup/cli.js';
import { craft, renameSection, section, stripSectionHeaders, verneeds } from '../setup/elf-edit.js';
import { fixture } from '../setup/fixtures.js';
import { judge, rulesOf } from '../setup/judge.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-fail-closed-'));
});

const at = (name: string): string => join(dir, name);

function build(compiler: string, args: readonly string[], source: string, out: string): string {
  const src = at(`${out}.c`);
  writeFileSync(src, source);
  execFileSync(compiler, [...args, '-o', at(out), src], { stdio: 'pipe' });
  return at(out);
}

describe('ARM float ABI of shared objects', () => {
  it('fails a hard-float shared library (no PT_INTERP) judged as armel, and shows the ABI', async () => {
    const so = build(
      'arm-linux-gnueabihf-gcc',
      ['-shared', '-fPIC'],
      'int twice(int x) { return 2 * x; }\n',
      'hf.so',
    );
    const r = await judge(so, { target: 'linux/arm/v6' });
    expect(r.findings.find((f) => f.rule === 'elf-arch')?.message).toMatch(
      /hard-float ABI .* linux\/arm\/v6 is soft-float/,
    );
    expect(r.verdict).toBe('fail');
    expect(factLine(r.facts ?? fail())).toMatch(/hard-float ABI/);
    expect(rulesOf(await judge(so, { target: 'linux/arm/v7' }))).toEqual([]);
  });
});

function fail(): never {
  throw new Error('no facts');
}

describe('version needs the section view hides', () => {
  const floor = { glibc: '2.31' };
  const amd64 = (): string => fixture('amd64-gcc');

  it('judges the untouched binary: it needs GLIBC_2.34', async () => {
    expect((await judge(amd64(), floor)).verdict).toBe('fail');
  });

  it.each([
    [
      'section headers stripped (e_shnum 0)',
      stripSectionHeaders,
      /dynamic segment has 2 version need entries \(DT_VERNEEDNUM\), but readelf's section view shows 0/,
    ],
    [
      '.gnu.version_r retyped to PROGBITS and renamed',
      (b: Buffer) => {
        const s = section(b, '.gnu.version_r');
        b.writeUInt32LE(1, s.header + 4);
        b.writeUInt32LE(0, s.header + 0x2c); // sh_info, so readelf has nothing to warn about
        renameSection(b, '.gnu.version_r', '.gnu.version_x');
      },
      /DT_VERNEEDNUM\), but readelf's section view shows 0/,
    ],
    [
      'DT_VERNEED pointing elsewhere than the section readelf shows',
      (b: Buffer) => {
        const s = section(b, '.gnu.version_r');
        const addr = b.readBigUInt64LE(s.header + 0x10);
        b.writeBigUInt64LE(addr + 0x100n, s.header + 0x10); // sh_addr of the decoy
      },
      /DT_VERNEED points at 0x[0-9a-f]+, but the version needs readelf shows \(\.gnu\.version_r\) are at/,
    ],
    [
      'vn_cnt 0 in every entry',
      (b: Buffer) => {
        for (const v of verneeds(b)) b.writeUInt16LE(0, v.at + 2);
      },
      /Cnt 0 .* the loader follows vna_next/,
    ],
    [
      'vn_cnt 1 where libc.so.6 has 4 versions',
      (b: Buffer) => {
        const libc = verneeds(b)[1];
        if (libc !== undefined) b.writeUInt16LE(1, libc.at + 2);
      },
      /Cnt 1 and readelf lists 4 of its versions: the loader follows vna_next/,
    ],
    [
      'vn_cnt 1 in a renamed section (read with -V)',
      (b: Buffer) => {
        const libc = verneeds(b)[1];
        if (libc !== undefined) b.writeUInt16LE(1, libc.at + 2);
        renameSection(b, '.gnu.version_r', '.gnu.version_x');
      },
      /\.dynsym binds \S+ to GLIBC_2\.\d+, which the version needs readelf shows do not list/,
    ],
    [
      'an out-of-range sh_link readelf warns about',
      (b: Buffer) => b.writeUInt32LE(99, section(b, '.gnu.version_r').header + 0x28),
      /readelf warns about the file \(Warning: Section \d+ has an out of range sh_link/,
    ],
  ])('%s: cannot be judged', async (name, edit, reason) => {
    const path = craft(amd64(), at(name.replace(/\W+/g, '-')), edit);
    const r = await judge(path, floor);
    expect(r.verdict).toBe('error');
    expect(r.error).toMatch(/^cannot be judged: /);
    expect(r.error).toMatch(reason);
  });

  it('exits 2 with one "cannot be judged" line from the CLI', () => {
    const path = craft(amd64(), at('cli-stripped'), stripSectionHeaders);
    const r = runCli(['verify', '--glibc', '2.31', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cli-stripped: cannot be judged: the dynamic segment/);
  });

  it.each([
    [
      'renamed',
      (b: Buffer) => {
        renameSection(b, '.gnu.version_r', '.gnu.version_x');
      },
    ],
    [
      'retyped',
      (b: Buffer) => {
        const s = section(b, '.gnu.version_r');
        b.writeUInt32LE(1, s.header + 4);
        b.writeUInt32LE(0, s.header + 0x2c);
      },
    ],
  ])(
    'reads a %s .gnu.version_r like the loader does: the need still fails the floor',
    async (name, edit) => {
      const path = craft(amd64(), at(name), edit);
      const r = await judge(path, floor);
      expect(r.findings.map((f) => f.message)).toContainEqual(
        expect.stringMatching(/^needs GLIBC_2\.34 \(floor 2\.31\): __libc_start_main/),
      );
    },
  );
});

describe('weak version needs', () => {
  it('count against the floor but are not said to fail with "not found"', async () => {
    const path = craft(fixture('amd64-gcc'), at('weak'), (b) => {
      for (const aux of verneeds(b)[1]?.aux ?? []) b.writeUInt16LE(2, aux + 4); // VER_FLG_WEAK
    });
    const r = await judge(path, { glibc: '2.31' });
    const over = r.findings.filter((f) => f.rule === 'glibc-version');
    expect(over.map((f) => f.message)).toEqual([
      expect.stringMatching(/^needs GLIBC_2\.34 .* a weak need \(WEAK in \.gnu\.version_r\)/),
      expect.stringMatching(/^needs GLIBC_2\.32 .* a weak need/),
    ]);
    for (const f of over) expect(f.fix).not.toMatch(/not found/);
    const strong = await judge(fixture('amd64-gcc'), { glibc: '2.31' });
    expect(strong.findings[0]?.fix).toMatch(/version `GLIBC_2\.34' not found/);
    expect(strong.findings[0]?.message).not.toMatch(/weak/);
  });
});

describe('musl allowlist', () => {
  it('allows libstdc++.so.6 and libgcc_s.so.1, as on glibc', async () => {
    const stub = at('stub');
    mkdirSync(stub, { recursive: true });
    for (const [file, soname] of [
      ['libstdc++.so', 'libstdc++.so.6'],
      ['libgcc_s.so', 'libgcc_s.so.1'],
    ] as const) {
      build(
        'gcc',
        ['-shared', '-fPIC', `-Wl,-soname,${soname}`],
        'int f(void){return 1;}\n',
        `s-${file}`,
      );
      copyFileSync(at(`s-${file}`), join(stub, file));
    }
    const app = build(
      'musl-gcc',
      [`-L${stub}`, '-Wl,--no-as-needed', '-lstdc++', '-lgcc_s'],
      'int main(void) { return 0; }\n',
      'musl-cxx',
    );
    const r = await judge(app, { target: 'linux/amd64', libc: 'musl' });
    expect(r.facts?.needed).toEqual(['libstdc++.so.6', 'libgcc_s.so.1', 'libc.so']);
    expect(rulesOf(r)).toEqual([]);
  });
});

describe('architectures this tool does not judge', () => {
  const loong = (): string =>
    craft(fixture('riscv64-nocgo'), at('loong64'), (b) => b.writeUInt16LE(258, 0x12)); // EM_LOONGARCH

  it('cannot be judged without a target (exit 2), saying the tool does not judge it', () => {
    const r = runCli(['verify', loong()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /loong64: cannot be judged: .*LoongArch is not an architecture this tool judges/,
    );
  });

  it('fails against a target it contradicts (exit 1)', () => {
    const r = runCli(['verify', '--target', 'linux/riscv64', '--libc', 'none', loong()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/elf-arch: built for LoongArch/);
  });
});

describe('Go detection', () => {
  it('knows a Go binary without .go.buildinfo by its .gopclntab', async () => {
    const path = craft(fixture('amd64-nocgo'), at('go-no-buildinfo'), (b) => {
      renameSection(b, '.go.buildinfo', '.go.xuildinfo');
    });
    const r = await judge(path, { libc: 'none' });
    expect(r.facts?.goBuild).toBeNull();
    expect(factLine(r.facts ?? fail())).toMatch(/a Go binary without build info/);
  });

  it('gives a static C binary no Go advice', async () => {
    const app = build('gcc', ['-static'], 'int main(void) { return 0; }\n', 'c-static');
    // Static glibc passes at libc: glibc; where musl is expected, it is named without Go advice.
    expect(rulesOf(await judge(app, { target: 'linux/amd64' }))).toEqual([]);
    const r = await judge(app, { target: 'linux/amd64', libc: 'musl' });
    const f = r.findings.find((x) => x.rule === 'interpreter');
    expect(f?.message).toMatch(/statically linked/);
    expect(`${f?.message ?? ''} ${f?.fix ?? ''}`).not.toMatch(/cgo|CGO_ENABLED|Go /);
    expect(factLine(r.facts ?? fail())).toMatch(/not a Go binary/);
  });
});
