#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root) and for CI:
#   scripts/dev.sh demo   install what is missing, build, run boundwise on examples/
#   scripts/dev.sh test   install what is missing, build (warnings as errors), run every test,
#                         then the runtime's tests under ASan+UBSan and under TSan
#   scripts/dev.sh setup  only install what is missing
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BOUNDWISE_BUILD_DIR:-$ROOT/build}
JOBS=${BOUNDWISE_JOBS:-$(nproc)}

PACKAGES=(
  cmake ninja-build g++ python3 git
  llvm-19-dev libclang-19-dev clang-19 clang-tidy-19 clang-tools-19 llvm-19-tools libclang-common-19-dev
  libomp-19-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libtbb-dev libboost-dev libuv1-dev libcereal-dev libcurl4-openssl-dev liburing-dev
  nodejs npm
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

setup() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    # npm may come from another source (NodeSource ships it inside nodejs).
    if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Microsoft's SARIF validator, for the SARIF conformance test.
  if [ ! -x tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool ]; then
    log "installing the SARIF validator (npm)"
    (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error) || log "warning: SARIF validator unavailable; its test will be skipped"
  fi
}

configure_and_build() {
  local dir=$1; shift
  cmake -S "$ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$JOBS"
}

demo() {
  setup
  log "building"
  configure_and_build "$BUILD/release" -DCMAKE_BUILD_TYPE=RelWithDebInfo
  log "boundwise classify -p build/release examples/*.cpp"
  "$BUILD/release/bin/boundwise" classify --quiet -p "$BUILD/release" examples/*.cpp
  log "boundwise check -p build/release examples/*.cpp"
  "$BUILD/release/bin/boundwise" check --quiet -p "$BUILD/release" examples/*.cpp || true
}

run_tests() {
  setup
  log "building (warnings as errors)"
  configure_and_build "$BUILD/release" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBOUNDWISE_WERROR=ON -DBOUNDWISE_BUILD_BENCHMARKS=ON
  log "ctest"
  (cd "$BUILD/release" && ctest --output-on-failure -j "$JOBS")
  log "runtime tests under ASan+UBSan"
  configure_and_build "$BUILD/asan" -DCMAKE_BUILD_TYPE=Debug -DBOUNDWISE_BUILD_ANALYZER=OFF -DBOUNDWISE_BUILD_EXAMPLES=OFF -DBOUNDWISE_SANITIZE=address,undefined -DBOUNDWISE_WERROR=ON
  (cd "$BUILD/asan" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j "$JOBS" -L runtime)
  log "runtime tests under TSan"
  configure_and_build "$BUILD/tsan" -DCMAKE_BUILD_TYPE=Debug -DBOUNDWISE_BUILD_ANALYZER=OFF -DBOUNDWISE_BUILD_EXAMPLES=OFF -DBOUNDWISE_SANITIZE=thread -DBOUNDWISE_WERROR=ON
  (cd "$BUILD/tsan" && TSAN_OPTIONS="halt_on_error=1 suppressions=$ROOT/tests/runtime/tsan.supp" ctest --output-on-failure -j "$JOBS" -L runtime)
}

case "${1:-}" in
  setup) setup ;;
  demo) demo ;;
  test) run_tests ;;
  *) echo "usage: scripts/dev.sh setup|demo|test" >&2; exit 2 ;;
esac
