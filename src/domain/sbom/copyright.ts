/**
 * The licences a Debian package's `usr/share/doc/<package>/copyright` states, when the file is
 * machine-readable (DEP-5: a `Format:` line naming the copyright format): the distinct short names
 * of its `License:` fields, as written (`LGPL-2.1`, `GPL-2+`, `BSD-3-clause`; Debian's short
 * names are not always SPDX identifiers, so they are reported as names, never mapped). A file in
 * free form says nothing this can read: null, and the document says so.
 */
export interface Licences {
  /** The short names, in the order the file first names them. */
  names: string[];
}

const FORMAT = /^Format:\s*\S*copyright-format/im;

export function copyrightLicences(text: string): Licences | null {
  const header = text.split(/\n\s*\n/, 1)[0] ?? '';
  if (!FORMAT.test(header)) return null;
  const names: string[] = [];
  for (const m of text.matchAll(/^License:[ \t]*(.*)$/gm)) {
    const name = (m[1] ?? '').trim();
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names.length === 0 ? null : { names };
}
