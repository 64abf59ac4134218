/*
 * arc4random, arc4random_buf and arc4random_uniform (glibc 2.36), for floors below it: libstdc++ 12
 * and later built against glibc 2.36 take std::random_device's entropy from them. Here from
 * getentropy (glibc 2.25), as glibc's own do from getrandom.
 */
typedef __SIZE_TYPE__ size_t;
extern int getentropy(void *buffer, size_t length);
extern void abort(void);

__attribute__((visibility("hidden"))) void arc4random_buf(void *buffer, size_t length) {
  unsigned char *p = buffer;
  while (length > 0) {
    size_t n = length > 256 ? 256 : length; /* getentropy's limit */
    if (getentropy(p, n) != 0) abort();
    p += n;
    length -= n;
  }
}

__attribute__((visibility("hidden"))) unsigned int arc4random(void) {
  unsigned int value;
  arc4random_buf(&value, sizeof value);
  return value;
}

/* Uniform in [0, bound): values below 2^32 mod bound are drawn again, so no remainder is favoured. */
__attribute__((visibility("hidden"))) unsigned int arc4random_uniform(unsigned int bound) {
  if (bound < 2) return 0;
  unsigned int min = -bound % bound;
  for (;;) {
    unsigned int r = arc4random();
    if (r >= min) return r % bound;
  }
}
