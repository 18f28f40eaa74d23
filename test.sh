#!/usr/bin/env bash
# Runs every test on a fresh Debian 12 machine: installs what the tests need (as root), starts a private
# PostgreSQL on loopback, runs the whole solution's tests, and prints "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# --- system packages: browser, fonts, PDF and Office conversion, PostgreSQL ---
packages=(chromium fonts-noto-cjk fonts-wqy-zenhei poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui postgresql postgresql-client)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "安装测试依赖：${missing[*]}"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
  else
    echo "缺少软件包：${missing[*]}（请以 root 运行本脚本以自动安装）"
  fi
fi

# --- PostgreSQL: a private throw-away cluster on 127.0.0.1:55432 ---
pg_started=0
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PGBIN" ] && [ -z "${JIXIAO_TEST_PG:-}" ]; then
  PGROOT=$(mktemp -d); chmod 755 "$PGROOT"; PGDIR=$PGROOT/pg; PGPORT=${JIXIAO_PG_PORT:-55432}
  if [ "$(id -u)" = 0 ]; then run_pg=(runuser -u postgres --); install -d -o postgres -g postgres "$PGDIR"; else run_pg=(); mkdir -p "$PGDIR"; fi
  if "${run_pg[@]}" "$PGBIN/initdb" -D "$PGDIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
     && "${run_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR" start >/dev/null; then
    pg_started=1
    export JIXIAO_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    trap '"${run_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null 2>&1 || true' EXIT
  else
    echo "PostgreSQL 未能启动（见 $PGDIR/server.log）"
  fi
fi
export JIXIAO_CHROMIUM=${JIXIAO_CHROMIUM:-/usr/bin/chromium}

# --- build and test ---
dotnet tool restore >/dev/null 2>&1 || true
if ! dotnet build Jixiao.slnx -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi
log=$(mktemp)
dotnet test Jixiao.slnx --no-build -nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ { line=$0; gsub(",", "", line); n=split(line, a, /[ \t]+/);
      for (i=1;i<=n;i++) { if (a[i]=="Failed:") f+=a[i+1]; if (a[i]=="Passed:") p+=a[i+1]; if (a[i]=="Skipped:") s+=a[i+1] } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $rc
