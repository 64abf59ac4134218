/** The host's own apt sources, to take the package mirror from (no mirror host is built in). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SourceFile {
  path: string;
  text: string;
  /** deb822 (`.sources`) or one-line (`.list`). */
  format: 'deb822' | 'one-line';
}

export async function readHostAptSources(etc = '/etc/apt'): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const main = join(etc, 'sources.list');
  const text = await readFile(main, 'utf8').catch(() => null);
  if (text !== null) out.push({ path: main, text, format: 'one-line' });
  const dir = join(etc, 'sources.list.d');
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  for (const name of names) {
    const format = name.endsWith('.sources')
      ? 'deb822'
      : name.endsWith('.list')
        ? 'one-line'
        : null;
    if (format === null) continue;
    const path = join(dir, name);
    const body = await readFile(path, 'utf8').catch(() => null);
    if (body !== null) out.push({ path, text: body, format });
  }
  return out;
}
