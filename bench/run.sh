#!/bin/sh
# Runs every benchmark in bench/ against the build in $1 (default build).
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
for b in bench/import.sh bench/bill.sh bench/coverage.sh bench/link.sh; do
	echo "== $b"
	"$b" "$build"
done
