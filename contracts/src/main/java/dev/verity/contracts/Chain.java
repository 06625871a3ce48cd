package dev.verity.contracts;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

/**
 * One account on a JSON-RPC chain, through web3j: deploys bytecode, sends transactions and makes
 * calls with raw ABI data, and reports gas. Transactions are signed locally (legacy type, the
 * node's gas price); the key is held by web3j's {@link Credentials} and never printed.
 */
public final class Chain implements AutoCloseable {
    /** Osaka caps a transaction at 2^24 gas (EIP-7825). */
    private static final BigInteger TX_GAS_CAP = BigInteger.ONE.shiftLeft(24);
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern REVERT_DATA = Pattern.compile("0x((?:[0-9a-fA-F]{2})*)");

    private final HttpService service;
    private final Web3j web3j;
    private final Credentials credentials;
    private final RawTransactionManager transactions;
    private final long chainId;

    public Chain(String url, String privateKey) throws IOException {
        this(url, Credentials.create(privateKey));
    }

    public Chain(String url, Credentials credentials) throws IOException {
        this.service = new HttpService(url);
        this.web3j = Web3j.build(service);
        this.credentials = credentials;
        long chainId;
        try {
            chainId = web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            web3j.shutdown();
            throw new IOException("no JSON-RPC node answers at " + url + " (" + e.getMessage() + ")", e);
        }
        this.chainId = chainId;
        this.transactions = new RawTransactionManager(web3j, credentials, chainId);
    }

    public long chainId() {
        return chainId;
    }

    /** This account's address (0x, lowercase). */
    public String address() {
        return credentials.getAddress();
    }

    public Web3j web3j() {
        return web3j;
    }

    /** A mined transaction: its hash, the created contract if any, the gas it used, and whether it succeeded. */
    public record Receipt(String hash, String contractAddress, BigInteger gasUsed, boolean success) {
    }

    /** The outcome of an eth_call: the returned bytes, or a revert with its reason or raw data. */
    public record CallResult(byte[] returned, boolean reverted, String error) {
        /** Whether the call returned the ABI encoding of {@code true}. */
        public boolean isTrue() {
            return !reverted && returned.length == 32 && new BigInteger(1, returned).equals(BigInteger.ONE);
        }

        /** Whether the call returned the ABI encoding of {@code false}. */
        public boolean isFalse() {
            return !reverted && returned.length == 32 && new BigInteger(1, returned).signum() == 0;
        }
    }

    /** Deploys creation code (hex, with or without 0x) followed by ABI-encoded constructor arguments. */
    public Receipt deploy(String creationCode, byte[] constructorArguments) throws IOException {
        String data = strip(creationCode) + HEX.formatHex(constructorArguments);
        Receipt receipt = submit(null, data, BigInteger.ZERO, true);
        if (!receipt.success() || receipt.contractAddress() == null) {
            throw new IOException("deployment failed in transaction " + receipt.hash());
        }
        return receipt;
    }

    public Receipt deploy(String creationCode) throws IOException {
        return deploy(creationCode, new byte[0]);
    }

    /** Sends {@code data} with {@code value} wei to {@code to}; gas is estimated (a reverting call fails here). */
    public Receipt send(String to, byte[] data, BigInteger value) throws IOException {
        return submit(to, "0x" + HEX.formatHex(data), value, false);
    }

    public CallResult call(String to, byte[] data) throws IOException {
        return call(to, data, BigInteger.ZERO);
    }

    public CallResult call(String to, byte[] data, BigInteger value) throws IOException {
        Transaction tx = Transaction.createFunctionCallTransaction(address(), null, null, null, to, value,
                "0x" + HEX.formatHex(data));
        EthCall result = web3j.ethCall(tx, DefaultBlockParameterName.LATEST).send();
        if (result.hasError()) {
            return new CallResult(revertData(result.getError().getData()), true, result.getError().getMessage());
        }
        if (result.isReverted()) {
            return new CallResult(HEX.parseHex(strip(result.getValue())), true, result.getRevertReason());
        }
        return new CallResult(HEX.parseHex(strip(result.getValue())), false, null);
    }

    /** eth_estimateGas of a call: what a transaction would use, including the 21,000 base and calldata. */
    public BigInteger estimateGas(String to, byte[] data) throws IOException {
        return estimate(to, "0x" + HEX.formatHex(data), BigInteger.ZERO);
    }

    public BigInteger balance(String address) throws IOException {
        return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    /**
     * Moves a development chain's clock forward and mines a block (Hardhat's evm_increaseTime and
     * evm_mine; not available on real networks).
     */
    public void increaseTime(long seconds) throws IOException {
        new Request<>("evm_increaseTime", List.of(seconds), service, VoidResponse.class).send();
        new Request<>("evm_mine", List.of(), service, VoidResponse.class).send();
    }

    private Receipt submit(String to, String data, BigInteger value, boolean create) throws IOException {
        BigInteger gasLimit = estimate(to, data, value).multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5))
                .min(TX_GAS_CAP);
        BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
        EthSendTransaction sent = transactions.sendTransaction(gasPrice, gasLimit, to, data, value, create);
        if (sent.hasError()) {
            throw new IOException("transaction rejected: " + sent.getError().getMessage());
        }
        TransactionReceipt receipt = web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send()
                .getTransactionReceipt()
                .orElseThrow(() -> new IOException("no receipt for " + sent.getTransactionHash()
                        + " (the chain does not mine at once)"));
        return new Receipt(receipt.getTransactionHash(), receipt.getContractAddress(), receipt.getGasUsed(),
                receipt.isStatusOK());
    }

    private BigInteger estimate(String to, String data, BigInteger value) throws IOException {
        Transaction tx = Transaction.createFunctionCallTransaction(address(), null, null, null, to, value, data);
        EthEstimateGas estimate = web3j.ethEstimateGas(tx).send();
        if (estimate.hasError()) {
            throw new IOException("gas estimation failed (the call reverts?): " + estimate.getError().getMessage());
        }
        return estimate.getAmountUsed();
    }

    /**
     * The revert data of a failed call: nodes give it as a hex string, or (Hardhat) as a JSON
     * object whose "data" member holds it.
     */
    private static byte[] revertData(String data) {
        if (data == null) {
            return new byte[0];
        }
        Matcher m = REVERT_DATA.matcher(data);
        return m.find() ? HEX.parseHex(m.group(1)) : new byte[0];
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
