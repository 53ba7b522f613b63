# lib.sh - a small TAP harness for the CLI tests.  Each test script sources it:
#   . "$(dirname "$0")/lib.sh"   with $1 = the jaring binary, $2 = fixtures dir.
# `run CMD...` runs a command capturing stdout/stderr/status into $OUT $ERR $RC.
set -u
JARING=$1
FIX=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export JARING_TODAY=2026-11-22
export JARING_DB="$TMP/test.db"
n=0
failed=0

run() {
	"$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

ok() { # ok CONDITION-STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		echo "# status=$RC"
		echo "$OUT" | head -20 | sed 's/^/# out: /'
		echo "$ERR" | head -20 | sed 's/^/# err: /'
	fi
}

expect_rc() { # expect_rc N DESCRIPTION
	[ "$RC" -eq "$1" ]
	ok $? "$2 (exit $1)"
}

expect_out() { # expect_out GREP-PATTERN DESCRIPTION
	printf '%s\n' "$OUT" | grep -q -- "$1"
	ok $? "$2"
}

expect_err() {
	printf '%s\n' "$ERR" | grep -q -- "$1"
	ok $? "$2"
}

sql() { sqlite3 "$JARING_DB" "$1"; }

expect_sql() { # expect_sql QUERY EXPECTED DESCRIPTION
	got=$(sql "$1")
	[ "$got" = "$2" ]
	r=$?
	[ $r -eq 0 ] || echo "# sql: $1 -> '$got', expected '$2'"
	ok $r "$3"
}

# json EXPR: evaluates a Python expression over the parsed $OUT, bound to
# both `j` and `d`.
json() {
	printf '%s' "$OUT" | python3 -c 'import json,sys; j=d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1" 2>&1
}

expect_json() { # expect_json EXPR EXPECTED DESCRIPTION
	got=$(json "$1")
	[ "$got" = "$2" ]
	r=$?
	[ $r -eq 0 ] || echo "# json: $1 -> '$got', expected '$2'"
	ok $r "$3"
}

finish() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
