// Prints ffjavascript's BN254 pairing values as snarkjs writes vk_alphabeta_12 (Gt.toObject nesting).
import { buildBn128, utils } from "ffjavascript";

const curve = await buildBn128(true);
const { G1, G2, Gt } = curve;
const show = (o) => utils.stringifyBigInts(o);
const cases = [[1, 1], [3, 5], [15, 1], [1, 15], [123456789, 987654321]];
const out = [];
for (const [a, b] of cases) {
    const p = G1.timesScalar(G1.g, a);
    const q = G2.timesScalar(G2.g, b);
    out.push({ a: String(a), b: String(b),
        g1: show(G1.toObject(G1.toAffine(p))).slice(0, 2),
        g2: show(G2.toObject(G2.toAffine(q))).slice(0, 2),
        pairing: show(Gt.toObject(curve.pairing(p, q))) });
}
console.log(JSON.stringify(out, null, 1));
await curve.terminate();
