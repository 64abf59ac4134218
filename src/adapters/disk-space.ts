/**
 * A full disk said as such: which directory ran out and how much is left there, instead of the
 * symptom a tool happened to print (a download "not found on any mirror", a package that "cannot
 * be read").
 */
import { statfs } from 'node:fs/promises';

const NO_SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);
const NO_SPACE_TEXT = /No space left on device|Disk quota exceeded/i;

/** An error (by its code) or a tool's output (by its words) that says the disk is full. */
export function isNoSpace(failure: unknown): boolean {
  if (typeof failure === 'string') return NO_SPACE_TEXT.test(failure);
  const code = (failure as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && NO_SPACE_CODES.has(code);
}

function megabytes(bytes: number): string {
  return bytes >= 10e6 ? `${(bytes / 1e6).toFixed(0)} MB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `no space left on device in <dir> (<n> MB free of <m> MB) while <doing>`. */
export async function noSpaceMessage(dir: string, doing: string): Promise<string> {
  const fs = await statfs(dir).catch(() => null);
  const room =
    fs === null
      ? ''
      : ` (${megabytes(fs.bavail * fs.bsize)} free of ${megabytes(fs.blocks * fs.bsize)})`;
  return `no space left on device in ${dir}${room} while ${doing}: free space there, or point RUNNER_TOOL_CACHE at a larger disk`;
}
