/**
 * Reading the project's Markdown as GitHub renders it: tables under a heading, heading anchors
 * (GitHub's slugs), and the relative links of a file, for the README and docs tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Rows of the first table after a heading line: first column (backticks stripped) → second. */
export function tableAfter(text: string, heading: string): Map<string, string> {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}"`);
  const rows = new Map<string, string>();
  let inTable = false;
  for (const line of text.slice(start).split('\n').slice(2)) {
    if (line.startsWith('|')) {
      inTable = true;
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      const name = (cells[1] ?? '').replace(/`/g, '');
      if (name !== '' && !/^-+$/.test(name) && !['input', 'output', 'option'].includes(name))
        rows.set(name, (cells[2] ?? '').replace(/`/g, ''));
    } else if (inTable) break;
  }
  return rows;
}

/** The text outside fenced code blocks (their lines left empty, so line numbers stay). */
function prose(text: string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === null && marker !== undefined) fence = marker;
      else if (fence !== null && marker !== undefined && closes(marker, line, fence)) fence = null;
      else if (fence === null) return line;
      return '';
    })
    .join('\n');
}

/** A closing fence: the opening's character, at least as long, nothing after it. */
function closes(marker: string, line: string, fence: string): boolean {
  return marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker;
}

/**
 * A heading's anchor as GitHub makes it (github-slugger): the rendered text (code spans and link
 * text kept, Markdown marks dropped), lowercased, every character but letters, marks, digits, `_`,
 * `-` and spaces removed, spaces turned into `-`.
 */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every heading anchor of a Markdown text; a repeated slug gets `-1`, `-2`, … as on GitHub. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const line of prose(text).split('\n')) {
    const m = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (m === null) continue;
    const base = slug(m[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

/** The link targets of a Markdown text: inline links and images, and reference definitions. */
export function linkTargets(text: string): string[] {
  const body = prose(text).replace(/(`+)[\s\S]*?\1/g, '');
  const inline = [...body.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)];
  const defined = [...body.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)];
  return [...inline, ...defined].map((m) => m[1] ?? '');
}

/**
 * What is wrong with each relative link of `file` (a path under `root`): a file that does not
 * exist, is outside the repository or ignored by git, or an `#anchor` that is no heading of the
 * Markdown file it names. External links (`https:`, `mailto:`) are not followed.
 */
export function brokenLinks(
  root: string,
  file: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
  exists: (path: string) => boolean = existsSync,
): string[] {
  const problems: string[] = [];
  const ignored = ignoredDirs(root, read);
  for (const target of linkTargets(read(join(root, file)))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
    const resolved =
      pathPart === '' ? join(root, file) : normalize(join(dirname(join(root, file)), pathPart));
    const inRepo = relative(root, resolved);
    if (target === '') problems.push(`${file}: an empty link`);
    else if (inRepo === '..' || inRepo.startsWith(`..${sep}`) || inRepo.startsWith(sep))
      problems.push(`${file}: ${target} leads outside the repository`);
    else if (!exists(resolved)) problems.push(`${file}: ${target}: no such file`);
    else if (ignored.some((d) => `${inRepo}/`.startsWith(d)))
      problems.push(`${file}: ${target} is ignored by git, so GitHub does not have it`);
    else if (anchor !== null && !resolved.endsWith('.md'))
      problems.push(
        `${file}: ${target}: an anchor in a file that is not Markdown cannot be checked`,
      );
    else if (anchor !== null && !anchors(read(resolved)).has(anchor))
      problems.push(`${file}: ${target}: ${inRepo} has no heading #${anchor}`);
  }
  return problems;
}

/** The directories `.gitignore` names (`node_modules/`, `.cache/`), as path prefixes. */
function ignoredDirs(root: string, read: (path: string) => string): string[] {
  let text = '';
  try {
    text = read(join(root, '.gitignore'));
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.trim().replace(/^\//, ''))
    .filter((l) => l.endsWith('/') && !l.startsWith('#') && !l.includes('*'));
}
