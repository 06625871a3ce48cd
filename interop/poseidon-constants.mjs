// Writes the Poseidon round constants and MDS matrices of circomlibjs (the ones circomlib's
// Poseidon circuits use) as the binary resource Verity's Poseidon reads:
//
//   node interop/poseidon-constants.mjs prover/src/main/resources/dev/verity/prover/gadgets/poseidon-bn254.bin
//
// Layout: ASCII "vpos", u32 LE number of widths (16: t = 2 .. 17), then for each t in order the
// round constants C[t-2] (t * (8 + nRoundsP) values) and the MDS matrix M[t-2] (t * t values,
// row by row), each value 32 bytes, a little-endian integer below r.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// the constants module is not among circomlibjs' exports: load it from the installed package
const lib = join(dirname(fileURLToPath(import.meta.url)), "node_modules", "circomlibjs");
const { default: constants } = await import(pathToFileURL(join(lib, "src", "poseidon_constants.js")));

const out = process.argv[2];
if (!out) {
  console.error("usage: node poseidon-constants.mjs OUTPUT.bin");
  process.exit(2);
}
const values = [];
for (let i = 0; i < constants.C.length; i++) {
  values.push(...constants.C[i], ...constants.M[i].flat());
}
const buf = Buffer.alloc(8 + 32 * values.length);
buf.write("vpos", 0, "ascii");
buf.writeUInt32LE(constants.C.length, 4);
values.forEach((v, k) => {
  let x = BigInt(v);
  for (let b = 0; b < 32; b++) {
    buf[8 + 32 * k + b] = Number(x & 0xffn);
    x >>= 8n;
  }
});
writeFileSync(out, buf);
console.log(`${constants.C.length} widths, ${values.length} values -> ${out}`);
