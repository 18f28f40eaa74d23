#!/usr/bin/env bash
# Part 4 of bench/run.sh: the web API on a private PostgreSQL cluster (loopback only) holding N documents.
# Usage: bench/web.sh WORK BIN SEED DOCS WEB_PORT PG_PORT WRK_SECONDS
# Loads the documents through the documented API (POST /api/v1/imports, canonical JSON bundles of 500 tables,
# API key auth), then measures GET /api/v1/documents (list), GET /api/v1/documents/{id} (view) and
# GET /api/v1/aggregations (when the endpoint exists) with wrk: paced at about 200 requests/s, and flat out.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$1" bin="$2" seed="$3" docs="$4" port="$5" pg_port="$6" secs="$7"
load() { printf 'load %s' "$(cut -d' ' -f1-3 /proc/loadavg)"; }
# The machine is shared: take the first free port from the one asked for.
free_port() { local p="$1"; while ss -Hltn "sport = :$p" | grep -q .; do p=$((p + 1)); done; echo "$p"; }
port=$(free_port "$port")
pg_port=$(free_port "$pg_port")
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; fi
  command -v wrk >/dev/null || { echo "SKIP: wrk is not installed (apt-get install wrk)"; exit 0; }
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "SKIP: PostgreSQL is not installed (apt-get install postgresql)"; exit 0; }

# --- private PostgreSQL cluster, trust auth, loopback only ---
pgdir="$work/pg"
install -d -m 700 -o postgres -g postgres "$pgdir"
chmod 755 "$work"
if [ ! -s "$pgdir/PG_VERSION" ]; then
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || { echo "SKIP: initdb failed"; exit 0; }
fi
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir" -l "$pgdir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgdir -c shared_buffers=256MB" start >/dev/null || { echo "SKIP: PostgreSQL did not start (see $pgdir/server.log)"; exit 0; }
web_pid=""
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir" -m fast stop >/dev/null 2>&1
}
trap cleanup EXIT
psql() { command psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'jixiao_bench'" | grep -q 1 || psql -d postgres -c "CREATE DATABASE jixiao_bench ENCODING 'UTF8' TEMPLATE template0"
conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=jixiao_bench;Maximum Pool Size=64"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$pg_port ($pgdir)"

# --- the web app (Release), on loopback ---
dotnet build "$root/src/Jixiao.Web" -c Release -o "$bin/web" -nologo -v quiet > "$work/build-web.log" 2>&1 || { echo "SKIP: the web project does not build (see $work/build-web.log)"; exit 0; }
(cd "$root" && JIXIAO_ADMIN_PASSWORD="Bench-$seed-Passw0rd!" ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet "$bin/web/Jixiao.Web.dll" --contentRoot "$bin/web" --urls "$base" --db "$conn" --data "$work/webdata") > "$work/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 180); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/login" || true)
  [ "$code" = 200 ] && break
  kill -0 "$web_pid" 2>/dev/null || { echo "SKIP: the web app stopped at start-up (see $work/web.log)"; exit 0; }
  sleep 1
done
[ "$code" = 200 ] || { echo "SKIP: the web app did not answer within 180 s (see $work/web.log)"; exit 0; }

# --- an API key for the admin user, written the way ApiKeyService stores it (SHA-256 of the whole key) ---
key="jx_bench_seed${seed}_0123456789abcdefghij"
psql -d jixiao_bench -c "INSERT INTO api_keys (\"UserId\", \"Name\", \"Prefix\", \"Hash\", \"CreatedAt\")
  SELECT \"Id\", 'bench/run.sh', left('$key', 10), encode(sha256(convert_to('$key', 'UTF8')), 'hex'), now()
  FROM \"AspNetUsers\" WHERE \"UserName\" = 'admin'
  ON CONFLICT (\"Hash\") DO NOTHING" || { echo "SKIP: cannot create an API key (schema changed?)"; exit 0; }
api() { curl -s -H "X-Api-Key: $key" "$@"; }
total() { api "$base/api/v1/documents?pageSize=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).total)}catch{console.log(-1)}})'; }
have=$(total)
[ "$have" = -1 ] && { echo "SKIP: GET /api/v1/documents with the API key failed: $(api -i "$base/api/v1/documents?pageSize=1" | head -1)"; exit 0; }

# --- load the documents through POST /api/v1/imports ---
if [ "$have" -lt "$docs" ]; then
  bundles="$work/web-bundles-s$seed-n$docs"
  if [ ! -f "$bundles/.complete" ]; then
    rm -rf "$bundles"
    dotnet "$bin/gen/jixiao-gen.dll" "$bundles" --count "$docs" --seed "$seed" --format json --per-file 500 2>&1 | tail -1
    touch "$bundles/.complete"
  fi
  mkdir -p "$work/web-imported"
  # Spread the bundles over the organisations the admin sees (units of the demo region tree), round-robin.
  api "$base/api/v1/organisations" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const o=JSON.parse(s);const a=Array.isArray(o)?o:(o.items??[]);for(const x of a)console.log(x.id)})' > "$work/orgs.txt"
  [ -s "$work/orgs.txt" ] || { echo "SKIP: GET /api/v1/organisations gave no organisation to import into"; exit 0; }
  echo "organisations: $(wc -l < "$work/orgs.txt")"
  echo "$(load)   importing $docs documents in $(ls "$bundles"/*.json | wc -l) uploads of 500 …"
  start=$(date +%s.%N)
  k=0
  ls "$bundles"/*.json | while read -r f; do
    k=$((k + 1)); org=$(sed -n "$(( (k - 1) % $(wc -l < "$work/orgs.txt") + 1 ))p" "$work/orgs.txt")
    [ -f "$work/web-imported/$(basename "$f")" ] || echo "$f $org"
  done |
    xargs -P 2 -L 1 sh -c 'r=$(mktemp); code=$(curl -s -o "$r" -w "%{http_code}" -H "X-Api-Key: '"$key"'" -F "file=@$0" -F "organisationId=$1" '"$base"'/api/v1/imports); if [ "$code" = 201 ]; then touch "'"$work"'/web-imported/$(basename $0)"; else echo "upload $0 → HTTP $code: $(head -c 300 "$r")"; fi; rm -f "$r"'
  end=$(date +%s.%N)
  have=$(total)
  echo "imported: $have documents in the database; $(awk -v a="$start" -v b="$end" -v n="$docs" 'BEGIN { printf "%.0f s, %.0f documents/s (read + check + save, 2 uploads at a time)", b - a, n / (b - a) }')"
else
  echo "$have documents already in the database"
fi

# --- paths: list pages, documents, aggregations ---
api "$base/api/v1/documents?pageSize=200&page=1" > "$work/page1.json"
node -e '
const fs = require("fs"); const [work, total] = [process.argv[1], +process.argv[2]];
const pages = Math.max(1, Math.floor(total / 50));
const list = []; for (let i = 0; i < 500; i++) list.push(`/api/v1/documents?page=${1 + (i * 7919) % pages}&pageSize=50`);
fs.writeFileSync(`${work}/paths-list.txt`, list.join("\n") + "\n");
' "$work" "$have"
: > "$work/paths-view.txt"
for p in 1 17 101 211 307; do
  api "$base/api/v1/documents?pageSize=200&page=$p" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const d of JSON.parse(s).items)console.log("/api/v1/documents/"+d.id)})' >> "$work/paths-view.txt"
done
echo "view paths: $(wc -l < "$work/paths-view.txt") documents sampled"

run_wrk() { # name paths-file [rate]
  local name="$1" paths="$2" rate="${3:-}" c
  if [ -n "$rate" ]; then c=20; else c=16; fi
  out=$(WRK_PATHS="$paths" WRK_KEY="$key" WRK_RATE="$rate" WRK_CONNECTIONS="$c" wrk -t2 -c"$c" -d"${secs}s" --timeout 10s -s "$root/bench/wrk/load.lua" "$base" 2>&1 | grep RESULT)
  printf '%-26s %s   %s\n' "$name${rate:+ @${rate}/s}" "${out#RESULT }" "$(load)"
}
# Warm-up, not measured: JIT tiers, the list cache and PostgreSQL's buffers reach their steady state first, so
# that the first measured run is not the one that pays for a cold start.
for p in "$work/paths-list.txt" "$work/paths-view.txt"; do
  WRK_PATHS="$p" WRK_KEY="$key" WRK_CONNECTIONS=16 wrk -t2 -c16 -d"${BENCH_WRK_WARMUP:-10}s" --timeout 10s -s "$root/bench/wrk/load.lua" "$base" >/dev/null 2>&1
done
echo "wrk -t2, ${secs} s each after ${BENCH_WRK_WARMUP:-10} s of unmeasured warm-up per endpoint; paced runs: 20 connections aiming at 200 requests/s; flat out: 16 connections"
run_wrk "list" "$work/paths-list.txt" 200
run_wrk "view" "$work/paths-view.txt" 200
run_wrk "list" "$work/paths-list.txt"
run_wrk "view" "$work/paths-view.txt"

# --- a full region's 汇总: the province holding the most documents, the fund most of its tables are of ---
read -r agg_region agg_fund < <(psql -d jixiao_bench -F ' ' -c "
  WITH RECURSIVE under(root, id) AS (
    SELECT r.\"Id\", r.\"Id\" FROM regions r WHERE r.\"ParentId\" IN (SELECT \"Id\" FROM regions WHERE \"ParentId\" IS NULL)
    UNION ALL SELECT u.root, c.\"Id\" FROM under u JOIN regions c ON c.\"ParentId\" = u.id),
  per AS (SELECT u.root, d.\"FundName\" AS fund, count(*) AS n FROM under u JOIN organisations o ON o.\"RegionId\" = u.id
          JOIN documents d ON d.\"OrganisationId\" = o.\"Id\" WHERE d.\"Year\" = 2024 AND d.\"FundName\" IS NOT NULL GROUP BY 1, 2)
  SELECT root, fund FROM per ORDER BY (SELECT sum(n) FROM per p WHERE p.root = per.root) DESC, n DESC LIMIT 1")
if [ -z "${agg_region:-}" ]; then
  echo "aggregations: SKIP — no region with 2024 tables found"
else
  agg_name=$(psql -d jixiao_bench -c "SELECT \"Name\" FROM regions WHERE \"Id\" = $agg_region")
  fund_q=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$agg_fund")
  agg_path="/api/v1/aggregations?region=$agg_region&year=2024&fund=$fund_q"
  agg_code=$(api -o "$work/aggregation.json" -w '%{http_code}' "$base$agg_path")
  if [ "$agg_code" != 200 ]; then
    echo "aggregations: SKIP — GET $agg_path answers $agg_code: $(head -c 300 "$work/aggregation.json")"
  else
    tables=$(node -e 'const a=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(a.contributors.length+" tables, "+a.indicators.length+" indicator rows")' "$work/aggregation.json")
    echo "full-region aggregation: $agg_name (region $agg_region, all its cities and counties), 2024, fund “$agg_fund”: $tables, $(wc -c < "$work/aggregation.json") bytes of JSON"
    for i in 1 2 3 4 5; do api -o /dev/null -w '%{time_total}\n' "$base$agg_path"; done | sort -n | awk '{ a[NR] = $1 } END { printf "  median %.3f s, min %.3f s, max %.3f s over 5 requests   target: < 1 s\n", a[3], a[1], a[5] }'
    echo "  $(load)"
  fi
fi
