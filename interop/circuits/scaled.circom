pragma circom 2.0.0;

// Scalable benchmark circuit: exactly M multiplication constraints.
//
// A chain of M squarings y_{i+1} = y_i * y_i + i, split across many small
// Chain(K) components so circom2 (WASM) compiles quickly -- it is very slow
// on a single huge signal array. All constraints are non-linear, so --O2
// eliminates none of them.
//
// No `component main` here: make-scaled.sh generates a tiny wrapper
//   component main {public [x]} = Scaled(M, K);
// Public signals: [y, x] (nPublic = 2), so snarkjs-style setups use
// M + nPublic + 1 = M + 3 rows; make-scaled.sh picks M = N - 3 so that the
// evaluation domain is exactly N (a power of two).

// K chained squarings, with a per-step constant offset so values do not
// collapse (e.g. 0 -> 0 or 1 -> 1).
template Chain(K, OFFSET) {
    signal input in;
    signal output out;
    signal s[K + 1];
    s[0] <== in;
    for (var i = 0; i < K; i++) {
        s[i + 1] <== s[i] * s[i] + (OFFSET + i);
    }
    out <== s[K];
}

template Scaled(M, K) {
    signal input x;      // public
    signal output y;

    var full = M \ K;
    var rest = M % K;

    component c[full];
    for (var j = 0; j < full; j++) {
        c[j] = Chain(K, j * K + 1);
        if (j == 0) {
            c[j].in <== x;
        } else {
            c[j].in <== c[j - 1].out;
        }
    }

    if (rest > 0) {
        component tail = Chain(rest, full * K + 1);
        tail.in <== full > 0 ? c[full - 1].out : x;
        y <== tail.out;
    } else {
        y <== c[full - 1].out;
    }
}
