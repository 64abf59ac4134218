/** The lockfile's `source: npm` entries: a package pinned by name, version and npm integrity. */

export interface NpmPackagePin {
  name: string;
  version: string;
  /** npm's Subresource Integrity string of the tarball: `sha512-<base64>`. */
  integrity: string;
}

/** `sha512-` and the 64-byte digest in base64, as npm writes `integrity`. */
const SHA512_SRI = /^sha512-[A-Za-z0-9+/]{86}==$/;

export function checkNpmPin(value: unknown): NpmPackagePin | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'source npm needs "npm: {name, version, integrity}"';
  const { name, version, integrity } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name))
    return 'npm.name must be an npm package name';
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))
    return `npm package ${name}: version must be an exact version like 1.0.3`;
  if (typeof integrity !== 'string' || !SHA512_SRI.test(integrity))
    return `npm package ${name}: integrity must be "sha512-" and the base64 digest npm records`;
  return { name, version, integrity };
}

export function npmIdentity(pin: NpmPackagePin): string {
  return `npm ${pin.name} ${pin.version} ${pin.integrity}`;
}
