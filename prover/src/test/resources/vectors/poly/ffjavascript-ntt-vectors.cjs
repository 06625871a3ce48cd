// Prints the NTT / Groth16-quotient test vectors used by dev.verity.prover.poly tests, computed by
// ffjavascript itself (the library snarkjs 0.7.6 proves with).
//
// Regenerate (needs network once for npm):
//   mkdir -p /tmp/ffjs && cd /tmp/ffjs && npm init -y && npm install ffjavascript@0.3.1
//   node <repo>/prover/src/test/resources/vectors/poly/ffjavascript-ntt-vectors.cjs \
//       > <repo>/prover/src/test/resources/vectors/poly/ffjavascript-ntt-vectors.json
//
// Field values are decimal strings of canonical (non-Montgomery) integers.
// Pseudo-random inputs: element i of stream LABEL is SHA-256("LABEL:i") read big-endian, mod r.
// Digests: SHA-256 over the elements' 32-byte little-endian canonical encodings, in order.
"use strict";
const { createRequire } = require("module");
const crypto = require("crypto");
const requireFromCwd = createRequire(process.cwd() + "/");
const { buildBn128 } = requireFromCwd("ffjavascript");
const path = require("path");
const fs = require("fs");
const ffjsVersion = JSON.parse(fs.readFileSync(
    path.join(process.cwd(), "node_modules", "ffjavascript", "package.json"), "utf8")).version;

async function main() {
    const curve = await buildBn128(true);
    const Fr = curve.Fr;
    const r = Fr.p;

    const stream = (label, n) => {
        const out = [];
        for (let i = 0; i < n; i++) {
            const h = crypto.createHash("sha256").update(`${label}:${i}`).digest("hex");
            out.push(BigInt("0x" + h) % r);
        }
        return out;
    };
    const toBuff = (values) => {
        const buff = new Uint8Array(values.length * Fr.n8);
        values.forEach((v, i) => buff.set(Fr.e(v), i * Fr.n8));
        return buff;
    };
    const fromBuff = (buff) => {
        const out = [];
        for (let i = 0; i < buff.byteLength / Fr.n8; i++) {
            out.push(Fr.toObject(buff.slice(i * Fr.n8, (i + 1) * Fr.n8)));
        }
        return out;
    };
    const digest = (values) => {
        const h = crypto.createHash("sha256");
        for (const v of values) {
            const le = Buffer.alloc(32);
            let x = v;
            for (let b = 0; b < 32; b++) { le[b] = Number(x & 0xffn); x >>= 8n; }
            h.update(le);
        }
        return h.digest("hex");
    };
    const dec = (values) => values.map((v) => v.toString());

    // The sequence of calls of snarkjs src/groth16_prove.js for one of A, B, C, and the join.
    const power2Inc = (power) => (power == Fr.s ? Fr.shift : Fr.w[power + 1]);
    const oddCoset = async (values, power) => {
        const coeffs = await Fr.ifft(toBuff(values), "", "");
        const shifted = await Fr.batchApplyKey(coeffs, Fr.e(1), power2Inc(power));
        return await Fr.fft(shifted, "", "");
    };
    const quotient = async (a, b, c, power) => {
        const aOdd = fromBuff(await oddCoset(a, power));
        const bOdd = fromBuff(await oddCoset(b, power));
        const cOdd = fromBuff(await oddCoset(c, power));
        return aOdd.map((x, i) => Fr.toObject(Fr.sub(Fr.mul(Fr.e(x), Fr.e(bOdd[i])), Fr.e(cOdd[i]))));
    };

    const out = {
        generator: "ffjavascript-ntt-vectors.cjs",
        ffjavascript: ffjsVersion,
        s: Fr.s,
        nqr: Fr.toObject(Fr.nqr).toString(),
        shift: Fr.toObject(Fr.shift).toString(),
        shiftInv: Fr.toObject(Fr.shiftInv).toString(),
        roots: Fr.w.map((w) => Fr.toObject(w).toString()),
        ntt: [],
        nttDigests: [],
        quotient: [],
        quotientDigests: [],
    };

    for (let log2n = 0; log2n <= 5; log2n++) {
        const input = stream(`ntt${log2n}`, 1 << log2n);
        out.ntt.push({
            log2n,
            input: dec(input),
            fft: dec(fromBuff(await Fr.fft(toBuff(input), "", ""))),
            ifft: dec(fromBuff(await Fr.ifft(toBuff(input), "", ""))),
        });
    }
    // Large enough that ffjavascript splits the transform into chunks and joins them.
    for (const log2n of [15]) {
        const label = `ntt${log2n}`;
        const input = stream(label, 1 << log2n);
        out.nttDigests.push({
            log2n,
            label,
            fft: digest(fromBuff(await Fr.fft(toBuff(input), "", ""))),
            ifft: digest(fromBuff(await Fr.ifft(toBuff(input), "", ""))),
        });
    }
    for (const log2n of [0, 1, 3, 4]) {
        const n = 1 << log2n;
        const a = stream(`qa${log2n}`, n), b = stream(`qb${log2n}`, n), c = stream(`qc${log2n}`, n);
        out.quotient.push({
            log2n,
            a: dec(a),
            b: dec(b),
            c: dec(c),
            h: dec(await quotient(a, b, c, log2n)),
        });
    }
    for (const log2n of [15]) {
        const n = 1 << log2n;
        const a = stream(`qa${log2n}`, n), b = stream(`qb${log2n}`, n), c = stream(`qc${log2n}`, n);
        out.quotientDigests.push({
            log2n,
            labels: [`qa${log2n}`, `qb${log2n}`, `qc${log2n}`],
            h: digest(await quotient(a, b, c, log2n)),
        });
    }
    process.stdout.write(JSON.stringify(out, null, 1) + "\n");
    await curve.terminate();
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
