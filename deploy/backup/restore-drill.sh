#!/usr/bin/env bash
# Restore drill: point-in-time recovery with pgBackRest, and the private files with restic, on a throwaway
# PostgreSQL 15 cluster this script starts itself (a free port, a temporary directory; never the server's own
# cluster). docs/deployment.md, section 9, describes the production setup it mirrors and the drill's output.
#
#   deploy/backup/restore-drill.sh            restore to a whole minute (waits for the next one: up to a minute)
#   deploy/backup/restore-drill.sh --fast     restore to a moment two seconds ahead (for tests)
#   deploy/backup/restore-drill.sh --keep     leave the temporary directory for inspection
#
# What it does: a cluster with WAL archiving to a pgBackRest repository; applications and their documents (rows
# and files) written in three batches; a full backup after the first; the target time chosen after the second,
# when the row counts and checksums of every table are recorded; the third batch after the target; a restic
# snapshot of the private files; then the "disaster" (the cluster stopped and its directory deleted), a restore
# to the target time, and the checks: every table has the recorded count and checksum, nothing of the third batch
# came back, every document row has its file with the right SHA-256. Exit status 0 only when every check passes.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
MODE=minute
KEEP=no
for argument in "$@"; do
  case "$argument" in
    --fast) MODE=fast ;;
    --keep) KEEP=yes ;;
    *) echo "usage: $0 [--fast] [--keep]" >&2; exit 2 ;;
  esac
done
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$(command -v pgbackrest || true)" "$(command -v restic || true)"; do
  if [ -z "$tool" ] || [ ! -x "$tool" ]; then
    echo "drill: SKIPPED: needs PostgreSQL 15 server binaries in $PG_BIN, pgbackrest and restic (apt-get install postgresql-15 pgbackrest restic)" >&2
    exit 3
  fi
done

say() { printf 'drill: %s\n' "$*"; }
STARTED=$(date +%s)
WORK=$(mktemp -d /tmp/portal-restore-drill.XXXXXX)
chmod 0755 "$WORK"
# initdb refuses to run as root: the cluster and pgBackRest run as postgres, as on the server.
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$WORK"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PGDATA="$WORK/pgdata"
CONF="$WORK/pgbackrest.conf"
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=portal
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -At)

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  if [ "$KEEP" = no ]; then rm -rf "$WORK"; else say "kept $WORK"; fi
}
trap cleanup EXIT

as_pg mkdir -p "$WORK/repo" "$WORK/log" "$WORK/lock" "$WORK/spool" "$WORK/run"
as_pg tee "$CONF" >/dev/null <<EOF
[global]
repo1-path=$WORK/repo
repo1-retention-full=2
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=drill-only-passphrase-not-for-production
log-path=$WORK/log
lock-path=$WORK/lock
spool-path=$WORK/spool
log-level-console=warn
log-level-file=info
start-fast=y
archive-async=n

[portal]
pg1-path=$PGDATA
pg1-port=$PORT
pg1-socket-path=$WORK/run
pg1-user=postgres
EOF
BACKREST=(pgbackrest --config="$CONF" --stanza=portal)

say "throwaway PostgreSQL 15 cluster on port $PORT in $WORK"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
as_pg tee -a "$PGDATA/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK/run'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=portal archive-push %p'
archive_timeout = 60
fsync = off
EOF
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/log/postgresql.log" -w start >/dev/null
"$PG_BIN/createdb" portal

# The portal's shape in miniature: applications with a case mark and personal data, their documents with a file
# in the private directory (random name, content checksum), and an outbox.
"${PSQL[@]}" <<'SQL'
CREATE TABLE application (id bigserial PRIMARY KEY, case_mark text NOT NULL UNIQUE, applicant text NOT NULL,
                          email text NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE TABLE private_document (id bigserial PRIMARY KEY, application_id bigint NOT NULL REFERENCES application,
                               file text NOT NULL, sha256 text NOT NULL);
CREATE TABLE outbox_message (id bigserial PRIMARY KEY, recipient text NOT NULL, subject text NOT NULL,
                             status text NOT NULL DEFAULT 'pending');
SQL
PRIVATE="$WORK/private"
mkdir -p "$PRIVATE"

batch() {  # batch NAME FIRST LAST: applications FIRST..LAST, each with a document file and an e-mail
  local name=$1 first=$2 last=$3 number file
  for number in $(seq "$first" "$last"); do
    file="documents/$(printf '%s' "$name-$number" | sha256sum | cut -c1-32).pdf"
    mkdir -p "$PRIVATE/documents"
    head -c 2048 /dev/urandom >"$PRIVATE/$file"
    printf "INSERT INTO application (case_mark, applicant, email) VALUES ('KS.5222.%s.2026', 'Wnioskodawca %s', 'w%s@example.org');\n" "$number" "$number" "$number"
    printf "INSERT INTO private_document (application_id, file, sha256) VALUES (currval('application_id_seq'), '%s', '%s');\n" "$file" "$(sha256sum "$PRIVATE/$file" | cut -d' ' -f1)"
    printf "INSERT INTO outbox_message (recipient, subject) VALUES ('w%s@example.org', 'Potwierdzenie KS.5222.%s.2026');\n" "$number" "$number"
  done | "${PSQL[@]}"
}

snapshot() {  # one line per table: name, row count, md5 of all rows in key order
  "${PSQL[@]}" <<'SQL'
SELECT 'application', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM application t
UNION ALL
SELECT 'private_document', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM private_document t
UNION ALL
SELECT 'outbox_message', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY id), '')) FROM outbox_message t;
SQL
}

as_pg "${BACKREST[@]}" stanza-create
as_pg "${BACKREST[@]}" check
batch first 1 100
as_pg "${BACKREST[@]}" --type=full backup
say "full backup taken after 100 applications: $(as_pg "${BACKREST[@]}" info --output=text | grep -c 'full backup') full backup in the repository"
batch second 101 150

if [ "$MODE" = minute ]; then
  # The target is the next whole minute; nothing is written from here until two seconds after it.
  now=$(date +%s)
  target_epoch=$(( (now / 60 + 1) * 60 ))
  say "waiting $(( target_epoch - now )) s for the next whole minute"
else
  target_epoch=$(( $(date +%s) + 2 ))
fi
TARGET=$(date -u -d "@$target_epoch" '+%Y-%m-%d %H:%M:%S+00')
while [ "$(date +%s)" -le "$target_epoch" ]; do sleep 0.2; done
snapshot >"$WORK/at-target.txt"
say "target time: $TARGET; recorded at the target:"
sed 's/^/drill:   /; s/|/ rows=/; s/|/ md5=/' "$WORK/at-target.txt"
sleep 1
batch third 151 180
snapshot >"$WORK/latest.txt"

# The private files: a restic snapshot taken after the target (hourly in production; files are written once under
# random names, so the first snapshot after the target holds every file the restored database names).
export RESTIC_REPOSITORY="$WORK/restic" RESTIC_PASSWORD=drill-only-passphrase-not-for-production
restic init --quiet >/dev/null
(cd "$WORK" && restic backup --quiet --tag portal-files private)

# Every WAL segment up to now reaches the repository (production: archive_timeout bounds the wait to a minute).
"${PSQL[@]}" -c 'SELECT pg_switch_wal()' >/dev/null
as_pg "${BACKREST[@]}" check >/dev/null

say "disaster: the cluster is stopped and its data directory and the private files are deleted"
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null
rm -rf "$PGDATA" "$PRIVATE"
as_pg mkdir -m 0700 "$PGDATA"

restore_started=$(date +%s)
as_pg "${BACKREST[@]}" --type=time "--target=$TARGET" --target-action=promote restore
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/log/postgresql-restored.log" -w -t 120 start >/dev/null
until [ "$("${PSQL[@]}" -c 'SELECT pg_is_in_recovery()')" = f ]; do sleep 0.2; done
(cd "$WORK" && restic restore --quiet latest --tag portal-files --target "$WORK")
restore_seconds=$(( $(date +%s) - restore_started ))

failed=0
snapshot >"$WORK/restored.txt"
say "restored to $TARGET in ${restore_seconds} s:"
sed 's/^/drill:   /; s/|/ rows=/; s/|/ md5=/' "$WORK/restored.txt"
if cmp -s "$WORK/at-target.txt" "$WORK/restored.txt"; then
  say "CHECK row counts and checksums equal those recorded at the target: ok"
else
  say "CHECK row counts and checksums equal those recorded at the target: FAILED"; failed=1
fi
newer=$("${PSQL[@]}" -c "SELECT count(*) FROM application WHERE case_mark IN ('KS.5222.151.2026', 'KS.5222.180.2026')")
latest_rows=$(grep '^application|' "$WORK/latest.txt" | cut -d'|' -f2)
if [ "$newer" = 0 ] && ! cmp -s "$WORK/latest.txt" "$WORK/restored.txt"; then
  say "CHECK nothing written after the target came back ($latest_rows applications before the disaster): ok"
else
  say "CHECK nothing written after the target came back: FAILED"; failed=1
fi
referenced=0 missing=0 mismatched=0
while IFS='|' read -r file sha; do
  referenced=$((referenced + 1))
  if [ ! -f "$PRIVATE/$file" ]; then missing=$((missing + 1));
  elif [ "$(sha256sum "$PRIVATE/$file" | cut -d' ' -f1)" != "$sha" ]; then mismatched=$((mismatched + 1)); fi
done < <("${PSQL[@]}" -F '|' -c 'SELECT file, sha256 FROM private_document ORDER BY id')
if [ "$missing" = 0 ] && [ "$mismatched" = 0 ] && [ "$referenced" -gt 0 ]; then
  say "CHECK private files: $referenced referenced, all present with their SHA-256: ok"
else
  say "CHECK private files: $referenced referenced, $missing missing, $mismatched with another SHA-256: FAILED"; failed=1
fi

if [ "$failed" = 0 ]; then
  say "PASS: restored to $TARGET; the whole drill took $(( $(date +%s) - STARTED )) s"
else
  say "FAIL"; exit 1
fi
