#!/usr/bin/python3
"""Reads ELF facts with pyelftools, independently of readelf, for the differential test.

Prints one JSON object per file argument: class, endian, machine (e_machine name), interpreter,
needed, rpath, runpath, and the highest version needed per prefix from .gnu.version_r (numeric
comparison; GLIBC_ABI_DT_RELR counts as GLIBC 2.36, as in the verifier).
"""
import json
import re
import sys

from elftools.elf.dynamic import DynamicSection
from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection

MARKERS = {"GLIBC_ABI_DT_RELR": ("GLIBC", "2.36")}
# OpenSSL 1.1 writes its versions with underscores (OPENSSL_1_1_0 is OPENSSL 1.1.0).
NAME = re.compile(r"^(.+?)_(\d+(?:[._]\d+)*)$")


def key(version):
    return tuple(int(part) for part in version.split("."))


def facts(path):
    with open(path, "rb") as f:
        elf = ELFFile(f)
        out = {
            "path": path,
            "class": "ELF%d" % elf.elfclass,
            "endian": "little" if elf.little_endian else "big",
            "machine": elf["e_machine"],
            "interpreter": None,
            "needed": [],
            "rpath": [],
            "runpath": [],
            "versions": {},
        }
        for segment in elf.iter_segments():
            if segment["p_type"] == "PT_INTERP":
                out["interpreter"] = segment.get_interp_name()
        for section in elf.iter_sections():
            if isinstance(section, DynamicSection):
                for tag in section.iter_tags():
                    if tag.entry.d_tag == "DT_NEEDED":
                        out["needed"].append(tag.needed)
                    elif tag.entry.d_tag == "DT_RPATH":
                        out["rpath"].extend(tag.rpath.split(":"))
                    elif tag.entry.d_tag == "DT_RUNPATH":
                        out["runpath"].extend(tag.runpath.split(":"))
            if isinstance(section, GNUVerNeedSection):
                for _verneed, auxiliaries in section.iter_versions():
                    for aux in auxiliaries:
                        name = aux.name
                        if name in MARKERS:
                            prefix, version = MARKERS[name]
                        else:
                            m = NAME.match(name)
                            if not m:
                                continue
                            prefix, version = m.group(1), m.group(2).replace("_", ".")
                        seen = out["versions"].get(prefix)
                        if seen is None or key(version) > key(seen):
                            out["versions"][prefix] = version
        return out


for arg in sys.argv[1:]:
    try:
        print(json.dumps(facts(arg)))
    except Exception as error:  # reported per file, so one odd file does not hide the rest
        print(json.dumps({"path": arg, "error": str(error)}))
