#!/usr/bin/env bash
# `cmake --install` puts the binary and the man page in place; `cpack -G DEB`
# builds a package that declares its library dependencies, and that installs
# (dpkg, into a scratch root) and runs.
source "$(dirname "$0")/common.sh"
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not available"
command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps (dpkg-dev) is not installed"

cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
[ -x "$WORK/prefix/bin/cfn-enclint" ] || fail "no binary installed"
man1="$WORK/prefix/share/man/man1/cfn-enclint.1"
[ -f "$man1" ] || fail "no man page installed"
grep -q '^\.TH CFN\\-ENCLINT 1' "$man1" || fail "the man page has no .TH header"
# Every option of --help is in the man page.
for opt in $("$BIN" --help | grep -o -- '--[a-z-]*' | sort -u); do
  grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$man1" || fail "man page lacks $opt"
done

(cd "$WORK" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >/dev/null)
deb=$(ls "$WORK"/pkg/cfn-enclint_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# Every shared library the binary loads must be declared; a fully static binary
# (ENCLINT_STATIC_RUNTIME, the default) loads none.
needed=""
libs=$(ldd "$BIN" 2>&1 || true)
echo "$libs" | grep -q libc.so && needed="libc6"
echo "$libs" | grep -q libyaml-cpp && needed="$needed libyaml-cpp"
echo "$libs" | grep -q libstdc++ && needed="$needed libstdc++6"
[ -n "$needed" ] || echo "$libs" | grep -q "not a dynamic executable" || fail "ldd: $libs"
for lib in $needed; do
  echo "$depends" | grep -q "$lib" || fail "Depends does not declare $lib"
done

root="$WORK/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# A scratch root with an empty dpkg database: the libraries it depends on are
# the host's (same Debian release), so only the dependency check is forced.
dpkg --root="$root" --force-depends --force-not-root -i "$deb" >"$WORK/dpkg.log" 2>&1 ||
  { cat "$WORK/dpkg.log"; fail "dpkg -i into a scratch root failed"; }
grep -q "^Status: install ok installed" "$root/var/lib/dpkg/status" || fail "dpkg did not record the package"
version=$("$root/usr/bin/cfn-enclint" --version)
[ "$version" = "cfn-enclint $("$BIN" --version | cut -d' ' -f2)" ] || fail "installed binary says '$version'"
[ -f "$root/usr/share/man/man1/cfn-enclint.1" ] || fail "the package has no man page"
echo "package ok: $(basename "$deb")"
