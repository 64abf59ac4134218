import { describe, expect, it } from 'vitest';
import { parsePolicyFile } from '../../src/domain/rules/policy-file.js';

describe('policy file', () => {
  it('reads every key, keeping versions as written', () => {
    const text = [
      'glibc: 2.30',
      'kernel: 3.10',
      'libc: musl',
      'target: linux/arm/v6',
      'versions:',
      '  GLIBCXX: 3.4.20',
      '  CXXABI: 1.3.10',
      'allow-needed: [libz.so.1, "libssl.so.*"]',
      'allow-rpath:',
      '  - /opt/vendor',
      'severity:',
      '  needed: warning',
      '  static-nss: off',
    ].join('\n');
    const { policy, errors } = parsePolicyFile(text, 'p.yml');
    expect(errors).toEqual([]);
    expect(policy).toEqual({
      glibc: '2.30',
      kernel: '3.10',
      libc: 'musl',
      target: { goarch: 'arm', variant: 'v6' },
      versions: { GLIBCXX: '3.4.20', CXXABI: '1.3.10' },
      allowNeeded: ['libz.so.1', 'libssl.so.*'],
      allowRpath: ['/opt/vendor'],
      severity: { needed: 'warning', 'static-nss': 'off' },
    });
  });

  it('lists every problem with its line number', () => {
    const text = [
      'glibc: 2.3x', // 1
      'libc: uclibc', // 2
      'colour: red', // 3
      'severity:', // 4
      '  nope: error', // 5
      '  needed: fatal', // 6
      'versions:', // 7
      '  GLIBCXX: new', // 8
      'allow-needed: libz.so.1', // 9
    ].join('\n');
    const { errors } = parsePolicyFile(text, 'p.yml');
    expect(errors).toEqual([
      'p.yml:1: glibc "2.3x" is not a version like 2.31',
      'p.yml:2: libc "uclibc" is not one of glibc, musl, none',
      'p.yml:3: unknown key "colour" (known: glibc, kernel, libc, target, versions, allow-needed, allow-rpath, severity, hardening)',
      expect.stringMatching(/^p\.yml:5: unknown rule "nope"/),
      'p.yml:6: severity of needed must be off, warning or error, not "fatal"',
      'p.yml:8: versions.GLIBCXX "new" is not a version like 3.4.28',
      'p.yml:9: allow-needed must be a list',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const { errors } = parsePolicyFile('glibc: 2.31\nversions: [a\n', 'bad.yml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^bad\.yml:\d+: /);
  });

  it('rejects a document that is not a mapping', () => {
    expect(parsePolicyFile('- a\n- b\n', 'list.yml').errors).toEqual([
      'list.yml:1: the policy must be a mapping of keys',
    ]);
  });

  it('accepts an empty file as no settings', () => {
    expect(parsePolicyFile('', 'empty.yml')).toEqual({ policy: {}, errors: [] });
  });
});
