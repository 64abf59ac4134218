/** The lockfile's text, read with a bound: a file larger than any lockfile is refused unread. */
import { open } from 'node:fs/promises';
import { lockfileTooLarge, MAX_LOCKFILE_BYTES } from '../domain/toolchain/lockfile.js';

export class LockfileReadError extends Error {
  override name = 'LockfileReadError';
}

/** The text at `path`, or null when there is no file. Reads at most the cap (also from a pipe). */
export async function readLockfileText(path: string): Promise<string | null> {
  const fail = (error: unknown): never => {
    throw new LockfileReadError(`cannot read lockfile ${path}: ${(error as Error).message}`);
  };
  const file = await open(path, 'r').catch((error: unknown) =>
    (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : fail(error),
  );
  if (file === null) return null;
  try {
    const size = (await file.stat()).size;
    if (size > MAX_LOCKFILE_BYTES)
      throw new LockfileReadError(lockfileTooLarge(path, `${String(size)} bytes`));
    const buffer = Buffer.alloc(MAX_LOCKFILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file
        .read(buffer, length, buffer.length - length, null)
        .catch(fail);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_LOCKFILE_BYTES)
        throw new LockfileReadError(lockfileTooLarge(path, 'more bytes'));
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await file.close();
  }
}
