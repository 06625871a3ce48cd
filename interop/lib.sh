# Shared helpers for make-fixtures.sh and make-scaled.sh (sourced, not run).
# shellcheck shell=bash

INTEROP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SNARKJS="$INTEROP_DIR/node_modules/snarkjs/build/cli.cjs"
CIRCOM="$INTEROP_DIR/node_modules/circom2/cli.js"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

now() { date +%s.%N; }

# Cumulative user+sys CPU seconds of finished children of this shell (from the
# `times` builtin; must run in the current shell, not in a $(...) subshell).
# child_cpu VARNAME
TIMES_TMP="$(mktemp)"
trap 'rm -f "$TIMES_TMP"' EXIT
child_cpu() {
    times > "$TIMES_TMP"
    printf -v "$1" '%s' "$(awk 'NR == 2 {
        t = 0
        for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] }
        printf "%.2f", t }' "$TIMES_TMP")"
}

# step "description" cmd args...  -- runs cmd, logs wall time to stderr.
# stdout of the command is sent to stderr too (so the scripts' stdout stays clean),
# unless STEP_STDOUT is set to a file name.
STEP_TIMES=()
step() {
    local desc="$1"; shift
    local t0 t1 dt c0 c1 dc
    log "START $desc"
    child_cpu c0
    t0=$(now)
    if [[ -n "${STEP_STDOUT:-}" ]]; then
        "$@" > "$STEP_STDOUT"
    else
        "$@" >&2
    fi
    t1=$(now)
    child_cpu c1
    dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    dc=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
    log "DONE  $desc (${dt} s wall, ${dc} s cpu)"
    STEP_TIMES+=("$(printf '%8.2f s wall %8.2f s cpu  %s' "$dt" "$dc" "$desc")")
}

print_summary() {
    log "==== step timings ===="
    local l
    for l in "${STEP_TIMES[@]}"; do printf '%s\n' "$l" >&2; done
}

# Install node deps if missing (idempotent: reuse existing node_modules).
ensure_node_modules() {
    if [[ -f "$SNARKJS" && -f "$CIRCOM" && -d "$INTEROP_DIR/node_modules/circomlib/circuits" ]]; then
        return 0
    fi
    log "node_modules missing or incomplete: running npm ci/install in $INTEROP_DIR"
    if [[ -f "$INTEROP_DIR/package-lock.json" ]]; then
        step "npm ci" npm --prefix "$INTEROP_DIR" ci --no-audit --no-fund
    else
        step "npm install" npm --prefix "$INTEROP_DIR" install --no-audit --no-fund
    fi
}

snarkjs() { node "$SNARKJS" "$@"; }

# circom2 (WASM/WASI) only reliably sees files *below its working directory*:
# it does not follow symlinks and '-l ../somewhere' include paths do not
# resolve reliably. So we always run it with cwd = a build dir holding copies of
# the circuit sources and of circomlib, and pass only relative, '..'-free paths.
#   circom_compile CWD REL_CIRCOM_FILE REL_OUT_DIR REL_LIB_DIR
circom_compile() {
    local dir="$1" src="$2" out="$3" lib="$4"
    mkdir -p "$dir/$out"
    (cd "$dir" && node "$CIRCOM" "$src" --r1cs --wasm --sym --O2 -o "$out" -l "$lib")
}

# stage_sources SRC_DIR: copy circuits/*.circom + inputs into SRC_DIR and
# circomlib's circuits into SRC_DIR/lib/circomlib (copied, not linked).
stage_sources() {
    local dir="$1"
    mkdir -p "$dir/lib"
    cp "$INTEROP_DIR"/circuits/*.circom "$INTEROP_DIR"/circuits/*.json "$dir/"
    if [[ ! -f "$dir/lib/circomlib/poseidon.circom" ]]; then
        rm -rf "$dir/lib/circomlib"
        cp -R "$INTEROP_DIR/node_modules/circomlib/circuits" "$dir/lib/circomlib"
    fi
}

# r1cs_field FILE FIELD  -> number from `snarkjs r1cs info` output saved in FILE
r1cs_field() { sed -n "s/.*# of $2: *\([0-9]*\).*/\1/p" "$1" | head -1; }

# abs PATH -> absolute path (dir is created)
abs_dir() { mkdir -p "$1" && (cd "$1" && pwd); }
