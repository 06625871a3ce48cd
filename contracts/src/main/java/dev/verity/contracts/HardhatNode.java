package dev.verity.contracts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local Hardhat chain ({@code hardhat node}, chain id 31337) on a free loopback port, started
 * with the Node 22 from chain-tests' node_modules and stopped by {@link #close()}.
 */
public final class HardhatNode implements AutoCloseable {
    /** Hardhat's first well-known development account (10,000 ETH); never use it on a real network. */
    public static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public static final String DEV_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    public static final String DEV_KEY_2 = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final String url;
    private final Path log;

    private HardhatNode(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts a node and waits until it answers JSON-RPC; its output goes to {@code log}. */
    public static HardhatNode start(NodeTools tools, Path log) throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(List.of(tools.node().toString(), tools.hardhatCli().toString(), "node",
                "--hostname", "127.0.0.1", "--port", Integer.toString(port)))
                .directory(tools.chainTests().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HardhatNode node = new HardhatNode(process, "http://127.0.0.1:" + port + "/", log);
        try {
            node.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    public String url() {
        return url;
    }

    private void awaitReady() throws IOException, InterruptedException {
        // HTTP/1.1: the node does not answer the h2c upgrade request Java sends by default
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("hardhat node exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"result\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("hardhat node did not answer within " + STARTUP.toSeconds() + " s; see " + log);
    }

    /** The port is free when chosen; a race with another process makes the start fail, not hang. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
