#!/usr/bin/env bash
# Installs and starts a local PostgreSQL for the PostgreSQL end-to-end test, and prints the
# environment that enables it. Debian packages only; listens on 127.0.0.1.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'union_review_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE USER union_review_test WITH PASSWORD 'union_review_test'\""
su postgres -c "psql -qc 'DROP DATABASE IF EXISTS union_review_test'" >/dev/null
su postgres -c "psql -qc 'CREATE DATABASE union_review_test OWNER union_review_test'"
echo "UNION_REVIEW_TEST_POSTGRES=jdbc:postgresql://127.0.0.1:5432/union_review_test"
