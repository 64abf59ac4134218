/*
 * __libc_single_threaded (glibc 2.32), for floors below it: libstdc++ 11 and later read it to skip
 * atomic reference counting in a single-threaded process. 0 means "maybe several threads": the
 * atomic path, always right.
 */
__attribute__((visibility("hidden"))) char __libc_single_threaded = 0;
