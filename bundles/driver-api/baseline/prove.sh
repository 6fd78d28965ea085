#!/bin/sh
# Shows that the baseline check guards the driver API: builds copies of bundles/driver-api and
# expects
#   1. the tree as it is                                      -> the build passes
#   2. a method removed from a @ConsumerType interface        -> the build fails (MAJOR change)
#   3. the same removal with the package version at 2.0.0    -> the build passes
# Works on copies outside the checkout, so the tree is never touched. Needs the local Maven
# repository the main build filled (it runs Maven offline; MAVEN_REPO_LOCAL if not ~/.m2/repository).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
root=$(cd "$module/../.." && pwd)
api=src/main/java/org/ferric/driver/api
version=$(sed -n 's/.*<api.release.version>\(.*\)<.*/\1/p' "$module/pom.xml")
commit=$(sed -n 's/.*<api.release.commit>\(.*\)<.*/\1/p' "$module/pom.xml")
repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
sh "$here/install-release.sh" "$module" "$commit" "$version" "$repo" true "$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")"
if [ ! -f "$repo/org/ferric/ferric-driver-api/$version/ferric-driver-api-$version.jar" ]; then
    echo "WARNING prove.sh: no baseline API $version (see the warning above); nothing to prove here" >&2
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# copy <name>: a fresh copy of the parent pom and the module, without build output
copy() {
    mkdir -p "$work/$1/bundles"
    cp "$root/pom.xml" "$work/$1/"
    cp -r "$module" "$work/$1/bundles/driver-api"
    rm -rf "$work/$1/bundles/driver-api/target"
    echo "$work/$1/bundles/driver-api"
}

# build <dir>: verify offline, keep the log; baseline runs in verify
build() {
    mvn -B -o -Dmaven.repo.local="$repo" -f "$1/pom.xml" verify -DskipTests >"$1/build.log" 2>&1
}

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

dir=$(copy unchanged)
if build "$dir"; then echo "ok: the current driver API passes the baseline check"
else fail "the current tree fails the baseline check:"; tail -40 "$dir/build.log" >&2; fi

dir=$(copy removed)
# PowerInterface.reboot is abstract in a @ConsumerType interface: every driver implements it.
sed -i '/void reboot(TaskContext task, Duration timeout) throws DriverException;/d' "$dir/$api/PowerInterface.java"
grep -q 'void reboot' "$dir/$api/PowerInterface.java" && fail "could not remove PowerInterface.reboot"
if build "$dir"; then fail "removing PowerInterface.reboot without a major bump passed the build"
elif grep -q 'Baseline problems detected' "$dir/build.log" && grep -q 'org.ferric.driver.api .*MAJOR' "$dir/build.log"; then
    echo "ok: removing PowerInterface.reboot without a major version fails the build:"
    grep -E 'org.ferric.driver.api +PACKAGE|REMOVED +METHOD +reboot' "$dir/build.log" | sed 's/^/    /'
else fail "the build failed, but not on the baseline:"; tail -40 "$dir/build.log" >&2; fi

sed -i 's/@org.osgi.annotation.versioning.Version("[^"]*")/@org.osgi.annotation.versioning.Version("2.0.0")/' "$dir/$api/package-info.java"
if build "$dir"; then echo "ok: the same removal with package version 2.0.0 passes"
else fail "the removal with a major bump still fails:"; tail -40 "$dir/build.log" >&2; fi

[ "$failures" -eq 0 ] || exit 1
echo "driver-api baseline check proven"
