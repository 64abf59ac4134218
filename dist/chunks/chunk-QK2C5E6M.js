import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);

// src/domain/toolchain/link-record.ts
import { posix } from "node:path";
var LINK_LOG_ENV = "CGO_ABI_GUARD_LINK_LOG";
var HEAD = "cgo-abi-guard link record 1";
function linkRecorder(linker, objcopy = null) {
  const reduce = linker === "gnu" ? `sed -n -e '1,/^Memory Configuration/p' -e '/^LOAD /p' "$map"` : `grep -F ':(' "$map" | sed -e 's/:([^()]*)$//' -e 's/^[[:space:]]*[0-9a-f]*[[:space:]]*[0-9a-f]*[[:space:]]*[0-9a-f]*[[:space:]]*[0-9]*[[:space:]]*//' | sort -u`;
  const rename = objcopy === null ? [] : [
    // readelf -sW: the name is the eighth field; a tree with blanks in its path is left as is.
    "    case $root in *[[:space:]]*) ;; *)",
    `      syms=$(readelf -sW "$out" 2>/dev/null | awk -v r="$root/" '$4 == "FILE" && index($8, r) == 1 { n = $8; sub(/.*\\//, "", n); print $8 " " n }')`,
    '      if [ -n "$syms" ]; then',
    `        printf '%s\\n' "$syms" > "$out.syms" &&`,
    `          ${objcopy} --redefine-syms="$out.syms" "$out" || { rm -f "$out.syms" "$map"; exit 1; }`,
    '        rm -f "$out.syms"',
    // ld's build ID hashed the old names: a SHA-1 of the file with the ID zeroed instead, so
    // that the same link in another tool cache gets the same ID (and the same bytes).
    `        set -- $(readelf -SW "$out" 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == ".note.gnu.build-id") print $(i + 3), $(i + 4) }')`,
    "        if [ $# -eq 2 ] && [ $((0x$2)) -eq 36 ]; then",
    "          at=$((0x$1 + 16))",
    '          id=$({ head -c "$at" "$out"; head -c 20 /dev/zero; tail -c +$((at + 21)) "$out"; } | sha1sum | cut -c1-40)',
    `          printf "$(printf '%s' "$id" | awk '{ h = "0123456789abcdef"; for (i = 1; i < length($0); i += 2) printf "\\\\%03o", (index(h, substr($0, i, 1)) - 1) * 16 + index(h, substr($0, i + 1, 1)) - 1 }')" | dd of="$out" bs=1 seek="$at" count=20 conv=notrunc 2>/dev/null || exit 1`,
    "        fi",
    "      fi ;;",
    "    esac"
  ];
  return [
    `if [ -z "\${CGO_ABI_GUARD_LINKING:-}" ]${objcopy === null ? ` && [ -n "\${${LINK_LOG_ENV}:-}" ]` : ""}; then`,
    "  link=1 out= prev=",
    "  for a; do",
    "    case $a in -c|-S|-E|-M|-MM|-fsyntax-only) link= ;; -o?*) out=${a#-o} ;; esac",
    '    if [ "$prev" = -o ]; then out=$a; fi',
    "    prev=$a",
    "  done",
    `  log=\${${LINK_LOG_ENV}:-} map=`,
    '  if [ -n "$link" ] && [ -n "$out" ]; then',
    '    if [ -n "$log" ] && mkdir -p "$log"; then map=$(mktemp "$log/.map.XXXXXX") || map=; fi',
    '    CGO_ABI_GUARD_LINKING=1 "$0" ${map:+-Xlinker "-Map=$map"} "$@" || { status=$?; rm -f "$map"; exit "$status"; }',
    ...rename,
    '    if [ -n "$map" ]; then',
    `      id=$(readelf -n "$out" 2>/dev/null | sed -n 's/^.*Build ID:[[:space:]]*\\([0-9a-f][0-9a-f]*\\)[[:space:]]*$/\\1/p' | head -n 1)`,
    '      if [ -n "$id" ]; then',
    `        { printf '%s\\nlinker ${linker}\\nroot %s\\n' '${HEAD}' "$root"; ${reduce}; } > "$map.r" && mv -f "$map.r" "$log/$id.link"`,
    "      fi",
    '      rm -f "$map" "$map.r"',
    "    fi",
    "    exit 0",
    "  fi",
    "fi",
    ""
  ].join("\n");
}
var GNU_SECTIONS = /^(Allocating common symbols|Discarded input sections|As-needed library included|Memory Configuration|Merging program properties|Linker script and memory map)/;
var MEMBER = /^(.+?)\(([^()]+)\)(?:\s.*)?$/;
function parseLinkRecord(text) {
  const lines = text.split("\n");
  const linker = /^linker (gnu|lld)$/.exec(lines[1] ?? "")?.[1];
  const root = /^root (\/.*)$/.exec(lines[2] ?? "")?.[1];
  if (lines[0] !== HEAD || linker === void 0 || root === void 0)
    return { error: "not a cgo-abi-guard link record" };
  const archives = /* @__PURE__ */ new Map();
  const objects = /* @__PURE__ */ new Set();
  const member = (path, name) => {
    const p = posix.normalize(path);
    archives.set(p, (archives.get(p) ?? /* @__PURE__ */ new Set()).add(name));
  };
  const body = lines.slice(3);
  if (linker === "gnu") {
    let inMembers = false;
    for (const line of body) {
      if (line.startsWith("Archive member included")) inMembers = true;
      else if (GNU_SECTIONS.test(line)) inMembers = false;
      else if (line.startsWith("LOAD ")) {
        const path = line.slice(5).trim();
        if (path.endsWith(".o")) objects.add(posix.normalize(path));
      } else if (inMembers && /^\S/.test(line)) {
        const m = MEMBER.exec(line.trimEnd());
        if (m?.[1] !== void 0 && m[2] !== void 0) member(m[1], m[2]);
      }
    }
  } else {
    for (const line of body) {
      const file = line.trim();
      if (file === "" || file.startsWith("<") || !file.includes("/")) continue;
      const m = /^(.+)\(([^()]+)\)$/.exec(file);
      if (m?.[1] !== void 0 && m[2] !== void 0) member(m[1], m[2]);
      else if (file.endsWith(".o")) objects.add(posix.normalize(file));
    }
  }
  const inputs = [
    ...[...archives].map(([path, members]) => ({ path, members: [...members].sort() })),
    ...[...objects].map((path) => ({ path, members: [] }))
  ];
  return { root, inputs: inputs.sort((a, b) => a.path.localeCompare(b.path)) };
}
function gnuBuildId(notes) {
  return /Build ID:\s*([0-9a-f]+)\s*$/m.exec(notes)?.[1] ?? null;
}

// src/adapters/sha256.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256File(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk);
  return hash.digest("hex");
}

export {
  sha256File,
  LINK_LOG_ENV,
  linkRecorder,
  parseLinkRecord,
  gnuBuildId
};
