/**
 * Package URLs (github.com/package-url/purl-spec) of what a toolchain is made of: `pkg:deb/…` for
 * a Debian or Ubuntu package (the namespace is the distribution, `distro` its codename, `arch` the
 * package's architecture), `pkg:npm/…` for an npm toolchain. Names, versions and qualifier values
 * are percent-encoded (`libstdc++6` → `libstdc%2B%2B6`, an epoch's `:` → `%3A`).
 */

/** `debian/bullseye` → its distribution and codename; null: not a Debian or Ubuntu release. */
export function debRelease(
  release: string,
): { distro: 'debian' | 'ubuntu'; codename: string } | null {
  const m = /^(debian|ubuntu)\/([a-z]+)$/.exec(release);
  return m === null ? null : { distro: m[1] as 'debian' | 'ubuntu', codename: m[2] ?? '' };
}

export function debPurl(
  p: { name: string; version: string; arch: string },
  release: { distro: string; codename: string },
): string {
  const e = encodeURIComponent;
  // Qualifiers sorted by key, as the spec's canonical form has them.
  return `pkg:deb/${release.distro}/${e(p.name)}@${e(p.version)}?arch=${e(p.arch)}&distro=${e(release.codename)}`;
}

/** `@napi-rs/cross-toolchain-x64-target-aarch64` 1.0.3 → `pkg:npm/%40napi-rs/cross-toolchain-…@1.0.3`. */
export function npmPurl(name: string, version: string): string {
  const e = encodeURIComponent;
  const slash = name.indexOf('/');
  const path =
    name.startsWith('@') && slash > 0
      ? `${e(name.slice(0, slash))}/${e(name.slice(slash + 1))}`
      : e(name);
  return `pkg:npm/${path}@${e(version)}`;
}
