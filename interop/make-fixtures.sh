#!/usr/bin/env bash
# make-fixtures.sh OUTDIR [--power P] [--fresh]
#
# Builds snarkjs/circom reference fixtures for Verity's interop tests:
# for each of multiplier, poseidon, many_public it compiles the circuit with
# circom2 (--O2), computes the witness, runs a Groth16 setup over a small
# powers-of-tau, one zkey contribution, exports the verification key, proves,
# verifies and exports Solidity calldata.
#
# Layout of OUTDIR:
#   pot<P>_0000.ptau   fresh powers of tau (bn128, power P)
#   pot<P>_0001.ptau   after one contribution (unprepared; what Verity's own
#                      phase-2 preparation should consume)
#   pot<P>_final.ptau  after `powersoftau prepare phase2`
#   <X>/<X>.r1cs <X>.sym <X>_js/ (wasm witness generator)
#   <X>/input.json <X>.wtns <X>.wtns.json r1cs_info.txt
#   <X>/<X>_0000.zkey (after setup) <X>.zkey (after 1 contribution)
#   <X>/verification_key.json proof.json public.json calldata.txt
#   manifest.json      summary (versions, power, constraint counts)
#   _src/              staged copies of the circuits and circomlib
#
# --power P: powers-of-tau size. Default: the smallest power that fits every
#            circuit (snarkjs needs 2^P >= nConstraints + nPublic + 1).
# --fresh:   regenerate the ptau files even if they exist (they are reused
#            otherwise, since `prepare phase2` is the slow step).
#
# Randomness: snarkjs mixes OS randomness into `-e` entropy, so ptau/zkey/proof
# bytes differ between runs even with fixed entropy strings; the relations
# (proof verifies, vk matches zkey) are what stays stable.
set -euo pipefail

usage() { echo "usage: $0 OUTDIR [--power P] [--fresh]" >&2; exit 2; }

[[ $# -ge 1 ]] || usage
OUT_ARG="$1"; shift
POWER=""
FRESH=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --power) [[ $# -ge 2 ]] || usage; POWER="$2"; shift 2 ;;
        --power=*) POWER="${1#--power=}"; shift ;;
        --fresh) FRESH=1; shift ;;
        *) usage ;;
    esac
done
if [[ -n "$POWER" && ! "$POWER" =~ ^[0-9]+$ ]]; then usage; fi

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

CIRCUITS=(multiplier poseidon many_public)
OUT="$(abs_dir "$OUT_ARG")"
T_START=$(now)
log "interop dir: $INTEROP_DIR"
log "output dir:  $OUT"

ensure_node_modules
stage_sources "$OUT/_src"

# ---------------------------------------------------------------- compile + witness
NEED_POWER=1
for c in "${CIRCUITS[@]}"; do
    d="$OUT/$c"
    mkdir -p "$d"
    cp "$OUT/_src/$c.input.json" "$d/input.json"
    step "$c: circom2 compile (--r1cs --wasm --sym --O2)" \
        circom_compile "$OUT" "_src/$c.circom" "$c" "_src/lib"
    STEP_STDOUT="$d/r1cs_info.txt" step "$c: snarkjs r1cs info" snarkjs r1cs info "$d/$c.r1cs"
    cat "$d/r1cs_info.txt" >&2
    step "$c: witness (generate_witness.js)" \
        node "$d/${c}_js/generate_witness.js" "$d/${c}_js/$c.wasm" "$d/input.json" "$d/$c.wtns"
    step "$c: snarkjs wtns check" snarkjs wtns check "$d/$c.r1cs" "$d/$c.wtns"
    step "$c: snarkjs wtns export json" snarkjs wtns export json "$d/$c.wtns" "$d/$c.wtns.json"

    nc=$(r1cs_field "$d/r1cs_info.txt" Constraints)
    npi=$(r1cs_field "$d/r1cs_info.txt" "Public Inputs")
    no=$(r1cs_field "$d/r1cs_info.txt" Outputs)
    rows=$((nc + npi + no + 1))
    p=0; while (( (1 << p) < rows )); do p=$((p + 1)); done
    log "$c: $nc constraints, $npi public inputs, $no outputs -> $rows rows -> needs power $p"
    if (( p > NEED_POWER )); then NEED_POWER=$p; fi
done

if [[ -z "$POWER" ]]; then
    POWER=$NEED_POWER
    log "using smallest fitting power: $POWER"
elif (( POWER < NEED_POWER )); then
    log "ERROR: --power $POWER too small; circuits need at least $NEED_POWER"
    exit 1
fi

# ---------------------------------------------------------------- powers of tau
PT0="$OUT/pot${POWER}_0000.ptau"
PT1="$OUT/pot${POWER}_0001.ptau"
PTF="$OUT/pot${POWER}_final.ptau"
if [[ $FRESH -eq 0 && -s "$PT1" && -s "$PTF" ]]; then
    log "reusing existing $PT1 and $PTF (pass --fresh to regenerate)"
else
    rm -f "$PT0" "$PT1" "$PTF"
    step "ptau: powersoftau new bn128 $POWER" snarkjs powersoftau new bn128 "$POWER" "$PT0.tmp"
    mv "$PT0.tmp" "$PT0"
    step "ptau: powersoftau contribute" \
        snarkjs powersoftau contribute "$PT0" "$PT1.tmp" --name="verity fixture contribution" \
        -e="verity fixed entropy for ptau contribution 1"
    mv "$PT1.tmp" "$PT1"
    step "ptau: powersoftau prepare phase2" snarkjs powersoftau prepare phase2 "$PT1" "$PTF.tmp"
    mv "$PTF.tmp" "$PTF"
fi

# ---------------------------------------------------------------- groth16 per circuit
for c in "${CIRCUITS[@]}"; do
    d="$OUT/$c"
    step "$c: groth16 setup" snarkjs groth16 setup "$d/$c.r1cs" "$PTF" "$d/${c}_0000.zkey"
    step "$c: zkey contribute" \
        snarkjs zkey contribute "$d/${c}_0000.zkey" "$d/$c.zkey" --name="verity fixture zkey contribution" \
        -e="verity fixed entropy for $c zkey contribution 1"
    step "$c: zkey verify" snarkjs zkey verify "$d/$c.r1cs" "$PTF" "$d/$c.zkey"
    step "$c: zkey export verificationkey" \
        snarkjs zkey export verificationkey "$d/$c.zkey" "$d/verification_key.json"
    step "$c: groth16 prove" \
        snarkjs groth16 prove "$d/$c.zkey" "$d/$c.wtns" "$d/proof.json" "$d/public.json"
    STEP_STDOUT="$d/verify.txt" step "$c: groth16 verify" \
        snarkjs groth16 verify "$d/verification_key.json" "$d/public.json" "$d/proof.json"
    cat "$d/verify.txt" >&2
    if ! grep -q "OK!" "$d/verify.txt"; then
        log "ERROR: $c: snarkjs groth16 verify did not report OK"
        exit 1
    fi
    STEP_STDOUT="$d/calldata.txt" step "$c: zkey export soliditycalldata" \
        snarkjs zkey export soliditycalldata "$d/public.json" "$d/proof.json"
done

# ---------------------------------------------------------------- manifest
node - "$OUT" "$POWER" "$INTEROP_DIR" "${CIRCUITS[@]}" <<'EOF'
const fs = require('fs'), path = require('path');
const [out, power, interop, ...circuits] = process.argv.slice(2);
const ver = (p) => require(path.join(interop, 'node_modules', p, 'package.json')).version;
const field = (txt, name) => {
  const m = txt.match(new RegExp('# of ' + name + ':\\s*(\\d+)'));
  return m ? Number(m[1]) : null;
};
const m = {
  generated: new Date().toISOString(),
  versions: { snarkjs: ver('snarkjs'), circom2: ver('circom2'), circomlib: ver('circomlib') },
  curve: 'bn128',
  power: Number(power),
  ptau: { fresh: `pot${power}_0000.ptau`, contributed: `pot${power}_0001.ptau`, prepared: `pot${power}_final.ptau` },
  circuits: {},
};
for (const c of circuits) {
  const info = fs.readFileSync(path.join(out, c, 'r1cs_info.txt'), 'utf8');
  m.circuits[c] = {
    constraints: field(info, 'Constraints'),
    wires: field(info, 'Wires'),
    privateInputs: field(info, 'Private Inputs'),
    publicInputs: field(info, 'Public Inputs'),
    outputs: field(info, 'Outputs'),
    publicSignals: JSON.parse(fs.readFileSync(path.join(out, c, 'public.json'), 'utf8')),
  };
}
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
EOF

print_summary
T_END=$(now)
log "all fixtures OK in $OUT (total $(awk -v a="$T_START" -v b="$T_END" 'BEGIN { printf "%.1f", b - a }') s)"
