/*
 * fcntl64 (glibc 2.28), for floors below it: glibc 2.28 and later headers call fcntl64 for fcntl
 * under _FILE_OFFSET_BITS=64 (SQLite sets it). On 64-bit targets fcntl is the same function. On
 * 32-bit targets the older fcntl reads the OFD lock commands' argument as a struct flock with a
 * 32-bit offset, where fcntl64's callers pass a struct flock64: those go to the fcntl64 system
 * call, as glibc's own fcntl64 sends them; every other command is the older fcntl's.
 */
extern int fcntl(int fd, int cmd, ...);

#if !defined(__LP64__)
extern long syscall(long number, ...);
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#if defined(__i386__) || defined(__arm__)
#define SYS_fcntl64 221
#else
#error "no fcntl64 system call number for this 32-bit target"
#endif
#endif

__attribute__((visibility("hidden"))) int fcntl64(int fd, int cmd, ...) {
  __builtin_va_list ap;
  __builtin_va_start(ap, cmd);
  void *arg = __builtin_va_arg(ap, void *);
  __builtin_va_end(ap);
#if !defined(__LP64__)
  if (cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW)
    return (int)syscall(SYS_fcntl64, fd, cmd, arg);
#endif
  return fcntl(fd, cmd, arg);
}
