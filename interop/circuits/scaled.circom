pragma circom 2.0.0;

// Scalable benchmark circuit: exactly M multiplication constraints.
//
// A chain of M squarings y_{i+1} = y_i * y_i + c_i, split across many small
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
// collapse (e.g. 0 -> 0 or 1 -> 1). The offset depends only on the step
// index, NOT on the chunk number: every distinct template-parameter tuple is a
// separate template instance for circom, and thousands of instances make
// circom2's code generation extremely slow.
template Chain(K) {
    signal input in;
    signal output out;
    signal s[K + 1];
    s[0] <== in;
    for (var i = 0; i < K; i++) {
        s[i + 1] <== s[i] * s[i] + (i + 1);
    }
    out <== s[K];
}

template Scaled(M, K) {
    signal input x;      // public
    signal output y;

    var full = M \ K;
    var rest = M % K;

    if (full == 0) {
        // M < K: a single short chain.
        component only = Chain(rest);
        only.in <== x;
        y <== only.out;
    } else {
        component c[full];
        for (var j = 0; j < full; j++) {
            c[j] = Chain(K);
            if (j == 0) {
                c[j].in <== x;
            } else {
                c[j].in <== c[j - 1].out;
            }
        }
        if (rest > 0) {
            component tail = Chain(rest);
            tail.in <== c[full - 1].out;
            y <== tail.out;
        } else {
            y <== c[full - 1].out;
        }
    }
}
