#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on loopback for the tests (CI and developer
# machines alike). For each one that does not answer: install Debian's package when it is
# missing (apt-get, through sudo when not root), then start it:
#   PostgreSQL: the cluster on port $PG_PORT (created when there is none), with trust auth
#               for 127.0.0.1 and ::1 and a `test` database, via pg_ctlcluster;
#   Redis:      redis-server --daemonize yes --bind 127.0.0.1, nothing written to disk.
# A server that already answers is left alone. A DATABASE_URL / REDIS_URL that is set means
# "use that one": the service is neither checked nor installed.
#
#   bash .ci/services.sh             do it
#   bash .ci/services.sh --dry-run   only look: print what it would run, change nothing
#
# Environment: PG_PORT (5432) and REDIS_PORT (6379), the loopback ports to use;
# PG_ETC (/etc/postgresql) and PG_LIB (/usr/lib/postgresql), Debian's layout (tests point
# them elsewhere); DATABASE_URL, REDIS_URL as above.
set -euo pipefail

PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
PG_ETC="${PG_ETC:-/etc/postgresql}"
PG_LIB="${PG_LIB:-/usr/lib/postgresql}"
DRY_RUN=0
case "${1:-}" in
  --dry-run) DRY_RUN=1 ;;
  "") ;;
  *) echo "usage: bash .ci/services.sh [--dry-run]" >&2; exit 2 ;;
esac

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

say() { echo "services: $*"; }

# Runs a command that changes the machine; in a dry run, prints it instead.
change() {
  if [ "$DRY_RUN" -eq 1 ]; then
    echo "services: would run: $*"
  else
    "$@"
  fi
}

answers() { # host port
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

wait_until() { # description command...
  local what="$1"; shift
  [ "$DRY_RUN" -eq 1 ] && return 0
  for _ in $(seq 1 60); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "services: $what did not come up within 30 s" >&2
  return 1
}

APT_UPDATED=0
apt_install() { # package
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "services: $1 is missing and there is no apt-get to install it; install it yourself, or point ${2} at a running server" >&2
    exit 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    change $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  change $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"
}

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    say "DATABASE_URL is set: using that PostgreSQL"
    return
  fi
  if answers 127.0.0.1 "$PG_PORT"; then
    say "PostgreSQL answers on 127.0.0.1:$PG_PORT"
    return
  fi
  say "PostgreSQL does not answer on 127.0.0.1:$PG_PORT"
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql DATABASE_URL

  # The cluster on our port, else a new one named main of the newest installed version.
  local version="" cluster="" status=""
  if command -v pg_lsclusters >/dev/null 2>&1; then
    read -r version cluster status < <(pg_lsclusters -h | awk -v port="$PG_PORT" '$3 == port { print $1, $2, $4; exit }') || true
  fi
  if [ -z "$version" ]; then
    if command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(pg_lsclusters -h)" ]; then
      echo "services: there are PostgreSQL clusters, but none on port $PG_PORT (pg_lsclusters); move one to $PG_PORT or set DATABASE_URL" >&2
      exit 1
    fi
    version="$(ls "$PG_LIB" 2>/dev/null | sort -V | tail -n 1)"
    cluster="main"
    if [ -z "$version" ] && [ "$DRY_RUN" -eq 1 ]; then
      version="<version>"
    elif [ -z "$version" ]; then
      echo "services: no PostgreSQL server under $PG_LIB after installing postgresql" >&2
      exit 1
    fi
    change $SUDO pg_createcluster --port "$PG_PORT" "$version" "$cluster"
  fi

  # Trust for loopback TCP, first in the file so it wins over Debian's scram-sha-256 lines.
  local hba="$PG_ETC/$version/$cluster/pg_hba.conf"
  if [ "$DRY_RUN" -eq 1 ] && [ ! -f "$hba" ]; then
    say "would put 'host all all 127.0.0.1/32 trust' and '::1/128 trust' first in $hba"
  elif ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    change $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi

  # Started by its package already (it then refused our loopback login): reload for trust.
  local action="start"
  [ "$status" = "online" ] && action="reload"
  change $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" "$action"
  wait_until "PostgreSQL $version/$cluster" pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
  if [ "$DRY_RUN" -eq 1 ] || [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != "1" ]; then
    change createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres test
  fi
  [ "$DRY_RUN" -eq 1 ] || say "PostgreSQL $version/$cluster started on 127.0.0.1:$PG_PORT (trust, database test)"
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    say "REDIS_URL is set: using that Redis"
    return
  fi
  if answers 127.0.0.1 "$REDIS_PORT"; then
    say "Redis answers on 127.0.0.1:$REDIS_PORT"
    return
  fi
  say "Redis does not answer on 127.0.0.1:$REDIS_PORT"
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server REDIS_URL
    # Debian's package may start its own service; use it if it took our port.
    if [ "$DRY_RUN" -eq 0 ] && answers 127.0.0.1 "$REDIS_PORT"; then
      say "Redis started by its package on 127.0.0.1:$REDIS_PORT"
      return
    fi
  fi
  change redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no
  wait_until "Redis" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
  [ "$DRY_RUN" -eq 1 ] || say "Redis started on 127.0.0.1:$REDIS_PORT (no persistence)"
}

ensure_postgres
ensure_redis
