#!/usr/bin/python3
"""The version names a file's dynamic segment makes the loader check, read as glibc's ld.so reads
them: PT_DYNAMIC's address mapped through the PT_LOAD segments, DT_STRTAB/DT_STRSZ/DT_VERNEED
(last value wins, as in ld.so's l_info), vn_next/vna_next followed until zero. Section headers are
never read. An oracle for the mutation test, written apart from the verifier's own reader.

Prints one JSON object per file: {"path", "needs": [names]} or {"path", "error"}.
"""
import json
import struct
import sys

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_STRSZ, DT_VERNEED = 0, 5, 10, 0x6FFFFFFE


class Unreadable(Exception):
    pass


def needs(data):
    if len(data) < 52 or data[:4] != b"\x7fELF":
        raise Unreadable("no ELF header")
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    word = "Q" if is64 else "I"

    def get(fmt, at):
        size = struct.calcsize(end + fmt)
        if at < 0 or at + size > len(data):
            raise Unreadable("read past the end at %d" % at)
        return struct.unpack_from(end + fmt, data, at)

    if is64:
        phoff, = get("Q", 0x20)
        phnum, = get("H", 0x38)
        phent = 56
    else:
        phoff, = get("I", 0x1C)
        phnum, = get("H", 0x2C)
        phent = 32
    loads, dynamic = [], None
    for i in range(phnum):
        h = phoff + i * phent
        if is64:
            p_type, _flags, off, vaddr, _paddr, filesz, _memsz = get("IIQQQQQ", h)
        else:
            p_type, off, vaddr, _paddr, filesz, _memsz, _flags = get("IIIIIII", h)
        if p_type == PT_LOAD:
            loads.append((vaddr, off, filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = vaddr
    if dynamic is None:
        return []

    def offset(addr):
        for vaddr, off, filesz in loads:
            if vaddr <= addr < vaddr + filesz:
                return off + addr - vaddr
        raise Unreadable("address %#x is in no segment's file bytes" % addr)

    tags = {}
    at = dynamic
    for _ in range(100000):
        tag, val = get(word + word, offset(at))
        if tag == DT_NULL:
            break
        tags[tag] = val
        at += 16 if is64 else 8
    if DT_VERNEED not in tags:
        return []
    strtab, strsz = tags.get(DT_STRTAB), tags.get(DT_STRSZ)
    if strtab is None or strsz is None:
        raise Unreadable("no string table")

    def name(off):
        if off >= strsz:
            raise Unreadable("name outside DT_STRSZ")
        start = offset(strtab + off)
        stop = data.find(b"\0", start)
        if stop < 0:
            raise Unreadable("unterminated name")
        return data[start:stop].decode("utf-8", "replace")

    out = []
    entry = tags[DT_VERNEED]
    for _ in range(4096):
        _version, _cnt, _file, aux_off, next_entry = get("HHIII", offset(entry))
        aux = entry + aux_off
        for _ in range(4096):
            _hash, _flags, _other, name_off, next_aux = get("IHHII", offset(aux))
            out.append(name(name_off))
            if next_aux == 0:
                break
            aux += next_aux
        if next_entry == 0:
            break
        entry += next_entry
    return out


for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            print(json.dumps({"path": path, "needs": needs(f.read())}))
    except Unreadable as error:
        print(json.dumps({"path": path, "error": str(error)}))
