#!/usr/bin/env bash
# The benchmark suite in one command: on one fresh PostgreSQL 15 (stock settings: fsync on,
# max_connections = 100) it runs the commit ceiling, the engine with each pair of providers (group commit; Orleans'
# ADO.NET storage and reminders), the HTTP API from a load process, the deadline drain, a million held deadlines,
# three silos and the API client, one silo against two, scanned files, the citizen told by SMS with the portal kept
# in sync (a local process playing the gateway and the portal), the staff search over a
# million dossiers, a city's year of reports (8 million dossiers), and the peers (Wolverine + Marten saga, Quartz.NET job
# store); it writes the table into docs/benchmarks.md.
#
#   scripts/benchmark.sh          the full run (more than an hour on 2 cores), written into docs/benchmarks.md
#   scripts/benchmark.sh smoke    a small run that checks every part works (about 3 minutes), written nowhere
#   HCC_SUITE_PARTS=search scripts/benchmark.sh
#                                 some parts only (transitions, http, drain, holding, cluster, files, notices, search,
#                                 reports): their rows replace theirs in docs/benchmarks.md, the others stay, a line says what ran again
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-full}
bindir=$(pg_config --bindir)
port=${HCC_BENCH_PG_PORT:-56432}
data=$(mktemp -d /tmp/hcc-benchmark-pg.XXXXXX)

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_postgres "$bindir/pg_ctl" -D "$data/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$data"; }
trap stop_pg EXIT

mkdir -p "$data/pg"
[ "$(id -u)" = 0 ] && chown -R postgres "$data"
as_postgres "$bindir/initdb" -D "$data/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$bindir/pg_ctl" -w -D "$data/pg" -l "$data/pg/server.log" -o "-h 127.0.0.1 -p $port -k $data/pg" start >/dev/null

cd "$root"
for project in tools/Bench tools/Peers/WolverineSaga tools/Peers/QuartzJobs src/Silo src/Api; do
  dotnet build -c Release -v q --nologo "$project" >/dev/null
done

output=()
[ "$size" = full ] && output=(docs/benchmarks.md)
dotnet tools/Bench/bin/Release/net10.0/HccOrleans.Bench.dll \
  "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" suite "$size" "${output[@]}"
