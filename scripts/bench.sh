#!/usr/bin/env bash
# Runs the engine benchmarks on a local PostgreSQL (started by scripts/cluster.sh pg) and prints their figures.
#   scripts/bench.sh overdue [count]    (a) N dossiers falling overdue in the same minute (default 10,000)
#   scripts/bench.sh capacity [count]   (b) N active dossiers with deadlines on one silo (default 100,000)
#   scripts/bench.sh queues             (c) an officer's work queue over 10,000 open and 100,000 closed dossiers
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
connection=$("$root/scripts/cluster.sh" pg)
server="${connection/Database=hcc/Database=postgres}"
dotnet run -c Release --project "$root/tools/Bench" -- "$server" "$@"
