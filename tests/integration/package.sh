#!/usr/bin/env bash
# No build type means Release; `cmake --install` puts a stripped binary, the man page (gzipped, dated, with
# ENVIRONMENT and EXAMPLES), the copyright file and the changelog in place;
# `cpack -G DEB` builds a package whose Depends names the package of every
# shared library the packaged binary loads, with an extended description,
# that lintian finds no error in (when lintian is installed), and that
# installs (dpkg, into a scratch root) and runs.
source "$(dirname "$0")/common.sh"
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not available"
command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps (dpkg-dev) is not installed"

# A build configured with no build type is a release build.
cmake -S "$SRC" -B "$WORK/configured" -DENCLINT_BUILD_TESTS=OFF >/dev/null
grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "$WORK/configured/CMakeCache.txt" ||
  fail "no build type gives: $(grep '^CMAKE_BUILD_TYPE' "$WORK/configured/CMakeCache.txt")"

# A binary without a symbol table or debug information.
stripped() { ! readelf -S "$1" | grep -qE '\.(symtab|debug_info)\b'; }

cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
bin="$WORK/prefix/bin/cfn-enclint"
[ -x "$bin" ] || fail "no binary installed"
stripped "$bin" || fail "cmake --install installed an unstripped binary: $(readelf -S "$bin" | grep -cE 'symtab|debug') symbol/debug sections"
[ "$("$bin" --version)" = "$("$BIN" --version)" ] || fail "the installed binary says '$("$bin" --version)'"
man1="$WORK/prefix/share/man/man1/cfn-enclint.1.gz"
[ -f "$man1" ] || fail "no gzipped man page installed"
zcat "$man1" > "$WORK/man"
# Dated with the latest release of the changelog.
released=$(sed -n 's/^ -- .*>  //p' "$SRC/packaging/changelog" | head -1)
grep -q "^\.TH CFN\\\\-ENCLINT 1 \"$(date -u -d "$released" +%F)\"" "$WORK/man" ||
  fail "the man page is not dated $(date -u -d "$released" +%F): $(grep '^\.TH' "$WORK/man")"
for section in OPTIONS "EXIT STATUS" ENVIRONMENT EXAMPLES; do
  grep -q "^\.SH $section\$" "$WORK/man" || fail "the man page has no $section section"
done
sed -n '/^\.SH ENVIRONMENT/,/^\.SH/p' "$WORK/man" | grep -q NO_COLOR || fail "ENVIRONMENT does not name NO_COLOR"
# Every option of --help is in the man page.
for opt in $("$BIN" --help | grep -o -- '--[a-z-]*' | sort -u); do
  grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$WORK/man" || fail "man page lacks $opt"
done
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$man1" 2>"$WORK/man.err" >/dev/null
  [ ! -s "$WORK/man.err" ] || fail "man reports: $(cat "$WORK/man.err")"
fi
doc="$WORK/prefix/share/doc/cfn-enclint"
grep -qF "$(grep -m1 "^Permission" "$SRC/LICENSE")" "$doc/copyright" || fail "the copyright file does not carry the LICENSE"
[ "$(zcat "$doc/changelog.Debian.gz" | head -1)" = "$(head -1 "$SRC/packaging/changelog")" ] ||
  fail "changelog.Debian.gz is not packaging/changelog"

(cd "$WORK" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1) ||
  { cat "$WORK/cpack.log"; fail "cpack failed"; }
! grep -q "will have no dependencies" "$WORK/cpack.log" || fail "cpack: $(grep dependencies "$WORK/cpack.log")"
deb=$(ls "$WORK"/pkg/cfn-enclint_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[ "$(dpkg-deb -f "$deb" Description | wc -l)" -gt 3 ] || fail "no extended description"
dpkg-deb -x "$deb" "$WORK/deb"
for f in usr/bin/cfn-enclint usr/share/man/man1/cfn-enclint.1.gz \
         usr/share/doc/cfn-enclint/copyright usr/share/doc/cfn-enclint/changelog.Debian.gz; do
  [ -f "$WORK/deb/$f" ] || fail "the package has no $f"
done
stripped "$WORK/deb/usr/bin/cfn-enclint" || fail "the package ships an unstripped binary"
# The package of every shared library the packaged binary needs is in Depends.
needed=$(readelf -d "$WORK/deb/usr/bin/cfn-enclint" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "the packaged binary needs no shared library: Depends cannot be checked"
for lib in $needed; do
  # awk reads to the end: quitting early would kill ldconfig with SIGPIPE (pipefail).
  file=$(ldconfig -p | awk -v l="$lib" '$1 == l && !f {f = $NF} END {print f}')
  [ -n "$file" ] || fail "$lib is not installed"
  pkg=$(dpkg -S "$(realpath "$file")" 2>/dev/null | head -1 | cut -d: -f1) ||
    pkg=$(dpkg -S "$file" | head -1 | cut -d: -f1)
  echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qxF "$pkg" || fail "Depends does not declare $pkg (for $lib)"
done

if command -v lintian >/dev/null; then
  lintian --fail-on error "$deb" >"$WORK/lintian.log" 2>&1 || { cat "$WORK/lintian.log"; fail "lintian reports errors"; }
  if grep -q "^E:" "$WORK/lintian.log"; then cat "$WORK/lintian.log"; fail "lintian reports errors"; fi
  echo "lintian: $(grep -c '^[WI]:' "$WORK/lintian.log" || true) warnings/notes, no error"
else
  echo "lintian is not installed: not run"
fi

root="$WORK/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# A scratch root with an empty dpkg database: the libraries it depends on are
# the host's (same Debian release), so only the dependency check is forced.
dpkg --root="$root" --force-depends --force-not-root -i "$deb" >"$WORK/dpkg.log" 2>&1 ||
  { cat "$WORK/dpkg.log"; fail "dpkg -i into a scratch root failed"; }
grep -q "^Status: install ok installed" "$root/var/lib/dpkg/status" || fail "dpkg did not record the package"
version=$("$root/usr/bin/cfn-enclint" --version)
[ "$version" = "$("$BIN" --version)" ] || fail "installed binary says '$version'"
echo "package ok: $(basename "$deb")"
