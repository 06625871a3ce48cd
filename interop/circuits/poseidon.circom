pragma circom 2.0.0;

include "circomlib/poseidon.circom";

// circomlib Poseidon(2) over two private inputs, plus a public input x
// passed through a squaring constraint.
// Public signals: [hash, xsq, x].
template PoseidonTest() {
    signal input a;      // private
    signal input b;      // private
    signal input x;      // public
    signal output hash;
    signal output xsq;

    component h = Poseidon(2);
    h.inputs[0] <== a;
    h.inputs[1] <== b;
    hash <== h.out;

    xsq <== x * x;
}

component main {public [x]} = PoseidonTest();
