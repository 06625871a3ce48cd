#!/usr/bin/env node
// Prints the header of a circom .r1cs file in the same "# of X: n" format as
// `snarkjs r1cs info`, without loading the constraints (snarkjs takes ~1 min
// on a 2^20-constraint file; this takes milliseconds).
// Usage: node r1cs-header.js FILE.r1cs
'use strict';
const fs = require('fs');

const file = process.argv[2];
if (!file) { console.error('usage: r1cs-header.js FILE.r1cs'); process.exit(2); }
const fd = fs.openSync(file, 'r');
const read = (pos, len) => { const b = Buffer.alloc(len); fs.readSync(fd, b, 0, len, pos); return b; };

const head = read(0, 12);
if (head.toString('latin1', 0, 4) !== 'r1cs') throw new Error(`${file}: not an r1cs file`);
const nSections = head.readUInt32LE(8);
let pos = 12;
for (let i = 0; i < nSections; i++) {
  const sh = read(pos, 12);
  const type = sh.readUInt32LE(0);
  const size = Number(sh.readBigUInt64LE(4));
  pos += 12;
  if (type === 1) {
    const fieldSize = read(pos, 4).readUInt32LE(0);
    const prime = read(pos + 4, fieldSize);
    const h = read(pos + 4 + fieldSize, 28);
    const p = BigInt('0x' + Buffer.from(prime).reverse().toString('hex'));
    const bn128 = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001n; // BN254 scalar field r
    console.log(`Curve: ${p === bn128 ? 'bn-128' : '0x' + p.toString(16)}`);
    console.log(`# of Wires: ${h.readUInt32LE(0)}`);
    console.log(`# of Constraints: ${h.readUInt32LE(24)}`);
    console.log(`# of Private Inputs: ${h.readUInt32LE(12)}`);
    console.log(`# of Public Inputs: ${h.readUInt32LE(8)}`);
    console.log(`# of Labels: ${Number(h.readBigUInt64LE(16))}`);
    console.log(`# of Outputs: ${h.readUInt32LE(4)}`);
    process.exit(0);
  }
  pos += size;
}
throw new Error(`${file}: no header section`);
