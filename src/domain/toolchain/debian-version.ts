/** Debian version strings ([epoch:]upstream[-revision]) ordered as dpkg orders them. */

function order(c: string): number {
  if (c === '~') return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c === '' ? 0 : c.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp: alternating non-digit and digit runs; `~` sorts before anything. */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while (
      (i < a.length && !/[0-9]/.test(a.charAt(i))) ||
      (j < b.length && !/[0-9]/.test(b.charAt(j)))
    ) {
      const ac = i < a.length && !/[0-9]/.test(a.charAt(i)) ? order(a.charAt(i)) : 0;
      const bc = j < b.length && !/[0-9]/.test(b.charAt(j)) ? order(b.charAt(j)) : 0;
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charAt(i) === '0') i++;
    while (b.charAt(j) === '0') j++;
    while (/[0-9]/.test(a.charAt(i)) && /[0-9]/.test(b.charAt(j))) {
      if (first === 0) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (/[0-9]/.test(a.charAt(i))) return 1;
    if (/[0-9]/.test(b.charAt(j))) return -1;
    if (first !== 0) return first;
  }
  return 0;
}

function split(v: string): [number, string, string] {
  const colon = v.indexOf(':');
  const epoch = colon > 0 ? Number(v.slice(0, colon)) : 0;
  const rest = colon > 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}

export function compareDebianVersions(a: string, b: string): number {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return ea - eb;
  return compareFragment(ua, ub) || compareFragment(ra, rb);
}
