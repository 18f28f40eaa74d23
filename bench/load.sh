#!/usr/bin/env bash
# Load test: USERS concurrent users (default 100) for SECONDS (default 300) of mixed reads, edits and imports
# against a real server on 127.0.0.1, on PostgreSQL (a private throw-away cluster, or JIXIAO_LOAD_PG).
# Prints requests, errors, p95 latencies and the server's resident memory over time. Loopback only.
#   bench/load.sh [USERS] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users="${1:-100}"; seconds="${2:-300}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d); chmod 755 "$work"
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "${pg_dir:-}" ] && "${run_pg[@]}" "$PGBIN/pg_ctl" -D "$pg_dir" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db="${JIXIAO_LOAD_PG:-}"
if [ -z "$db" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); pg_dir="$work/pg"; port=$((56000 + RANDOM % 1000))
  if [ "$(id -u)" = 0 ]; then run_pg=(runuser -u postgres --); install -d -o postgres -g postgres "$pg_dir"; else run_pg=(); mkdir -p "$pg_dir"; fi
  "${run_pg[@]}" "$PGBIN/initdb" -D "$pg_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run_pg[@]}" "$PGBIN/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c max_connections=200" start >/dev/null
  "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE jixiao_load" >/dev/null
  db="Host=127.0.0.1;Port=$port;Username=postgres;Database=jixiao_load;Maximum Pool Size=150"
fi

cd "$root"
dotnet build bench/load/Jixiao.Load/Jixiao.Load.csproj -c Release -o "$work/load" -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build src/Jixiao.Web/Jixiao.Web.csproj -c Release -o "$work/web" -nologo -v quiet -clp:ErrorsOnly >/dev/null
password="Load$(date +%s)Xy9"
web_port=$((57000 + RANDOM % 1000))
JIXIAO_ADMIN_PASSWORD="$password" Jixiao__SeedPath="$work/no-seeds" Logging__LogLevel__Default=Warning \
  dotnet "$work/web/Jixiao.Web.dll" --urls "http://127.0.0.1:$web_port" --data "$work/data" --db "$db" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$web_port/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$web_port/health" >/dev/null || { tail -30 "$work/server.log"; exit 1; }
echo "服务器 PID $server_pid，PostgreSQL；$users 个并发用户，$seconds 秒"
dotnet "$work/load/Jixiao.Load.dll" "http://127.0.0.1:$web_port" "$users" "$seconds" "$server_pid" "$root/testdata/seeds/001_9e81b93be66c6a64.txt" "$password"
