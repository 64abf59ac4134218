/** CC and CXX in the form Go reads them (cmd/internal/quoted): quoted only when a path needs it. */
import { describe, expect, it } from 'vitest';
import { cgoEnv, goQuoted } from '../../src/domain/go/cgo-env.js';
import { planToolchain } from '../../src/domain/toolchain/toolchain-plan.js';
import { layoutOf } from '../../src/steps/kinds/registry.js';

describe('goQuoted', () => {
  it('leaves a plain path as it is', () => {
    expect(goQuoted('/opt/hostedtoolcache/x/bin/cc')).toBe('/opt/hostedtoolcache/x/bin/cc');
    expect(goQuoted('/x/$(id)/bin/cc')).toBe('/x/$(id)/bin/cc');
  });

  it('quotes a space, a tab or a quote with the quote the path lacks, as quoted.Join does', () => {
    expect(goQuoted('/x/tool cache/bin/cc')).toBe("'/x/tool cache/bin/cc'");
    expect(goQuoted('/x/tab\there/bin/cc')).toBe("'/x/tab\there/bin/cc'");
    expect(goQuoted('/x/say "hi"/bin/cc')).toBe(`'/x/say "hi"/bin/cc'`);
    expect(goQuoted("/x/runner's/bin/cc")).toBe(`"/x/runner's/bin/cc"`);
  });

  it('refuses a path with both quotes, naming it', () => {
    expect(() => goQuoted(`/x/it's "odd"/bin/cc`)).toThrow(
      `/x/it's "odd"/bin/cc holds both ' and ", which Go cannot read in CC`,
    );
  });
});

describe('cgoEnv', () => {
  const plan = planToolchain(
    {
      family: 'debian',
      debianArch: 'amd64',
      goarch: 'amd64',
      multiarch: 'x86_64-linux-gnu',
      glibc: '2.36',
    },
    { goarch: 'arm64', variant: null },
    '2.31',
    'gcc',
  );
  if ('error' in plan) throw new Error(plan.error);

  it('names the pkg-config beside cc, per arch too, quoted for Go like CC', () => {
    const env = cgoEnv(plan, '/tc/tool cache/x', layoutOf(plan));
    expect(env.PKG_CONFIG).toBe("'/tc/tool cache/x/bin/pkg-config'");
    expect(env.PKG_CONFIG_arm64).toBe(env.PKG_CONFIG);
    expect(env.CC).toBe("'/tc/tool cache/x/bin/cc'");
    expect(env.PKG_CONFIG_SYSROOT_DIR).toBe('/tc/tool cache/x/root');
    expect(env.PKG_CONFIG_LIBDIR).toBe(
      [
        '/tc/tool cache/x/root/usr/lib/aarch64-linux-gnu/pkgconfig',
        '/tc/tool cache/x/root/usr/aarch64-linux-gnu/lib/pkgconfig',
        '/tc/tool cache/x/root/usr/share/pkgconfig',
      ].join(':'),
    );
  });
});
