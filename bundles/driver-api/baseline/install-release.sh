#!/bin/sh
# Puts the released driver API into the local Maven repository, where bnd's baseline check finds it:
#   install-release.sh <dir in the git checkout> <commit> <package version> <local repo> <offline true|false> <maven home>
# Nothing is released to a Maven repository yet, so the release is a commit of this repository;
# building it from git keeps the baseline reviewable source instead of a jar in the tree. Does
# nothing when the local repository already has that version.
set -eu
dir=$1 commit=$2 version=$3 repo=$4 offline=$5 mvn="$6/bin/mvn"

target="$repo/org/ferric/ferric-driver-api/$version"
[ -f "$target/ferric-driver-api-$version.jar" ] && exit 0

# Without the release's source there is nothing to compare with: warn loudly and let the build go
# on without the check (a source tarball or a shallow clone), rather than fail every build there.
root=$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null) || {
    echo "WARNING driver-api baseline: $dir is not a git checkout; API $version cannot be built from commit $commit: baseline check SKIPPED" >&2
    exit 0
}
git -C "$root" cat-file -e "$commit^{commit}" 2>/dev/null || {
    echo "WARNING driver-api baseline: commit $commit (API $version) is not in this clone (shallow?); fetch the full history to check: baseline check SKIPPED" >&2
    exit 0
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$commit" pom.xml bundles/driver-api | tar -x -C "$tmp"
flags="-q -B"
[ "$offline" = true ] && flags="$flags -o"
echo "driver-api baseline: building API $version from commit $commit"
# The skips stop a released pom that carries this check from looking for its own baseline.
"$mvn" $flags -Dmaven.repo.local="$repo" -f "$tmp/bundles/driver-api/pom.xml" package \
    -DskipTests -Dbnd.baseline.skip=true -Dmaven.antrun.skip=true

mkdir -p "$target"
cp "$tmp"/bundles/driver-api/target/ferric-driver-api-*.jar "$target/ferric-driver-api-$version.jar.tmp"
cat > "$target/ferric-driver-api-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.ferric</groupId>
  <artifactId>ferric-driver-api</artifactId>
  <version>$version</version>
  <description>Ferric driver API $version, built from commit $commit: the baseline for bnd's check</description>
</project>
POM
# Renamed last so a build that stops half-way never leaves a jar that looks complete.
mv "$target/ferric-driver-api-$version.jar.tmp" "$target/ferric-driver-api-$version.jar"
