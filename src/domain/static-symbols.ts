/**
 * NSS entry points in a static binary's string table. glibc serves these through NSS modules it
 * dlopen()s at run time even in a static binary; musl resolves them itself, so only glibc counts.
 */

export const NSS_FUNCTIONS = [
  'getaddrinfo',
  'getnameinfo',
  'gethostbyname',
  'gethostbyname2',
  'gethostbyname_r',
  'gethostbyname2_r',
  'gethostbyaddr',
  'gethostbyaddr_r',
  'getpwnam',
  'getpwnam_r',
  'getpwuid',
  'getpwuid_r',
  'getgrnam',
  'getgrnam_r',
  'getgrgid',
  'getgrgid_r',
  'getgrouplist',
  'initgroups',
  'getspnam',
  'getspnam_r',
  'getservbyname',
  'getservbyname_r',
] as const;

/** Present in every static glibc binary, never in musl's. */
const GLIBC_MARKERS = ['__libc_setup_tls', '_dl_relocate_static_pie', '__libc_start_main'];
const MUSL_MARKERS = ['__init_libc', '__libc_start_init'];

export function nssFunctionsInStrtab(strtab: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(strtab);
  const has = (name: string): boolean => text.includes(`\0${name}\0`);
  if (MUSL_MARKERS.some(has) || !GLIBC_MARKERS.some(has)) return [];
  return NSS_FUNCTIONS.filter(has);
}
