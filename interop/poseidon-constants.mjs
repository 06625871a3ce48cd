// Writes the Poseidon constants of circomlibjs in their optimized form (the one circomlib's
// Poseidon circuit uses: sparse partial-round matrices after neptune's optimization) as the
// binary resource Verity's Poseidon reads:
//
//   node interop/poseidon-constants.mjs prover/src/main/resources/dev/verity/prover/gadgets/poseidon-bn254.bin
//
// Layout: ASCII "vpos", u32 LE number of widths (16: t = 2 .. 17), then for each t in order:
// u32 t, u32 nRoundsP, then the arrays C (t * 8 + nRoundsP values), S ((2t - 1) * nRoundsP),
// M (t * t, row by row as circomlibjs stores it), P (t * t, likewise); each value 32 bytes, a
// little-endian integer below r.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// the constants module is not among circomlibjs' exports: load it from the installed package
const lib = join(dirname(fileURLToPath(import.meta.url)), "node_modules", "circomlibjs");
const { default: opt } = await import(pathToFileURL(join(lib, "src", "poseidon_constants_opt.js")));
const N_ROUNDS_P = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];

const out = process.argv[2];
if (!out) {
  console.error("usage: node poseidon-constants.mjs OUTPUT.bin");
  process.exit(2);
}
const chunks = [];
const header = Buffer.alloc(8);
header.write("vpos", 0, "ascii");
header.writeUInt32LE(opt.C.length, 4);
chunks.push(header);
let count = 0;
for (let w = 0; w < opt.C.length; w++) {
  const t = w + 2;
  const values = [...opt.C[w], ...opt.S[w], ...opt.M[w].flat(), ...opt.P[w].flat()];
  const expected = (t * 8 + N_ROUNDS_P[w]) + (2 * t - 1) * N_ROUNDS_P[w] + 2 * t * t;
  if (values.length !== expected) throw new Error(`t=${t}: ${values.length} values, expected ${expected}`);
  const buf = Buffer.alloc(8 + 32 * values.length);
  buf.writeUInt32LE(t, 0);
  buf.writeUInt32LE(N_ROUNDS_P[w], 4);
  values.forEach((v, k) => {
    let x = BigInt(v);
    for (let b = 0; b < 32; b++) {
      buf[8 + 32 * k + b] = Number(x & 0xffn);
      x >>= 8n;
    }
  });
  chunks.push(buf);
  count += values.length;
}
writeFileSync(out, Buffer.concat(chunks));
console.log(`${opt.C.length} widths, ${count} values -> ${out}`);
