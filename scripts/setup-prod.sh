#!/usr/bin/env bash
# Make sure the production pieces are on this machine and running: nginx (Debian's package),
# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379. Leaves running services alone;
# installs (apt-get, needs root or sudo) and starts only what is missing. Idempotent.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
apt_install() {
  echo "Installing $* (Debian packages)..."
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null \
    || { $SUDO apt-get update -q >/dev/null && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 30); do port_open "$1" && return 0; sleep 1; done
  echo "$2 did not start on port $1." >&2; return 1
}

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  apt_install nginx-light
  # The package may start a default server on port 80; we run our own nginx per stack.
  $SUDO service nginx stop >/dev/null 2>&1 || true
fi

if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql; fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version..."
  conf="/etc/postgresql/$version/main"
  # Local connections without a password (trust), as the tests and `make prod` expect.
  if ! $SUDO grep -q "^host all all 127.0.0.1/32 trust" "$conf/pg_hba.conf"; then
    $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$conf/pg_hba.conf"
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_port 5432 PostgreSQL
fi

if ! port_open 6379; then
  if ! command -v redis-server >/dev/null 2>&1; then apt_install redis-server; fi
  echo "Starting Redis..."
  $SUDO mkdir -p /var/lib/redis /var/log/redis
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/net-trials.log
  wait_port 6379 Redis
fi
