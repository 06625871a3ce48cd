package dev.verity.prover.zkml.onnx;

/** An ONNX model, node or op Verity cannot read or compile; the message names the node and the op. */
public final class UnsupportedModelException extends RuntimeException {
    public UnsupportedModelException(String message) {
        super(message);
    }
}
