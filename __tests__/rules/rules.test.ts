/**
 * Every rule fires on a real binary that breaks it and stays quiet on one that does not.
 * Fixtures are built by __tests__/fixtures/build.sh with Go, Debian's cross gcc, musl-gcc and clang.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { judge, rulesOf } from '../setup/judge.js';

describe('rule 1: elf-arch', () => {
  it('fires on an arm64 binary judged as amd64, naming both machines', async () => {
    const r = await judge(fixture('arm64-gcc'), { target: 'linux/amd64' });
    const f = r.findings.find((x) => x.rule === 'elf-arch');
    expect(f?.message).toMatch(
      /built for AArch64 .* target linux\/amd64\/v1 is Advanced Micro Devices X86-64/,
    );
    expect(r.verdict).toBe('fail');
  });

  it.each([
    ['arm64-gcc', 'linux/arm64'],
    ['amd64-gcc', 'linux/amd64'],
    ['386-gcc', 'linux/386'],
    ['armhf-gcc', 'linux/arm/v7'],
    ['armel-gcc', 'linux/arm/v5'],
  ])('stays quiet on %s as %s', async (name, target) => {
    expect(rulesOf(await judge(fixture(name), { target }))).toEqual([]);
  });

  it('fires on a soft-float (armel) binary judged as armhf, and the loader differs too', async () => {
    const r = await judge(fixture('armel-gcc'), { target: 'linux/arm/v7' });
    expect(r.findings.find((f) => f.rule === 'elf-arch')?.message).toMatch(
      /soft-float ABI .* linux\/arm\/v7 is hard-float/,
    );
    expect(r.findings.find((f) => f.rule === 'interpreter')?.message).toMatch(
      /\/lib\/ld-linux\.so\.3 .*expected \/lib\/ld-linux-armhf\.so\.3/,
    );
  });

  it('is off without --target: each file is judged as its own architecture', async () => {
    for (const name of [
      'arm64-gcc',
      'armhf-gcc',
      '386-gcc',
      'ppc64le-nocgo',
      's390x-nocgo',
      'riscv64-nocgo',
    ]) {
      const r = await judge(fixture(name), { libc: 'none' });
      // The Go builds with cgo off get the cgo-off warning of libc: none, nothing else.
      expect(rulesOf(r), name).toEqual(name.endsWith('-gcc') ? ['interpreter'] : ['cgo-off']);
    }
  });
});

describe('rule 2: interpreter', () => {
  it('fires on a musl binary where glibc is expected, saying it was linked against musl', async () => {
    const r = await judge(fixture('amd64-musl'), { target: 'linux/amd64' });
    const f = r.findings.find((x) => x.rule === 'interpreter');
    expect(f?.message).toMatch(
      /\/lib\/ld-musl-x86_64\.so\.1 \(the musl loader for amd64\), expected \/lib64\/ld-linux-x86-64\.so\.2/,
    );
    expect(f?.fix).toMatch(/linked against musl/);
  });

  it('stays quiet on the musl binary with libc musl', async () => {
    expect(
      rulesOf(await judge(fixture('amd64-musl'), { target: 'linux/amd64', libc: 'musl' })),
    ).toEqual([]);
  });

  it('fires on a static binary where glibc is expected: its build info says cgo was off', async () => {
    const r = await judge(fixture('amd64-nocgo'), { target: 'linux/amd64' });
    expect(r.findings.find((x) => x.rule === 'interpreter')?.message).toMatch(
      /statically linked .* built with CGO_ENABLED=0, so cgo was off$/,
    );
  });

  it('fires on a dynamic binary where a static one is expected', async () => {
    const r = await judge(fixture('amd64-gcc'), { target: 'linux/amd64', libc: 'none' });
    expect(r.findings.find((x) => x.rule === 'interpreter')?.message).toMatch(
      /dynamically linked .* static binary was expected/,
    );
  });

  it('needs no interpreter for a c-shared library, and accepts a PIE', async () => {
    expect(rulesOf(await judge(fixture('amd64-cshared'), { target: 'linux/amd64' }))).toEqual([]);
    expect(rulesOf(await judge(fixture('amd64-pie'), { target: 'linux/amd64' }))).toEqual([]);
  });
});

describe('rule 3: glibc-version', () => {
  it('fires on a host-gcc build at floor 2.31, naming GLIBC_2.34 and its symbols', async () => {
    const r = await judge(fixture('amd64-gcc'), { target: 'linux/amd64', glibc: '2.31' });
    const f = r.findings.find((x) => x.message.startsWith('needs GLIBC_2.34'));
    expect(f?.rule).toBe('glibc-version');
    expect(f?.message).toMatch(/^needs GLIBC_2\.34 \(floor 2\.31\): .*__libc_start_main/);
    expect(f?.symbols).toContain('__libc_start_main');
  });

  it('stays quiet at a floor the binary meets, and on a build against a bullseye sysroot', async () => {
    expect(
      rulesOf(await judge(fixture('amd64-gcc'), { target: 'linux/amd64', glibc: '2.36' })),
    ).toEqual([]);
    const bullseye = await judge(fixture('amd64-clang-bullseye'), {
      target: 'linux/amd64',
      glibc: '2.31',
    });
    expect(rulesOf(bullseye)).toEqual([]);
    expect(bullseye.facts?.versions.GLIBC).toMatch(/^2\.(\d|[12]\d|3[01])(\.\d+)?$/);
  });

  it('compares numerically: 2.17 needs are under a 2.31 floor on arm64', async () => {
    const r = await judge(fixture('arm64-clang-bullseye'), {
      target: 'linux/arm64',
      glibc: '2.31',
    });
    expect(rulesOf(r)).toEqual([]);
  });

  it('fires on GLIBC_PRIVATE in real Debian libraries, floor or not', async () => {
    for (const path of [
      '/usr/lib/x86_64-linux-gnu/libm.so.6',
      '/usr/aarch64-linux-gnu/lib/libm.so.6',
    ]) {
      const r = await judge(path);
      expect(r.findings.map((f) => f.message).join('\n'), path).toMatch(
        /needs GLIBC_PRIVATE from (libc\.so\.6|ld-linux)/,
      );
    }
  });
});

describe('rule 4: library-versions', () => {
  it('derives a GLIBCXX ceiling from an old glibc floor and fires on a C++ cgo build', async () => {
    const r = await judge(fixture('amd64-cxx'), {
      target: 'linux/amd64',
      glibc: '2.17',
      severity: { 'glibc-version': 'off' },
    });
    const f = r.findings.find((x) => x.rule === 'library-versions');
    expect(f?.message).toMatch(
      /^needs GLIBCXX_3\.4\.\d+ \(ceiling 3\.4\.19, derived from glibc floor 2\.17: CentOS 7/,
    );
  });

  it('takes the ceiling from the policy when given', async () => {
    const r = await judge(fixture('amd64-cxx'), {
      target: 'linux/amd64',
      versions: { GLIBCXX: '3.4.9' },
    });
    expect(r.findings.find((x) => x.rule === 'library-versions')?.message).toMatch(
      /ceiling 3\.4\.9, policy/,
    );
  });

  it('stays quiet at the floor of the build machine', async () => {
    expect(
      rulesOf(await judge(fixture('amd64-cxx'), { target: 'linux/amd64', glibc: '2.36' })),
    ).toEqual([]);
  });
});

describe('rule 5: needed', () => {
  it('fires on libz.so.1, and the policy can allow it', async () => {
    const r = await judge(fixture('amd64-extra-needed'), { target: 'linux/amd64' });
    expect(r.findings.map((f) => `${f.rule} ${f.message}`)).toEqual([
      expect.stringMatching(/^needed needs libz\.so\.1, which is not among/),
    ]);
    expect(
      rulesOf(
        await judge(fixture('amd64-extra-needed'), {
          target: 'linux/amd64',
          allowNeeded: ['libz.so.*'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('rule 6: rpath', () => {
  it.each([
    ['amd64-runpath-abs', 'RUNPATH /opt/leak/lib is an absolute path'],
    ['amd64-rpath-abs', 'RPATH /opt/leak/lib is an absolute path'],
  ])('fires on %s', async (name, message) => {
    const r = await judge(fixture(name), { target: 'linux/amd64' });
    expect(r.findings.find((f) => f.rule === 'rpath')?.message).toContain(message);
  });

  it('stays quiet on $ORIGIN and on an allowed prefix', async () => {
    expect(
      rulesOf(await judge(fixture('amd64-runpath-origin'), { target: 'linux/amd64' })),
    ).toEqual([]);
    expect(
      rulesOf(
        await judge(fixture('amd64-runpath-abs'), {
          target: 'linux/amd64',
          allowRpath: ['/opt/leak'],
        }),
      ),
    ).toEqual([]);
  });
});

describe('rule 7: kernel-abi', () => {
  it('fires when the ABI tag is above the kernel floor (arm64 glibc needs 3.7.0)', async () => {
    const r = await judge(fixture('arm64-gcc'), { target: 'linux/arm64', kernel: '3.2' });
    expect(r.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/requires Linux 3\.7\.0, above the oldest supported kernel 3\.2/),
    ]);
  });

  it('stays quiet when the tag is at or below the floor, or absent (Go internal linker)', async () => {
    expect(
      rulesOf(await judge(fixture('amd64-gcc'), { target: 'linux/amd64', kernel: '3.2' })),
    ).toEqual([]);
    const nocgo = await judge(fixture('amd64-nocgo'), {
      target: 'linux/amd64',
      libc: 'none',
      kernel: '2.6.32',
    });
    expect(nocgo.facts?.abiTag).toBeNull();
    expect(rulesOf(nocgo).filter((x) => x === 'kernel-abi')).toEqual([]);
  });
});

describe('rule 8: go-buildinfo', () => {
  it('fires on CGO_ENABLED=0 where a C library is expected', async () => {
    const r = await judge(fixture('amd64-nocgo'), { target: 'linux/amd64' });
    expect(r.findings.find((f) => f.rule === 'go-buildinfo')?.message).toMatch(
      /CGO_ENABLED=0: cgo was off/,
    );
  });

  it('fires on GOAMD64=v3 for a v1 target and stays quiet for v3', async () => {
    const r = await judge(fixture('amd64-v3'), { target: 'linux/amd64' });
    expect(r.findings.map((f) => `${f.rule}: ${f.message}`)).toContainEqual(
      expect.stringMatching(
        /^go-buildinfo: built with GOAMD64=v3, above the target linux\/amd64\/v1/,
      ),
    );
    expect(rulesOf(await judge(fixture('amd64-v3'), { target: 'linux/amd64/v3' }))).toEqual([]);
  });

  it('reads build info from the binary itself', async () => {
    const r = await judge(fixture('arm64-gcc'));
    expect(r.facts?.goBuild?.settings).toMatchObject({
      CGO_ENABLED: '1',
      GOARCH: 'arm64',
      GOOS: 'linux',
    });
    expect(r.facts?.goBuild?.goVersion).toMatch(/^go1\.\d+/);
  });

  it('says nothing of a binary that is not Go', async () => {
    const r = await judge('/usr/aarch64-linux-gnu/lib/libc.so.6', { target: 'linux/arm64' });
    expect(r.facts?.goBuild).toBeNull();
    expect(rulesOf(r).filter((x) => x === 'go-buildinfo')).toEqual([]);
  });
});

describe('rule 9: x86-isa', () => {
  it('fires on an x86-64-v3 ISA note for a v1 target and stays quiet for v3', async () => {
    const r = await judge(fixture('amd64-isa-v3'), { target: 'linux/amd64' });
    expect(r.facts?.isaNeeded).toContain('x86-64-v3');
    expect(r.findings.find((f) => f.rule === 'x86-isa')?.message).toMatch(
      /x86-64-v3, above the target linux\/amd64\/v1/,
    );
    expect(rulesOf(await judge(fixture('amd64-isa-v3'), { target: 'linux/amd64/v3' }))).toEqual([]);
  });

  it('accepts the baseline note every gcc-linked amd64 binary carries', async () => {
    const r = await judge(fixture('amd64-gcc'), { target: 'linux/amd64' });
    expect(rulesOf(r)).not.toContain('x86-isa');
  });
});

describe('rule 10: static-nss', () => {
  it('warns on a static glibc build that uses net and os/user, naming the functions', async () => {
    const r = await judge(fixture('amd64-static-net'), { target: 'linux/amd64', libc: 'none' });
    const f = r.findings.find((x) => x.rule === 'static-nss');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/getaddrinfo/);
    expect(f?.fix).toMatch(/-tags netgo,osusergo/);
    expect(r.verdict).toBe('pass');
  });

  it('warns on the stripped build too (no .symtab: from the cgo wrappers and glibc strings)', async () => {
    const r = await judge(fixture('amd64-static-net-stripped'), {
      target: 'linux/amd64',
      libc: 'none',
    });
    const f = r.findings.find((x) => x.rule === 'static-nss');
    expect(f?.message).toMatch(/static glibc binary calls getaddrinfo, getpwuid_r:/);
  });

  it('stays quiet on a pure-Go static binary', async () => {
    expect(
      rulesOf(await judge(fixture('amd64-nocgo'), { target: 'linux/amd64', libc: 'none' })),
    ).not.toContain('static-nss');
  });
});

describe('severity overrides', () => {
  it('turns a violation into a warning (pass) or off', async () => {
    const path = fixture('amd64-extra-needed');
    const warned = await judge(path, { target: 'linux/amd64', severity: { needed: 'warning' } });
    expect(warned.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(warned.verdict).toBe('pass');
    const off = await judge(path, { target: 'linux/amd64', severity: { needed: 'off' } });
    expect(off.findings).toEqual([]);
  });
});
