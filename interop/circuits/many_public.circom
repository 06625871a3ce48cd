pragma circom 2.0.0;

// 16 public inputs, a few constraints each (exercises IC with many entries).
// Public signals: [out, in[0..15]] (17 total).
template ManyPublic(n) {
    signal input in[n];   // public
    signal input w;       // private
    signal output out;

    signal sq[n];
    signal t[n];
    signal acc[n + 1];

    acc[0] <== w;
    for (var i = 0; i < n; i++) {
        sq[i] <== in[i] * in[i];
        t[i] <== sq[i] * w + in[i];
        acc[i + 1] <== acc[i] * t[i];
    }
    out <== acc[n];
}

component main {public [in]} = ManyPublic(16);
