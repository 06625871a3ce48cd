package dev.verity.prover.zkml.onnx;

import java.util.List;
import java.util.Map;

/**
 * The part of an ONNX model Verity reads and writes: a graph of nodes over named values, its
 * initializers (weights), its inputs and outputs. Float tensors only, plus int64 tensors for
 * shapes.
 */
public record OnnxGraph(String name, List<Node> nodes, Map<String, Tensor> initializers, List<ValueInfo> inputs,
        List<ValueInfo> outputs) {

    /** A tensor: its dims and either float data or int64 data (for shapes). */
    public record Tensor(String name, long[] dims, float[] floats, long[] int64s) {
        public long size() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /** A graph input or output: its name and dims (a dim below 1 is symbolic, like a batch size). */
    public record ValueInfo(String name, long[] dims) {
    }

    /** An attribute: one of an int, a float, ints, floats, a string or a tensor. */
    public record Attribute(String name, Long i, Float f, long[] ints, float[] floats, String s, Tensor t) {
    }

    /** A node: its operator, its input and output value names, its attributes. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs,
            Map<String, Attribute> attributes) {

        /** The node as error messages name it. */
        public String describe() {
            return "node \"" + (name.isEmpty() ? outputs.isEmpty() ? "?" : outputs.get(0) : name) + "\" (op "
                    + opType + ")";
        }

        public long intAttribute(String attribute, long fallback) {
            Attribute a = attributes.get(attribute);
            return a == null || a.i() == null ? fallback : a.i();
        }

        public float floatAttribute(String attribute, float fallback) {
            Attribute a = attributes.get(attribute);
            return a == null || a.f() == null ? fallback : a.f();
        }

        public long[] intsAttribute(String attribute, long[] fallback) {
            Attribute a = attributes.get(attribute);
            return a == null || a.ints() == null ? fallback : a.ints();
        }
    }
}
