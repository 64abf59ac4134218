/**
 * Every fact the verifier reads through readelf, compared with pyelftools (Debian's
 * python3-pyelftools) on real ELF files of several architectures.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import { verifyPaths } from '../../src/steps/verify.js';
import { realElfFiles } from '../setup/corpus.js';
import { fixtureFiles } from '../setup/fixtures.js';
import { ROOT } from '../setup/paths.js';

const MACHINES: Record<string, string> = {
  'Advanced Micro Devices X86-64': 'EM_X86_64',
  AArch64: 'EM_AARCH64',
  ARM: 'EM_ARM',
  'Intel 80386': 'EM_386',
  PowerPC64: 'EM_PPC64',
  'IBM S/390': 'EM_S390',
  'RISC-V': 'EM_RISCV',
};

interface PyFacts {
  path: string;
  error?: string;
  class: string;
  endian: string;
  machine: string;
  interpreter: string | null;
  needed: string[];
  rpath: string[];
  runpath: string[];
  versions: Record<string, string>;
}

describe('readelf facts agree with pyelftools', async () => {
  const files = [...realElfFiles(), ...fixtureFiles()];
  const report = await verifyPaths(files, { policy: defaultPolicy(), readelf: 'readelf' });
  const script = join(ROOT, '__tests__', 'differential', 'elffacts.py');
  const output = execFileSync('/usr/bin/python3', [script, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const theirs = new Map(
    output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PyFacts)
      .map((f) => [f.path, f]),
  );

  it('has a corpus of at least 100 real binaries of at least 4 architectures', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
    const machines = new Set(report.binaries.map((b) => b.facts?.machine));
    expect(machines.size).toBeGreaterThanOrEqual(4);
  });

  it('reads every file without error, as pyelftools does', () => {
    const errors = report.binaries
      .filter((b) => b.verdict === 'error')
      .map((b) => `${b.path}: ${b.error ?? ''}`);
    const pyErrors = [...theirs.values()]
      .filter((f) => f.error !== undefined)
      .map((f) => `${f.path}: ${f.error ?? ''}`);
    expect(errors).toEqual([]);
    expect(pyErrors).toEqual([]);
    expect(report.binaries.map((b) => b.path).sort()).toEqual([...files].sort());
  });

  it('agrees on class, endianness, machine, interpreter, NEEDED, RPATH, RUNPATH and highest versions', () => {
    const mismatches: string[] = [];
    for (const b of report.binaries) {
      const py = theirs.get(b.path);
      const f = b.facts;
      if (py === undefined || f === null) {
        mismatches.push(`${b.path}: missing on one side`);
        continue;
      }
      const ours = {
        class: f.class,
        endian: f.endian,
        machine: MACHINES[f.machine] ?? f.machine,
        interpreter: f.interpreter,
        needed: f.needed,
        rpath: f.rpath,
        runpath: f.runpath,
        versions: f.versions,
      };
      const them = {
        class: py.class,
        endian: py.endian,
        machine: py.machine,
        interpreter: py.interpreter,
        needed: py.needed,
        rpath: py.rpath,
        runpath: py.runpath,
        versions: py.versions,
      };
      if (JSON.stringify(ours) !== JSON.stringify(them)) {
        mismatches.push(
          `${b.path}: ours ${JSON.stringify(ours)} vs pyelftools ${JSON.stringify(them)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
