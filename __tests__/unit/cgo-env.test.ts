/** CC and CXX in the form Go reads them (cmd/internal/quoted): quoted only when a path needs it. */
import { describe, expect, it } from 'vitest';
import { goQuoted } from '../../src/domain/go/cgo-env.js';

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
