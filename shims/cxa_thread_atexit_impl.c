/*
 * __cxa_thread_atexit_impl (glibc 2.18), for floors below it: libstdc++ built against a newer
 * glibc registers the destructors of thread_local objects through it. Here they are kept on a
 * pthread key (as libstdc++ does where glibc lacks it): run, newest first, when the thread exits,
 * and for the main thread at exit.
 */
typedef unsigned int pthread_key_t;
typedef int pthread_once_t; /* PTHREAD_ONCE_INIT is 0 on every Linux target */

extern int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
extern int pthread_once(pthread_once_t *once, void (*init)(void));
extern void *pthread_getspecific(pthread_key_t key);
extern int pthread_setspecific(pthread_key_t key, const void *value);
extern void *malloc(__SIZE_TYPE__ size);
extern void free(void *p);
extern int atexit(void (*fn)(void));

struct dtor {
  void (*fn)(void *);
  void *obj;
  struct dtor *next;
};

static pthread_key_t key;
static pthread_once_t once;

/* The thread's list, taken from the key: a destructor that registers another starts a new list,
   which the key's destructor pass (or the loop at exit) runs next. */
static void run(void *list) {
  for (struct dtor *d = list; d != 0;) {
    struct dtor *next = d->next;
    d->fn(d->obj);
    free(d);
    d = next;
  }
}

static void run_main_thread(void) {
  void *list;
  while ((list = pthread_getspecific(key)) != 0) {
    pthread_setspecific(key, 0);
    run(list);
  }
}

static void make_key(void) {
  if (pthread_key_create(&key, run) == 0) atexit(run_main_thread);
}

__attribute__((visibility("hidden"))) int __cxa_thread_atexit_impl(void (*fn)(void *), void *obj,
                                                                   void *dso) {
  (void)dso;
  pthread_once(&once, make_key);
  struct dtor *d = malloc(sizeof *d);
  if (d == 0) return -1;
  d->fn = fn;
  d->obj = obj;
  d->next = pthread_getspecific(key);
  pthread_setspecific(key, d);
  return 0;
}
