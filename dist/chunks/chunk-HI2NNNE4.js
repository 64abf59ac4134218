import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  MUSL_NEEDED,
  compareDotted
} from "./chunk-TOITHGCZ.js";

// src/domain/data/musl-exports.ts
var MUSL_EXPORTS = [
  {
    musl: "1.2.2",
    architectures: {
      amd64: { package: "1.2.2-1", muslArch: "x86_64" },
      arm64: { package: "1.2.2-1", muslArch: "aarch64" },
      armhf: { package: "1.2.2-1", muslArch: "armhf" },
      i386: { package: "1.2.2-1", muslArch: "i386" }
    },
    added: "_Exit _Fork _IO_feof_unlocked _IO_ferror_unlocked _IO_getc _IO_getc_unlocked _IO_putc _IO_putc_unlocked ___environ __assert_fail __ctype_b_loc __ctype_get_mb_cur_max __ctype_tolower_loc __ctype_toupper_loc __cxa_atexit __cxa_finalize __daylight __dls2b __dls3 __duplocale __environ __errno_location __fbufsize __fgetwc_unlocked __flbf __flt_rounds __fpclassify __fpclassifyf __fpclassifyl __fpending __fpurge __fputwc_unlocked __freadable __freadahead __freading __freadptr __freadptrinc __freelocale __fseterr __fsetlocking __fwritable __fwriting __fxstat64 __fxstatat64 __getdelim __h_errno_location __isalnum_l __isalpha_l __isblank_l __iscntrl_l __isdigit_l __isgraph_l __islower_l __isoc99_fscanf __isoc99_fwscanf __isoc99_scanf __isoc99_sscanf __isoc99_swscanf __isoc99_vfscanf __isoc99_vfwscanf __isoc99_vscanf __isoc99_vsscanf __isoc99_vswscanf __isoc99_vwscanf __isoc99_wscanf __isprint_l __ispunct_l __isspace_l __isupper_l __iswalnum_l __iswalpha_l __iswblank_l __iswcntrl_l __iswctype_l __iswdigit_l __iswgraph_l __iswlower_l __iswprint_l __iswpunct_l __iswspace_l __iswupper_l __iswxdigit_l __isxdigit_l __lgammal_r __libc_current_sigrtmax __libc_current_sigrtmin __libc_start_main __lxstat64 __newlocale __nl_langinfo __nl_langinfo_l __optpos __optreset __overflow __posix_getopt __progname __progname_full __res_state __sched_cpucount __setjmp __signbit __signbitf __signbitl __signgam __sigsetjmp __stack_chk_fail __stack_chk_guard __strcasecmp_l __strcoll_l __strerror_l __strncasecmp_l __strtod_l __strtof_l __strtoimax_internal __strtol_internal __strtold_l __strtoll_internal __strtoul_internal __strtoull_internal __strtoumax_internal __strxfrm_l __sysv_signal __timezone __tls_get_addr __tolower_l __toupper_l __towctrans_l __towlower_l __towupper_l __tzname __uflow __uselocale __wcscoll_l __wcsftime_l __wcsxfrm_l __wctrans_l __wctype_l __xmknod __xmknodat __xpg_basename __xpg_strerror_r __xstat64 _dl_debug_addr _dl_debug_state _dlstart _environ _exit _fini _flushlbf _init _longjmp _ns_flagdata _pthread_cleanup_pop _pthread_cleanup_push _setjmp a64l abort abs accept accept4 access acct acos acosf acosh acoshf acoshl acosl addmntent adjtime adjtimex aio_cancel aio_cancel64 aio_error aio_error64 aio_fsync aio_fsync64 aio_read aio_read64 aio_return aio_return64 aio_suspend aio_suspend64 aio_write aio_write64 alarm aligned_alloc alphasort alphasort64 asctime asctime_r asin asinf asinh asinhf asinhl asinl asprintf at_quick_exit atan atan2 atan2f atan2l atanf atanh atanhf atanhl atanl atexit atof atoi atol atoll basename bcmp bcopy bind bind_textdomain_codeset bindtextdomain brk bsd_signal bsearch btowc bzero c16rtomb c32rtomb cabs cabsf cabsl cacos cacosf cacosh cacoshf cacoshl cacosl call_once calloc capget capset carg cargf cargl casin casinf casinh casinhf casinhl casinl catan catanf catanh catanhf catanhl catanl catclose catgets catopen cbrt cbrtf cbrtl ccos ccosf ccosh ccoshf ccoshl ccosl ceil ceilf ceill cexp cexpf cexpl cfgetispeed cfgetospeed cfmakeraw cfsetispeed cfsetospeed cfsetspeed chdir chmod chown chroot cimag cimagf cimagl clearenv clearerr clearerr_unlocked clock clock_adjtime clock_getcpuclockid clock_getres clock_gettime clock_nanosleep clock_settime clog clogf clogl clone close closedir closelog cnd_broadcast cnd_destroy cnd_init cnd_signal cnd_timedwait cnd_wait confstr conj conjf conjl connect copy_file_range copysign copysignf copysignl cos cosf cosh coshf coshl cosl cpow cpowf cpowl cproj cprojf cprojl creal crealf creall creat creat64 crypt crypt_r csin csinf csinh csinhf csinhl csinl csqrt csqrtf csqrtl ctan ctanf ctanh ctanhf ctanhl ctanl ctermid ctime ctime_r cuserid daemon daylight dcgettext dcngettext delete_module dgettext difftime dirfd dirname div dl_iterate_phdr dladdr dlclose dlerror dlinfo dlopen dlsym dn_comp dn_expand dn_skipname dngettext dprintf drand48 drem dremf dup dup2 dup3 duplocale eaccess ecvt encrypt endgrent endhostent endmntent endnetent endprotoent endpwent endservent endspent endusershell endutent endutxent environ epoll_create epoll_create1 epoll_ctl epoll_pwait epoll_wait erand48 erf erfc erfcf erfcl erff erfl err errx ether_aton ether_aton_r ether_hostton ether_line ether_ntoa ether_ntoa_r ether_ntohost euidaccess eventfd eventfd_read eventfd_write execl execle execlp execv execve execvp execvpe exit exp exp10 exp10f exp10l exp2 exp2f exp2l expf expl explicit_bzero expm1 expm1f expm1l fabs fabsf fabsl faccessat fallocate fallocate64 fanotify_init fanotify_mark fchdir fchmod fchmodat fchown fchownat fclose fcntl fcvt fdatasync fdim fdimf fdiml fdopen fdopendir feclearexcept fegetenv fegetexceptflag fegetround feholdexcept feof feof_unlocked feraiseexcept ferror ferror_unlocked fesetenv fesetexceptflag fesetround fetestexcept feupdateenv fexecve fflush fflush_unlocked ffs ffsl ffsll fgetc fgetc_unlocked fgetgrent fgetln fgetpos fgetpos64 fgetpwent fgets fgets_unlocked fgetspent fgetwc fgetwc_unlocked fgetws fgetws_unlocked fgetxattr fileno fileno_unlocked finite finitef flistxattr flock flockfile floor floorf floorl fma fmaf fmal fmax fmaxf fmaxl fmemopen fmin fminf fminl fmod fmodf fmodl fmtmsg fnmatch fopen fopen64 fopencookie fork forkpty fpathconf fprintf fpurge fputc fputc_unlocked fputs fputs_unlocked fputwc fputwc_unlocked fputws fputws_unlocked fread fread_unlocked free freeaddrinfo freeifaddrs freelocale fremovexattr freopen freopen64 frexp frexpf frexpl fscanf fseek fseeko fseeko64 fsetpos fsetpos64 fsetxattr fstat fstat64 fstatat fstatat64 fstatfs fstatfs64 fstatvfs fstatvfs64 fsync ftell ftello ftello64 ftime ftok ftruncate ftruncate64 ftrylockfile ftw ftw64 funlockfile futimens futimes futimesat fwide fwprintf fwrite fwrite_unlocked fwscanf gai_strerror gcvt get_avphys_pages get_current_dir_name get_nprocs get_nprocs_conf get_phys_pages getaddrinfo getauxval getc getc_unlocked getchar getchar_unlocked getcwd getdate getdate_err getdelim getdents getdents64 getdomainname getdtablesize getegid getentropy getenv geteuid getgid getgrent getgrgid getgrgid_r getgrnam getgrnam_r getgrouplist getgroups gethostbyaddr gethostbyaddr_r gethostbyname gethostbyname2 gethostbyname2_r gethostbyname_r gethostent gethostid gethostname getifaddrs getitimer getline getloadavg getlogin getlogin_r getmntent getmntent_r getnameinfo getnetbyaddr getnetbyname getnetent getopt getopt_long getopt_long_only getpagesize getpass getpeername getpgid getpgrp getpid getppid getpriority getprotobyname getprotobynumber getprotoent getpwent getpwnam getpwnam_r getpwuid getpwuid_r getrandom getresgid getresuid getrlimit getrlimit64 getrusage gets getservbyname getservbyname_r getservbyport getservbyport_r getservent getsid getsockname getsockopt getspent getspnam getspnam_r getsubopt gettext gettid gettimeofday getuid getusershell getutent getutid getutline getutxent getutxid getutxline getw getwc getwc_unlocked getwchar getwchar_unlocked getxattr glob glob64 globfree globfree64 gmtime gmtime_r grantpt h_errno hasmntopt hcreate hcreate_r hdestroy hdestroy_r herror hsearch hsearch_r hstrerror htonl htons hypot hypotf hypotl iconv iconv_close iconv_open if_freenameindex if_indextoname if_nameindex if_nametoindex ilogb ilogbf ilogbl imaxabs imaxdiv in6addr_any in6addr_loopback index inet_addr inet_aton inet_lnaof inet_makeaddr inet_netof inet_network inet_ntoa inet_ntop inet_pton init_module initgroups initstate inotify_add_watch inotify_init inotify_init1 inotify_rm_watch insque ioctl isalnum isalnum_l isalpha isalpha_l isascii isastream isatty isblank isblank_l iscntrl iscntrl_l isdigit isdigit_l isgraph isgraph_l islower islower_l isprint isprint_l ispunct ispunct_l issetugid isspace isspace_l isupper isupper_l iswalnum iswalnum_l iswalpha iswalpha_l iswblank iswblank_l iswcntrl iswcntrl_l iswctype iswctype_l iswdigit iswdigit_l iswgraph iswgraph_l iswlower iswlower_l iswprint iswprint_l iswpunct iswpunct_l iswspace iswspace_l iswupper iswupper_l iswxdigit iswxdigit_l isxdigit isxdigit_l j0 j0f j1 j1f jn jnf jrand48 kill killpg klogctl l64a labs lchmod lchown lckpwdf lcong48 ldexp ldexpf ldexpl ldiv lfind lgamma lgamma_r lgammaf lgammaf_r lgammal lgammal_r lgetxattr link linkat lio_listio lio_listio64 listen listxattr llabs lldiv llistxattr llrint llrintf llrintl llround llroundf llroundl localeconv localtime localtime_r lockf lockf64 log log10 log10f log10l log1p log1pf log1pl log2 log2f log2l logb logbf logbl logf login_tty logl longjmp lrand48 lremovexattr lrint lrintf lrintl lround lroundf lroundl lsearch lseek lseek64 lsetxattr lstat lstat64 lutimes madvise malloc malloc_usable_size mblen mbrlen mbrtoc16 mbrtoc32 mbrtowc mbsinit mbsnrtowcs mbsrtowcs mbstowcs mbtowc memalign membarrier memccpy memchr memcmp memcpy memfd_create memmem memmove mempcpy memrchr memset mincore mkdir mkdirat mkdtemp mkfifo mkfifoat mknod mknodat mkostemp mkostemp64 mkostemps mkostemps64 mkstemp mkstemp64 mkstemps mkstemps64 mktemp mktime mlock mlock2 mlockall mmap mmap64 modf modff modfl mount mprotect mq_close mq_getattr mq_notify mq_open mq_receive mq_send mq_setattr mq_timedreceive mq_timedsend mq_unlink mrand48 mremap msgctl msgget msgrcv msgsnd msync mtx_destroy mtx_init mtx_lock mtx_timedlock mtx_trylock mtx_unlock munlock munlockall munmap name_to_handle_at nan nanf nanl nanosleep nearbyint nearbyintf nearbyintl newlocale nextafter nextafterf nextafterl nexttoward nexttowardf nexttowardl nftw nftw64 ngettext nice nl_langinfo nl_langinfo_l nrand48 ns_get16 ns_get32 ns_initparse ns_name_uncompress ns_parserr ns_put16 ns_put32 ns_skiprr ntohl ntohs open open64 open_by_handle_at open_memstream open_wmemstream openat openat64 opendir openlog openpty optarg opterr optind optopt optreset pathconf pause pclose perror personality pipe pipe2 pivot_root poll popen posix_close posix_fadvise posix_fadvise64 posix_fallocate posix_fallocate64 posix_madvise posix_memalign posix_openpt posix_spawn posix_spawn_file_actions_addchdir_np posix_spawn_file_actions_addclose posix_spawn_file_actions_adddup2 posix_spawn_file_actions_addfchdir_np posix_spawn_file_actions_addopen posix_spawn_file_actions_destroy posix_spawn_file_actions_init posix_spawnattr_destroy posix_spawnattr_getflags posix_spawnattr_getpgroup posix_spawnattr_getschedparam posix_spawnattr_getschedpolicy posix_spawnattr_getsigdefault posix_spawnattr_getsigmask posix_spawnattr_init posix_spawnattr_setflags posix_spawnattr_setpgroup posix_spawnattr_setschedparam posix_spawnattr_setschedpolicy posix_spawnattr_setsigdefault posix_spawnattr_setsigmask posix_spawnp pow pow10 pow10f pow10l powf powl ppoll prctl pread pread64 preadv preadv64 printf prlimit prlimit64 process_vm_readv process_vm_writev program_invocation_name program_invocation_short_name pselect psiginfo psignal pthread_atfork pthread_attr_destroy pthread_attr_getdetachstate pthread_attr_getguardsize pthread_attr_getinheritsched pthread_attr_getschedparam pthread_attr_getschedpolicy pthread_attr_getscope pthread_attr_getstack pthread_attr_getstacksize pthread_attr_init pthread_attr_setdetachstate pthread_attr_setguardsize pthread_attr_setinheritsched pthread_attr_setschedparam pthread_attr_setschedpolicy pthread_attr_setscope pthread_attr_setstack pthread_attr_setstacksize pthread_barrier_destroy pthread_barrier_init pthread_barrier_wait pthread_barrierattr_destroy pthread_barrierattr_getpshared pthread_barrierattr_init pthread_barrierattr_setpshared pthread_cancel pthread_cond_broadcast pthread_cond_destroy pthread_cond_init pthread_cond_signal pthread_cond_timedwait pthread_cond_wait pthread_condattr_destroy pthread_condattr_getclock pthread_condattr_getpshared pthread_condattr_init pthread_condattr_setclock pthread_condattr_setpshared pthread_create pthread_detach pthread_equal pthread_exit pthread_getaffinity_np pthread_getattr_default_np pthread_getattr_np pthread_getconcurrency pthread_getcpuclockid pthread_getschedparam pthread_getspecific pthread_join pthread_key_create pthread_key_delete pthread_kill pthread_mutex_consistent pthread_mutex_destroy pthread_mutex_getprioceiling pthread_mutex_init pthread_mutex_lock pthread_mutex_setprioceiling pthread_mutex_timedlock pthread_mutex_trylock pthread_mutex_unlock pthread_mutexattr_destroy pthread_mutexattr_getprotocol pthread_mutexattr_getpshared pthread_mutexattr_getrobust pthread_mutexattr_gettype pthread_mutexattr_init pthread_mutexattr_setprotocol pthread_mutexattr_setpshared pthread_mutexattr_setrobust pthread_mutexattr_settype pthread_once pthread_rwlock_destroy pthread_rwlock_init pthread_rwlock_rdlock pthread_rwlock_timedrdlock pthread_rwlock_timedwrlock pthread_rwlock_tryrdlock pthread_rwlock_trywrlock pthread_rwlock_unlock pthread_rwlock_wrlock pthread_rwlockattr_destroy pthread_rwlockattr_getpshared pthread_rwlockattr_init pthread_rwlockattr_setpshared pthread_self pthread_setaffinity_np pthread_setattr_default_np pthread_setcancelstate pthread_setcanceltype pthread_setconcurrency pthread_setname_np pthread_setschedparam pthread_setschedprio pthread_setspecific pthread_sigmask pthread_spin_destroy pthread_spin_init pthread_spin_lock pthread_spin_trylock pthread_spin_unlock pthread_testcancel pthread_timedjoin_np pthread_tryjoin_np ptrace ptsname ptsname_r putc putc_unlocked putchar putchar_unlocked putenv putgrent putpwent puts putspent pututline pututxline putw putwc putwc_unlocked putwchar putwchar_unlocked pwrite pwrite64 pwritev pwritev64 qsort quick_exit quotactl raise rand rand_r random read readahead readdir readdir64 readdir64_r readdir_r readlink readlinkat readv realloc reallocarray realpath reboot recv recvfrom recvmmsg recvmsg regcomp regerror regexec regfree remainder remainderf remainderl remap_file_pages remove removexattr remque remquo remquof remquol rename renameat res_init res_mkquery res_query res_querydomain res_search res_send rewind rewinddir rindex rint rintf rintl rmdir round roundf roundl sbrk scalb scalbf scalbln scalblnf scalblnl scalbn scalbnf scalbnl scandir scandir64 scanf sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getcpu sched_getparam sched_getscheduler sched_rr_get_interval sched_setaffinity sched_setparam sched_setscheduler sched_yield secure_getenv seed48 seekdir select sem_close sem_destroy sem_getvalue sem_init sem_open sem_post sem_timedwait sem_trywait sem_unlink sem_wait semctl semget semop semtimedop send sendfile sendfile64 sendmmsg sendmsg sendto setbuf setbuffer setdomainname setegid setenv seteuid setfsgid setfsuid setgid setgrent setgroups sethostent sethostname setitimer setjmp setkey setlinebuf setlocale setlogmask setmntent setnetent setns setpgid setpgrp setpriority setprotoent setpwent setregid setresgid setresuid setreuid setrlimit setrlimit64 setservent setsid setsockopt setspent setstate settimeofday setuid setusershell setutent setutxent setvbuf setxattr shm_open shm_unlink shmat shmctl shmdt shmget shutdown sigaction sigaddset sigaltstack sigandset sigdelset sigemptyset sigfillset sighold sigignore siginterrupt sigisemptyset sigismember siglongjmp signal signalfd signgam significand significandf sigorset sigpause sigpending sigprocmask sigqueue sigrelse sigset sigsetjmp sigsuspend sigtimedwait sigwait sigwaitinfo sin sincos sincosf sincosl sinf sinh sinhf sinhl sinl sleep snprintf sockatmark socket socketpair splice sprintf sqrt sqrtf sqrtl srand srand48 srandom sscanf stat stat64 statfs statfs64 statvfs statvfs64 stderr stdin stdout stime stpcpy stpncpy strcasecmp strcasecmp_l strcasestr strcat strchr strchrnul strcmp strcoll strcoll_l strcpy strcspn strdup strerror strerror_l strerror_r strfmon strfmon_l strftime strftime_l strlcat strlcpy strlen strncasecmp strncasecmp_l strncat strncmp strncpy strndup strnlen strpbrk strptime strrchr strsep strsignal strspn strstr strtod strtod_l strtof strtof_l strtoimax strtok strtok_r strtol strtold strtold_l strtoll strtoul strtoull strtoumax strverscmp strxfrm strxfrm_l swab swapoff swapon swprintf swscanf symlink symlinkat sync sync_file_range syncfs syscall sysconf sysinfo syslog system tan tanf tanh tanhf tanhl tanl tcdrain tcflow tcflush tcgetattr tcgetpgrp tcgetsid tcgetwinsize tcsendbreak tcsetattr tcsetpgrp tcsetwinsize tdelete tdestroy tee telldir tempnam textdomain tfind tgamma tgammaf tgammal thrd_create thrd_current thrd_detach thrd_equal thrd_exit thrd_join thrd_sleep thrd_yield time timegm timer_create timer_delete timer_getoverrun timer_gettime timer_settime timerfd_create timerfd_gettime timerfd_settime times timespec_get timezone tmpfile tmpfile64 tmpnam toascii tolower tolower_l toupper toupper_l towctrans towctrans_l towlower towlower_l towupper towupper_l trunc truncate truncate64 truncf truncl tsearch tss_create tss_delete tss_get tss_set ttyname ttyname_r twalk tzname tzset ualarm ulckpwdf ulimit umask umount umount2 uname ungetc ungetwc unlink unlinkat unlockpt unsetenv unshare updwtmp updwtmpx uselocale usleep utime utimensat utimes utmpname utmpxname valloc vasprintf vdprintf verr verrx versionsort versionsort64 vfork vfprintf vfscanf vfwprintf vfwscanf vhangup vmsplice vprintf vscanf vsnprintf vsprintf vsscanf vswprintf vswscanf vsyslog vwarn vwarnx vwprintf vwscanf wait wait3 wait4 waitid waitpid warn warnx wcpcpy wcpncpy wcrtomb wcscasecmp wcscasecmp_l wcscat wcschr wcscmp wcscoll wcscoll_l wcscpy wcscspn wcsdup wcsftime wcsftime_l wcslen wcsncasecmp wcsncasecmp_l wcsncat wcsncmp wcsncpy wcsnlen wcsnrtombs wcspbrk wcsrchr wcsrtombs wcsspn wcsstr wcstod wcstof wcstoimax wcstok wcstol wcstold wcstoll wcstombs wcstoul wcstoull wcstoumax wcswcs wcswidth wcsxfrm wcsxfrm_l wctob wctomb wctrans wctrans_l wctype wctype_l wcwidth wmemchr wmemcmp wmemcpy wmemmove wmemset wordexp wordfree wprintf write writev wscanf y0 y0f y1 y1f yn ynf",
    removed: "",
    some: {
      "amd64 arm64": "__fxstat __fxstatat __lxstat __xstat",
      "amd64 i386": "arch_prctl ioperm iopl",
      armhf: "__aeabi_atexit __aeabi_memclr __aeabi_memclr4 __aeabi_memclr8 __aeabi_memcpy __aeabi_memcpy4 __aeabi_memcpy8 __aeabi_memmove __aeabi_memmove4 __aeabi_memmove8 __aeabi_memset __aeabi_memset4 __aeabi_memset8 __aeabi_read_tp __gnu_Unwind_Find_exidx",
      "armhf i386": "__adjtime64 __adjtimex_time64 __aio_suspend_time64 __clock_adjtime64 __clock_getres_time64 __clock_gettime64 __clock_nanosleep_time64 __clock_settime64 __cnd_timedwait_time64 __ctime64 __ctime64_r __difftime64 __dlsym_time64 __fstat_time64 __fstatat_time64 __ftime64 __futimens_time64 __futimes_time64 __futimesat_time64 __getitimer_time64 __getrusage_time64 __gettimeofday_time64 __gmtime64 __gmtime64_r __localtime64 __localtime64_r __lstat_time64 __lutimes_time64 __mktime64 __mq_timedreceive_time64 __mq_timedsend_time64 __mtx_timedlock_time64 __nanosleep_time64 __ppoll_time64 __pselect_time64 __pthread_cond_timedwait_time64 __pthread_mutex_timedlock_time64 __pthread_rwlock_timedrdlock_time64 __pthread_rwlock_timedwrlock_time64 __pthread_timedjoin_np_time64 __recvmmsg_time64 __sched_rr_get_interval_time64 __select_time64 __sem_timedwait_time64 __semtimedop_time64 __setitimer_time64 __settimeofday_time64 __sigtimedwait_time64 __stat_time64 __stime64 __thrd_sleep_time64 __time64 __timegm_time64 __timer_gettime64 __timer_settime64 __timerfd_gettime64 __timerfd_settime64 __timespec_get_time64 __utime64 __utimensat_time64 __utimes_time64 __wait3_time64 __wait4_time64",
      i386: "___tls_get_addr"
    },
    loaderAliases: ""
  },
  {
    musl: "1.2.3",
    architectures: {
      amd64: { package: "1.2.3-1", muslArch: "x86_64" },
      arm64: { package: "1.2.3-1", muslArch: "aarch64" },
      armel: { package: "1.2.3-1", muslArch: "arm" },
      armhf: { package: "1.2.3-1", muslArch: "armhf" },
      i386: { package: "1.2.3-1", muslArch: "i386" },
      ppc64el: { package: "1.2.3-1", muslArch: "powerpc64le" },
      s390x: { package: "1.2.3-1", muslArch: "s390x" }
    },
    added: "fts_children fts_close fts_open fts_read fts_set pthread_getname_np qsort_r",
    removed: "crypt crypt_r encrypt setkey",
    some: {
      "amd64 arm64 ppc64el s390x": "__fxstat __fxstatat __lxstat __xstat",
      "amd64 i386": "arch_prctl",
      "amd64 i386 ppc64el": "ioperm iopl",
      "armel armhf": "__aeabi_atexit __aeabi_memclr __aeabi_memclr4 __aeabi_memclr8 __aeabi_memcpy __aeabi_memcpy4 __aeabi_memcpy8 __aeabi_memmove __aeabi_memmove4 __aeabi_memmove8 __aeabi_memset __aeabi_memset4 __aeabi_memset8 __aeabi_read_tp __gnu_Unwind_Find_exidx",
      "armel armhf i386": "__adjtime64 __adjtimex_time64 __aio_suspend_time64 __clock_adjtime64 __clock_getres_time64 __clock_gettime64 __clock_nanosleep_time64 __clock_settime64 __cnd_timedwait_time64 __ctime64 __ctime64_r __difftime64 __dlsym_time64 __fstat_time64 __fstatat_time64 __ftime64 __futimens_time64 __futimes_time64 __futimesat_time64 __getitimer_time64 __getrusage_time64 __gettimeofday_time64 __gmtime64 __gmtime64_r __localtime64 __localtime64_r __lstat_time64 __lutimes_time64 __mktime64 __mq_timedreceive_time64 __mq_timedsend_time64 __mtx_timedlock_time64 __nanosleep_time64 __ppoll_time64 __pselect_time64 __pthread_cond_timedwait_time64 __pthread_mutex_timedlock_time64 __pthread_rwlock_timedrdlock_time64 __pthread_rwlock_timedwrlock_time64 __pthread_timedjoin_np_time64 __recvmmsg_time64 __sched_rr_get_interval_time64 __select_time64 __sem_timedwait_time64 __semtimedop_time64 __setitimer_time64 __settimeofday_time64 __sigtimedwait_time64 __stat_time64 __stime64 __thrd_sleep_time64 __time64 __timegm_time64 __timer_gettime64 __timer_settime64 __timerfd_gettime64 __timerfd_settime64 __timespec_get_time64 __utime64 __utimensat_time64 __utimes_time64 __wait3_time64 __wait4_time64",
      i386: "___tls_get_addr",
      s390x: "__tls_get_offset"
    },
    loaderAliases: ""
  },
  {
    musl: "1.2.5",
    architectures: {
      amd64: { package: "1.2.5-3.1~deb13u1", muslArch: "x86_64" },
      arm64: { package: "1.2.5-3.1~deb13u1", muslArch: "aarch64" },
      armel: { package: "1.2.5-3.1~deb13u1", muslArch: "arm" },
      armhf: { package: "1.2.5-3.1~deb13u1", muslArch: "armhf" },
      i386: { package: "1.2.5-3.1~deb13u1", muslArch: "i386" },
      ppc64el: { package: "1.2.5-3.1~deb13u1", muslArch: "powerpc64le" },
      riscv64: { package: "1.2.5-3.1~deb13u1", muslArch: "riscv64" },
      s390x: { package: "1.2.5-3.1~deb13u1", muslArch: "s390x" }
    },
    added: "__fxstat __fxstatat __lxstat __xstat crypt crypt_r encrypt preadv2 pwritev2 renameat2 setkey statx",
    removed: "__fxstat64 __fxstatat64 __lxstat64 __xstat64 aio_cancel64 aio_error64 aio_fsync64 aio_read64 aio_return64 aio_suspend64 aio_write64 alphasort64 creat64 fallocate64 fgetpos64 fopen64 freopen64 fseeko64 fsetpos64 fstat64 fstatat64 fstatfs64 fstatvfs64 ftello64 ftruncate64 ftw64 getdents64 getrlimit64 glob64 globfree64 lio_listio64 lockf64 lseek64 lstat64 mkostemp64 mkostemps64 mkstemp64 mkstemps64 mmap64 nftw64 open64 openat64 posix_fadvise64 posix_fallocate64 pread64 preadv64 prlimit64 pwrite64 pwritev64 readdir64 readdir64_r scandir64 sendfile64 setrlimit64 stat64 statfs64 statvfs64 tmpfile64 truncate64 versionsort64",
    some: {
      "amd64 i386": "arch_prctl",
      "amd64 i386 ppc64el": "ioperm iopl",
      "armel armhf": "__aeabi_atexit __aeabi_memclr __aeabi_memclr4 __aeabi_memclr8 __aeabi_memcpy __aeabi_memcpy4 __aeabi_memcpy8 __aeabi_memmove __aeabi_memmove4 __aeabi_memmove8 __aeabi_memset __aeabi_memset4 __aeabi_memset8 __aeabi_read_tp __gnu_Unwind_Find_exidx",
      "armel armhf i386": "__adjtime64 __adjtimex_time64 __aio_suspend_time64 __clock_adjtime64 __clock_getres_time64 __clock_gettime64 __clock_nanosleep_time64 __clock_settime64 __cnd_timedwait_time64 __ctime64 __ctime64_r __difftime64 __dlsym_time64 __fstat_time64 __fstatat_time64 __ftime64 __futimens_time64 __futimes_time64 __futimesat_time64 __getitimer_time64 __getrusage_time64 __gettimeofday_time64 __gmtime64 __gmtime64_r __localtime64 __localtime64_r __lstat_time64 __lutimes_time64 __mktime64 __mq_timedreceive_time64 __mq_timedsend_time64 __mtx_timedlock_time64 __nanosleep_time64 __ppoll_time64 __pselect_time64 __pthread_cond_timedwait_time64 __pthread_mutex_timedlock_time64 __pthread_rwlock_timedrdlock_time64 __pthread_rwlock_timedwrlock_time64 __pthread_timedjoin_np_time64 __recvmmsg_time64 __sched_rr_get_interval_time64 __select_time64 __sem_timedwait_time64 __semtimedop_time64 __setitimer_time64 __settimeofday_time64 __sigtimedwait_time64 __stat_time64 __stime64 __thrd_sleep_time64 __time64 __timegm_time64 __timer_gettime64 __timer_settime64 __timerfd_gettime64 __timerfd_settime64 __timespec_get_time64 __utime64 __utimensat_time64 __utimes_time64 __wait3_time64 __wait4_time64",
      i386: "___tls_get_addr",
      riscv64: "__longjmp __restore __restore_rt __riscv_flush_icache riscv_flush_icache",
      s390x: "__tls_get_offset"
    },
    loaderAliases: "__fxstat64=__fxstat __fxstatat64=__fxstatat __lxstat64=__lxstat __xstat64=__xstat aio_cancel64=aio_cancel aio_error64=aio_error aio_fsync64=aio_fsync aio_read64=aio_read aio_return64=aio_return aio_suspend64=aio_suspend aio_write64=aio_write alphasort64=alphasort creat64=creat fallocate64=fallocate fgetpos64=fgetpos fopen64=fopen freopen64=freopen fseeko64=fseeko fsetpos64=fsetpos fstat64=fstat fstatat64=fstatat fstatfs64=fstatfs fstatvfs64=fstatvfs ftello64=ftello ftruncate64=ftruncate ftw64=ftw getdents64=getdents getrlimit64=getrlimit glob64=glob globfree64=globfree lio_listio64=lio_listio lockf64=lockf lseek64=lseek lstat64=lstat mkostemp64=mkostemp mkostemps64=mkostemps mkstemp64=mkstemp mkstemps64=mkstemps mmap64=mmap nftw64=nftw open64=open openat64=openat posix_fadvise64=posix_fadvise posix_fallocate64=posix_fallocate pread64=pread preadv64=preadv prlimit64=prlimit pwrite64=pwrite pwritev64=pwritev readdir64=readdir readdir64_r=readdir_r scandir64=scandir sendfile64=sendfile setrlimit64=setrlimit stat64=stat statfs64=statfs statvfs64=statvfs tmpfile64=tmpfile truncate64=truncate versionsort64=versionsort"
  }
];

// src/domain/rules/musl-exports.ts
var words = (s) => s === "" ? [] : s.split(" ");
function buildTables() {
  const out = /* @__PURE__ */ new Map();
  let common = /* @__PURE__ */ new Set();
  for (const row of MUSL_EXPORTS) {
    common = new Set(common);
    for (const name of words(row.added)) common.add(name);
    for (const name of words(row.removed)) common.delete(name);
    const exports = /* @__PURE__ */ new Map();
    const muslArch = /* @__PURE__ */ new Map();
    for (const [arch, { muslArch: name }] of Object.entries(row.architectures)) {
      const set = new Set(common);
      for (const [arches, names] of Object.entries(row.some))
        if (words(arches).includes(arch)) for (const n of words(names)) set.add(n);
      exports.set(arch, set);
      muslArch.set(arch, name);
    }
    const aliases = /* @__PURE__ */ new Map();
    for (const pair of words(row.loaderAliases)) {
      const [alias = "", name = ""] = pair.split("=");
      aliases.set(alias, name);
    }
    out.set(row.musl, { exports, muslArch, aliases });
  }
  return out;
}
var tables = null;
var TABLES = () => tables ??= buildTables();
function muslExportVersions() {
  return [...TABLES().keys()].sort(compareDotted);
}
function muslExports(version, debianArch) {
  return TABLES().get(version)?.exports.get(debianArch) ?? null;
}
function muslSince(symbol, debianArch) {
  for (const version of muslExportVersions()) {
    const table = TABLES().get(version);
    if (table !== void 0 && binds(table, debianArch, symbol)) return version;
  }
  return null;
}
function binds(table, debianArch, symbol) {
  const exports = table.exports.get(debianArch);
  if (exports === void 0) return false;
  if (exports.has(symbol)) return true;
  const target = table.aliases.get(symbol);
  return target !== void 0 && exports.has(target);
}
var WEAK_BY_CONVENTION = [
  "__cxa_finalize",
  "__deregister_frame_info",
  "__gmon_start__",
  "__register_frame_info",
  "_ITM_deregisterTMCloneTable",
  "_ITM_registerTMCloneTable",
  "_Jv_RegisterClasses"
];
function muslFloorCheck(input) {
  const floor = TABLES().get(input.musl);
  const muslArch = floor?.muslArch.get(input.arch);
  if (floor === void 0 || muslArch === void 0) return null;
  const own = /* @__PURE__ */ new Set([
    ...MUSL_NEEDED,
    `libc.musl-${muslArch}.so.1`,
    `ld-musl-${muslArch}.so.1`,
    `/lib/ld-musl-${muslArch}.so.1`
  ]);
  const unjudged = [...new Set(input.needed.filter((n) => !own.has(n)))].sort();
  const names = /* @__PURE__ */ new Set();
  for (const s of input.symbols) {
    if (s.symbol === "" || (s.version ?? "") !== "") continue;
    if (s.weak ?? WEAK_BY_CONVENTION.includes(s.symbol)) continue;
    names.add(s.symbol);
  }
  const versions = muslExportVersions();
  const missing = [];
  for (const symbol of [...names].sort()) {
    if (binds(floor, input.arch, symbol)) continue;
    const exportedIn = versions.filter((v) => {
      const table = TABLES().get(v);
      return table !== void 0 && binds(table, input.arch, symbol);
    });
    const since = exportedIn.find((v) => compareDotted(v, input.musl) > 0) ?? null;
    missing.push({ symbol, since, exportedIn });
  }
  return { missing, unjudged };
}

export {
  muslExports,
  muslSince,
  WEAK_BY_CONVENTION,
  muslFloorCheck
};
