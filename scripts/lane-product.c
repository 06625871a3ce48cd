/*
 * Hand-run floor for the Java lane product (FieldLanes.montgomery): the same CIOS Montgomery
 * product on nine 29-bit limbs, eight BN254 Fp elements per AVX-512 register, in C intrinsics.
 * Prints ns per element product; checks one product against a value computed with Python first.
 *
 *   gcc -O3 -mavx512f -o /tmp/lane-product scripts/lane-product.c && /tmp/lane-product
 *
 * Compare with `java --add-modules jdk.incubator.vector -cp prover/target/classes:prover/target/test-classes
 * dev.verity.prover.field.FieldLanesThroughput` run right before or after (the host is noisy).
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define LIMBS 9
#define BITS 29
static const uint64_t Q[LIMBS] = {0x187cfd47, 0x10460b6, 0x1c72a34f, 0x2d522d0, 0x1585d978,
                                  0x2db40c0, 0xa6e141, 0xe5c2634, 0x30644e};
static const uint64_t Q_INV = 0x4866389; /* -q^-1 mod 2^29 */

/* r = a b / 2^261 mod q (in [0, 2q)), lane by lane; r may alias b */
static inline void mont(const __m512i *a, const __m512i *b, __m512i *r) {
    const __m512i mask = _mm512_set1_epi64((1ULL << BITS) - 1), qInv = _mm512_set1_epi64(Q_INV);
    __m512i t[LIMBS];
    for (int j = 0; j < LIMBS; j++) t[j] = _mm512_setzero_si512();
    for (int i = 0; i < LIMBS; i++) {
        __m512i bi = b[i];
        for (int j = 0; j < LIMBS; j++) t[j] = _mm512_add_epi64(t[j], _mm512_mul_epu32(a[j], bi));
        __m512i m = _mm512_and_si512(_mm512_mul_epu32(t[0], qInv), mask);
        for (int j = 0; j < LIMBS; j++) t[j] = _mm512_add_epi64(t[j], _mm512_mul_epu32(m, _mm512_set1_epi64(Q[j])));
        __m512i carry = _mm512_srli_epi64(t[0], BITS);
        for (int j = 0; j < LIMBS - 1; j++) t[j] = t[j + 1];
        t[LIMBS - 1] = _mm512_setzero_si512();
        t[0] = _mm512_add_epi64(t[0], carry);
    }
    for (int j = 1; j < LIMBS; j++) t[j] = _mm512_add_epi64(t[j], _mm512_srli_epi64(t[j - 1], BITS));
    for (int j = 0; j < LIMBS - 1; j++) r[j] = _mm512_and_si512(t[j], mask);
    r[LIMBS - 1] = t[LIMBS - 1];
}

static void limbs(const char *hex, __m512i *out) {
    unsigned __int128 acc = 0;
    uint64_t v[LIMBS] = {0};
    int bit = 0, j = 0, n = 0;
    while (hex[n]) n++;
    for (int k = n - 1; k >= 0; k--) {
        char c = hex[k];
        uint64_t d = c <= '9' ? c - '0' : c - 'a' + 10;
        acc |= (unsigned __int128) d << bit;
        bit += 4;
        while (bit >= BITS && j < LIMBS) { v[j++] = (uint64_t) acc & ((1ULL << BITS) - 1); acc >>= BITS; bit -= BITS; }
    }
    if (j < LIMBS) v[j] = (uint64_t) acc;
    for (int i = 0; i < LIMBS; i++) out[i] = _mm512_set1_epi64(v[i]);
}

int main(void) {
    static __m512i a[128][LIMBS], b[128][LIMBS];
    __m512i x[LIMBS], y[LIMBS], want[LIMBS];
    limbs("661efdf2e3b19f7c045f15", x);
    limbs("330f7f01403f94edb1812b1", y);
    limbs("16bd6769ff9fbe67c647a9bcca6229242e164b89601f782ed39df40fa3201e24", want);
    mont(x, y, y);
    for (int j = 0; j < LIMBS; j++) {
        if (_mm512_cmpneq_epi64_mask(y[j], want[j])) { printf("wrong product\n"); return 1; }
    }
    for (int k = 0; k < 128; k++)
        for (int j = 0; j < LIMBS; j++) {
            a[k][j] = _mm512_set1_epi64((k * 7919 + j * 104729) & ((1 << BITS) - 1));
            b[k][j] = _mm512_set1_epi64((k * 15485863 + j * 31) & ((1 << BITS) - 1));
        }
    for (int run = 0; run < 6; run++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rounds = 20000;
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < 128; k++) mont(a[k], b[k], b[k]);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ns = (t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec);
        printf("run %d: %.2f ns per element product\n", run, ns / rounds / 128 / 8);
    }
    printf("checksum %lld\n", (long long) _mm512_reduce_add_epi64(b[3][2])); /* keeps the products live */
    return 0;
}
