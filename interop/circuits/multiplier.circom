pragma circom 2.0.0;

// Tiny circuit: c = a * b, with a public and b private.
// Public signals (snarkjs order: outputs first, then public inputs): [c, a].
template Multiplier() {
    signal input a;
    signal input b;
    signal output c;
    c <== a * b;
}

component main {public [a]} = Multiplier();
