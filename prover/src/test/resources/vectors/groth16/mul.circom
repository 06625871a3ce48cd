pragma circom 2.0.0;
template M() {
  signal input a;
  signal input b;
  signal input c;
  signal output out;
  signal output out2;
  signal t;
  t <== a*b;
  out <== t*c + 3;
  out2 <== a + 2*b - 7;
}
component main {public [c]} = M();
