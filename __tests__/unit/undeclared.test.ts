/**
 * A cgo compile error on C names the sysroot's headers lack (libbpfgo v0.5.1, written for libbpf
 * 1.2, against bookworm's libbpf 1.1): the names read from Go's message, old and new, the target
 * package nearest them, and the hint — on symbols files recorded from bookworm's packages.
 */
import { describe, expect, it } from 'vitest';
import {
  nearestLibrary,
  undeclaredCNames,
  undeclaredHint,
} from '../../src/domain/go/undeclared.js';
import { parseSymbolsFile, type SharedLibrary } from '../../src/domain/toolchain/shlibs.js';

function library(pkg: string, version: string, symbols: string): SharedLibrary {
  const [entry] = parseSymbolsFile(symbols);
  if (entry === undefined) throw new Error('no entry');
  return { ...entry, package: pkg, version, shlibs: null };
}

const LIBBPF = library(
  'libbpf1',
  '1:1.1.2-0+deb12u1',
  [
    'libbpf.so.1 libbpf1 #MINVER#',
    ' bpf_map_get_fd_by_id@LIBBPF_0.0.1 5.2.6',
    ' bpf_map_get_next_key@LIBBPF_0.0.1 5.2.6',
    ' bpf_obj_get_info_by_fd@LIBBPF_0.0.1 5.2.6',
    ' bpf_object__open@LIBBPF_0.0.1 5.2.6',
  ].join('\n'),
);
const LIBELF = library(
  'libelf1',
  '0.188-2.1',
  'libelf.so.1 libelf1 #MINVER#\n elf_begin@ELFUTILS_1.0 0.131\n gelf_getehdr@ELFUTILS_1.0 0.131',
);
const ZLIB = library(
  'zlib1g',
  '1:1.2.13.dfsg-1',
  'libz.so.1 zlib1g #MINVER#\n deflate@ZLIB_1.2.0 1:1.1.4\n inflateInit_@ZLIB_1.2.0 1:1.1.4',
);

describe('C names the sysroot does not declare', () => {
  it("reads Go 1.26's message and older Go's, each name once", () => {
    const log = [
      '# github.com/aquasecurity/libbpfgo',
      './map-common.go:120:12: could not determine what C.bpf_map_get_info_by_fd refers to',
      './map-common.go:130:12: could not determine what C.bpf_map_get_info_by_fd refers to',
      './x.go:1:1: could not determine kind of name for C.bpf_prog_query_opts',
    ].join('\n');
    expect(undeclaredCNames(log)).toEqual(['bpf_map_get_info_by_fd', 'bpf_prog_query_opts']);
    expect(undeclaredCNames('undefined: C.x')).toEqual([]);
  });

  it('finds the package whose names are nearest (bpf_map_get_ is libbpf1’s), none for a stranger', () => {
    expect(nearestLibrary('bpf_map_get_info_by_fd', [LIBELF, ZLIB, LIBBPF])?.package).toBe(
      'libbpf1',
    );
    expect(nearestLibrary('xyz_open', [LIBELF, ZLIB, LIBBPF])).toBeNull();
  });

  it('says which version the sysroot has and which release has a newer one', () => {
    const hint = undeclaredHint({
      names: ['bpf_map_get_info_by_fd'],
      library: { package: 'libbpf1', version: '1:1.1.2-0+deb12u1', hasSymbol: false },
      packages: [],
      release: 'debian bookworm',
      newer: [{ release: 'debian trixie', glibc: '2.41', version: '1:1.5.0-3' }],
    });
    expect(hint).toBe(
      "C.bpf_map_get_info_by_fd is declared by none of the sysroot's headers: code written for a newer libbpf1 than the sysroot's 1:1.1.2-0+deb12u1 (debian bookworm; the nearest names are its, and bpf_map_get_info_by_fd is not among its symbols). debian trixie has 1:1.5.0-3 (glibc 2.41): use a version of the Go module written for libbpf1 1:1.1.2-0+deb12u1, or raise the floor to 2.41 for debian trixie's packages",
    );
  });

  it('says so when the newer releases could not be asked, and lists the packages when none is nearest', () => {
    const base = {
      names: ['xyz_open'],
      packages: [{ name: 'libbpf-dev', version: '1:1.1.2-0+deb12u1' }],
      release: 'debian bookworm',
    };
    expect(
      undeclaredHint({
        ...base,
        library: { package: 'libbpf1', version: '1:1.1.2-0+deb12u1', hasSymbol: false },
        newer: { unknown: 'no mirror serves debian trixie for arm64' },
      }),
    ).toMatch(/\. Newer releases could not be asked \(no mirror serves debian trixie for arm64\)$/);
    expect(undeclaredHint({ ...base, library: null, newer: [] })).toMatch(
      /^C\.xyz_open is declared by none of the sysroot's headers \(its target packages, from debian bookworm: libbpf-dev 1:1\.1\.2-0\+deb12u1\): add the -dev package/,
    );
  });
});
