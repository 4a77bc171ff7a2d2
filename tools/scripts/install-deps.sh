#!/usr/bin/env bash
# Installs the Debian packages mskc builds and tests with (idempotent; needs root or sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  antlr4 libantlr4-runtime-dev default-jre-headless
  llvm-19-dev
  clang-19 libclang-rt-19-dev  # sanitizer and fuzz builds (tools/scripts/sanitize.sh, fuzz.sh)
  libfmt-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libedit-dev libsqlite3-dev
  libyaml-cpp-dev
  postgresql-15 libpq-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
