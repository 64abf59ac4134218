/** Host programs and the host's package mirror, for the toolchain install. */
import { execFile } from 'node:child_process';
import { parseAptSources, pickMirror } from '../domain/apt-sources.js';
import { readHostAptSources } from './host-apt.js';

/** One message per program not found on PATH, with the hint of how to get it. */
export async function missingPrograms(
  programs: readonly { program: string; hint: string }[],
): Promise<string[]> {
  const out: string[] = [];
  for (const { program, hint } of programs) {
    const found = await new Promise<boolean>((resolve) => {
      execFile('sh', ['-c', `command -v "$1"`, 'sh', program], (error) => {
        resolve(error === null);
      });
    });
    if (!found) out.push(`${program} not found on PATH: ${hint}`);
  }
  return out;
}

export class MirrorError extends Error {}

export interface Mirror {
  uri: string;
  /** The host source's Signed-By keyring; null: apt's trusted keys (/etc/apt/trusted.gpg.d). */
  keyring: string | null;
}

/** The override, else the main archive of the host's own apt sources (and its keyring). */
export async function hostMirror(
  override: string | null,
  codename: string | null,
): Promise<Mirror> {
  if (override !== null) return { uri: override, keyring: null };
  const files = await readHostAptSources();
  const picked = pickMirror(parseAptSources(files), { codename: codename ?? '' });
  if (!picked.ok) throw new MirrorError(`${picked.error}; pass --mirror URI`);
  // Signed-By may also hold an inline key block; only a keyring file can be handed on to apt.
  const keyring = picked.signedBy?.startsWith('/') === true ? picked.signedBy : null;
  return { uri: picked.uri, keyring };
}
