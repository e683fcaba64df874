#!/usr/bin/env bash
# A local cluster on one machine: PostgreSQL, N silos (silo + co-hosted API each) and the API as its own
# Orleans client, all on loopback.
#
#   scripts/cluster.sh start [N]   start PostgreSQL (unless HCC_CONNECTION is set), N silos (default 2) and the API
#   scripts/cluster.sh status      show what runs where
#   scripts/cluster.sh stop        stop everything it started
#   scripts/cluster.sh pg          start only PostgreSQL and print its connection string
#
# Silo i listens on HTTP 5080+i, silo port 11110+i, gateway 30000+i; the API client on 5090.
# State, logs and the database live in ${HCC_CLUSTER_DIR:-/tmp/hcc-cluster}.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${HCC_CLUSTER_DIR:-/tmp/hcc-cluster}
pg_port=${HCC_PG_PORT:-55432}
bindir=$(pg_config --bindir)

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_pg() {
  mkdir -p "$state"
  if [ ! -f "$state/pg/PG_VERSION" ]; then
    mkdir -p "$state/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$state/pg"
    as_postgres "$bindir/initdb" -D "$state/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  if ! as_postgres "$bindir/pg_ctl" -D "$state/pg" status >/dev/null 2>&1; then
    as_postgres "$bindir/pg_ctl" -w -D "$state/pg" -l "$state/pg/server.log" \
      -o "-h 127.0.0.1 -p $pg_port -k $state/pg -c max_connections=400" start >/dev/null
  fi
  "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'hcc'" | grep -q 1 ||
    "$bindir/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE hcc"
  echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=hcc;Maximum Pool Size=60"
}

wait_ready() { # url pidfile
  for _ in $(seq 1 120); do
    curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$2")" 2>/dev/null || { echo "exited before ready: $1 (see $state/*.log)" >&2; return 1; }
    sleep 1
  done
  echo "not ready: $1 (see $state/*.log)" >&2
  return 1
}

start() {
  local count=${1:-2}
  local connection=${HCC_CONNECTION:-$(start_pg)}
  (cd "$root" && dotnet build -c Release -v q --nologo src/Silo >/dev/null && dotnet build -c Release -v q --nologo src/Api >/dev/null)
  for i in $(seq 1 "$count"); do
    ConnectionStrings__Hcc="$connection" Orleans__ClusterId=hcc-local Orleans__ServiceId=hcc \
      Orleans__SiloPort=$((11110 + i)) Orleans__GatewayPort=$((30000 + i)) \
      ASPNETCORE_URLS="http://127.0.0.1:$((5080 + i))" ASPNETCORE_ENVIRONMENT=Development \
      nohup dotnet "$root/src/Silo/bin/Release/net10.0/HccOrleans.Silo.dll" --contentRoot "$root/src/Silo/bin/Release/net10.0" >"$state/silo$i.log" 2>&1 &
    echo $! >"$state/silo$i.pid"
  done
  for i in $(seq 1 "$count"); do wait_ready "http://127.0.0.1:$((5080 + i))" "$state/silo$i.pid"; done
  ConnectionStrings__Hcc="$connection" Orleans__ClusterId=hcc-local Orleans__ServiceId=hcc \
    ASPNETCORE_URLS="http://127.0.0.1:5090" ASPNETCORE_ENVIRONMENT=Development \
    nohup dotnet "$root/src/Api/bin/Release/net10.0/HccOrleans.Api.dll" --contentRoot "$root/src/Api/bin/Release/net10.0" >"$state/api.log" 2>&1 &
  echo $! >"$state/api.pid"
  wait_ready "http://127.0.0.1:5090" "$state/api.pid"
  status
}

status() {
  for pidfile in "$state"/*.pid; do
    [ -e "$pidfile" ] || continue
    local name pid
    name=$(basename "$pidfile" .pid)
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then echo "$name: running (pid $pid)"; else echo "$name: stopped"; fi
  done
  echo "silos: http://127.0.0.1:5081 ... ; API client: http://127.0.0.1:5090 ; logs in $state"
}

stop() {
  local pids=()
  for pidfile in "$state"/*.pid; do
    [ -e "$pidfile" ] || continue
    pids+=("$(cat "$pidfile")")
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  # The silos say goodbye to the cluster through PostgreSQL: it stays up until they have ended. Each ends within its
  # Shutdown:Bound (20 s by default); one still there after 40 s is killed.
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "pid $pid still running after 40 s: killed" >&2; kill -9 "$pid" 2>/dev/null || true; }
  done
  if [ -f "$state/pg/PG_VERSION" ]; then as_postgres "$bindir/pg_ctl" -D "$state/pg" -m fast stop >/dev/null 2>&1 || true; fi
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  status) status ;;
  stop) stop ;;
  pg) start_pg ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
