/** The only reader of action inputs: raw strings → typed inputs, all problems at once. */
import { LIBCS, parseTarget, type Libc } from '../domain/platform.js';
import type { Policy } from '../domain/policy.js';
import { isDottedVersion } from '../domain/version.js';

export interface VerifyInputs {
  artifacts: string[];
  policy: Partial<Policy>;
}

export function readVerifyInputs(
  get: (name: string) => string,
): VerifyInputs | { errors: string[] } {
  const errors: string[] = [];
  const artifacts = get('artifacts')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (artifacts.length === 0)
    errors.push('input "artifacts" is required (globs of binaries to verify)');
  const policy: Partial<Policy> = {};
  const target = get('target').trim();
  if (target !== '') {
    const t = parseTarget(target);
    if ('error' in t) errors.push(`input "target": ${t.error}`);
    else policy.target = t;
  }
  const glibc = get('glibc').trim();
  if (glibc !== '' && !isDottedVersion(glibc))
    errors.push(`input "glibc": "${glibc}" is not a version like 2.31`);
  else if (glibc !== '') policy.glibc = glibc;
  const libc = get('libc').trim();
  if (libc !== '' && !(LIBCS as readonly string[]).includes(libc))
    errors.push(`input "libc": "${libc}" is not one of ${LIBCS.join(', ')}`);
  else if (libc !== '') policy.libc = libc as Libc;
  return errors.length > 0 ? { errors } : { artifacts, policy };
}
