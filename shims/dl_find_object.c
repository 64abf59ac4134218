/*
 * _dl_find_object (glibc 2.35), for floors below it: libgcc 12 and later built against glibc 2.35
 * find the unwind tables of the code an exception passes through with it, and have no other way.
 * Here from dl_iterate_phdr, as libgcc did before: the loaded object whose segments hold the
 * address, and its PT_GNU_EH_FRAME (ARM: PT_ARM_EXIDX and its entry count; i386: the data base,
 * DT_PLTGOT, which ld.so relocates in place there). The struct is glibc's, per architecture.
 */
typedef __SIZE_TYPE__ size_t;

#if defined(__LP64__)
typedef unsigned long addr_t;
struct phdr {
  unsigned int p_type, p_flags;
  unsigned long p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};
struct dyn {
  long d_tag;
  unsigned long d_val;
};
#else
typedef unsigned int addr_t;
struct phdr {
  unsigned int p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};
struct dyn {
  int d_tag;
  unsigned int d_val;
};
#endif

struct dl_phdr_info {
  addr_t dlpi_addr;
  const char *dlpi_name;
  const struct phdr *dlpi_phdr;
  unsigned short dlpi_phnum;
};

struct dl_find_object {
  unsigned long long dlfo_flags;
  void *dlfo_map_start;
  void *dlfo_map_end;
  void *dlfo_link_map;
  void *dlfo_eh_frame;
#if defined(__i386__)
  void *dlfo_eh_dbase;
  unsigned int __dlfo_eh_dbase_pad;
#endif
#if defined(__arm__)
  int dlfo_eh_count;
  unsigned int __dlfo_eh_count_pad;
#endif
  unsigned long long __dflo_reserved[7];
};

extern int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *, size_t, void *), void *data);

#define PT_LOAD 1
#define PT_DYNAMIC 2
#if defined(__arm__)
#define PT_UNWIND 0x70000001 /* PT_ARM_EXIDX */
#else
#define PT_UNWIND 0x6474e550 /* PT_GNU_EH_FRAME */
#endif

struct query {
  addr_t pc;
  struct dl_find_object *result;
  int found;
};

static int visit(struct dl_phdr_info *info, size_t size, void *data) {
  struct query *q = data;
  const struct phdr *unwind = 0, *dynamic = 0;
  addr_t start = ~(addr_t)0, end = 0;
  int holds = 0;
  (void)size;
  for (unsigned short i = 0; i < info->dlpi_phnum; i++) {
    const struct phdr *p = &info->dlpi_phdr[i];
    if (p->p_type == PT_LOAD) {
      addr_t lo = info->dlpi_addr + p->p_vaddr, hi = lo + p->p_memsz;
      if (lo < start) start = lo;
      if (hi > end) end = hi;
      if (q->pc >= lo && q->pc < hi) holds = 1;
    } else if (p->p_type == PT_UNWIND) {
      unwind = p;
    } else if (p->p_type == PT_DYNAMIC) {
      dynamic = p;
    }
  }
  if (!holds) return 0;
  struct dl_find_object *r = q->result;
  r->dlfo_flags = 0;
  r->dlfo_map_start = (void *)start;
  r->dlfo_map_end = (void *)end;
  r->dlfo_link_map = 0;
  r->dlfo_eh_frame = unwind == 0 ? 0 : (void *)(info->dlpi_addr + unwind->p_vaddr);
#if defined(__arm__)
  r->dlfo_eh_count = unwind == 0 ? 0 : (int)(unwind->p_memsz / 8);
#endif
#if defined(__i386__)
  r->dlfo_eh_dbase = 0;
  if (dynamic != 0)
    for (const struct dyn *d = (const struct dyn *)(info->dlpi_addr + dynamic->p_vaddr);
         d->d_tag != 0; d++)
      if (d->d_tag == 3 /* DT_PLTGOT */) r->dlfo_eh_dbase = (void *)d->d_val;
#else
  (void)dynamic;
#endif
  q->found = 1;
  return 1;
}

__attribute__((visibility("hidden"))) int _dl_find_object(void *pc, struct dl_find_object *result) {
  struct query q = {(addr_t)pc, result, 0};
  dl_iterate_phdr(visit, &q);
  return q.found ? 0 : -1;
}
