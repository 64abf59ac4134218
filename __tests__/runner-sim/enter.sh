#!/usr/bin/env bash
# Enters a simulated GitHub-hosted runner. Run as root inside `unshare -m --propagation private`,
# so the mounts below exist only for this process tree and the machine's files stay untouched.
# usage: enter.sh SIM USER -- COMMAND...
#   USER runner: uid 1001 with passwordless sudo, as steps run on the hosted images;
#   USER root:   a `container:` job (root, no sudo on PATH).
set -euo pipefail
sim=$1 user=$2
shift 2
[[ ${1:-} == -- ]] && shift
mount --bind "$sim/etc-apt" /etc/apt
mount --bind "$sim/passwd" /etc/passwd
mount --bind "$sim/group" /etc/group
mount --bind "$sim/sudoers.d" /etc/sudoers.d
mount --bind "$sim/home" /home
case $user in
runner) exec setpriv --reuid=1001 --regid=1001 --init-groups -- "$@" ;;
root) exec "$@" ;;
*)
	echo "enter.sh: unknown user $user" >&2
	exit 2
	;;
esac
