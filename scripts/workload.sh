#!/usr/bin/env bash
# Replays a workload preset on the engine in simulated time on a local PostgreSQL (started by
# scripts/cluster.sh pg), then prints report II.06a next to the replay's own tally.
#   scripts/workload.sh quang-nam-2019h1
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
connection=$("$root/scripts/cluster.sh" pg)
server="${connection/Database=hcc/Database=postgres}"
dotnet run -c Release --project "$root/tools/Bench" -- "$server" workload "${1:-quang-nam-2019h1}"
