/** Dotted numeric versions as glibc and the kernel write them: 2.2.5 < 2.17 < 2.34. */

export function isDottedVersion(text: string): boolean {
  return /^\d+(\.\d+)*$/.test(text);
}

export function compareDotted(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i] ?? '0');
    const y = Number(pb[i] ?? '0');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function maxDotted(versions: Iterable<string>): string | null {
  let best: string | null = null;
  for (const v of versions) if (best === null || compareDotted(v, best) > 0) best = v;
  return best;
}

/**
 * Splits a version-need name into prefix and number: `GLIBC_2.2.5` → GLIBC / 2.2.5,
 * `CXXABI_TM_1` → CXXABI_TM / 1, and OpenSSL 1.1's underscores `OPENSSL_1_1_0` → OPENSSL / 1.1.0
 * (OpenSSL 3 writes `OPENSSL_3.0.0`). Names without a number (`GLIBC_PRIVATE`) give null.
 */
export function splitVersionName(name: string): { prefix: string; version: string } | null {
  const m = /^(.+?)_(\d+(?:[._]\d+)*)$/.exec(name);
  if (m?.[1] === undefined || m[2] === undefined) return null;
  return { prefix: m[1], version: m[2].replace(/_/g, '.') };
}

/**
 * Version names glibc gives to ABI markers rather than releases, with the release that
 * introduced them: a binary linked with `-z pack-relative-relocs` needs GLIBC_ABI_DT_RELR and
 * will not start on a glibc older than 2.36.
 */
export const GLIBC_MARKERS: Readonly<Record<string, string>> = {
  GLIBC_ABI_DT_RELR: '2.36',
};

/** Highest numeric version per prefix. Marker names count as the release that added them. */
export function highestVersions(needs: readonly { name: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const need of needs) {
    const marker = GLIBC_MARKERS[need.name];
    const split =
      marker !== undefined ? { prefix: 'GLIBC', version: marker } : splitVersionName(need.name);
    if (split === null) continue;
    const seen = out[split.prefix];
    if (seen === undefined || compareDotted(split.version, seen) > 0)
      out[split.prefix] = split.version;
  }
  return out;
}
