package dev.verity.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verity.prover.io.SnarkjsJson;
import dev.verity.prover.io.SnarkjsJson.VerificationKey;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated source against snarkjs' files: its constants are the key of snarkjs'
 * verification_key.json in the precompile's word order. (That the contract accepts and rejects
 * the right proofs is tested on a real chain in chain-tests.)
 */
class SolidityVerifierTest {
    private static final Pattern CONSTANT = Pattern.compile("uint256 internal constant (\\w+) = (\\w+);");

    @Test
    void constantsAreSnarkjsKeyInPrecompileOrder() throws Exception {
        VerificationKey vk = VerificationKeyFiles.read(Fixture.path("many_public.zkey"));
        String source = SolidityVerifier.source(vk);
        JsonNode json = new ObjectMapper().readTree(Files.readString(Fixture.path("many_public.vkey.json")));
        java.util.Map<String, String> constants = constants(source);

        assertEquals(json.at("/vk_alpha_1/0").asText(), constants.get("ALPHA_X"));
        assertEquals(json.at("/vk_alpha_1/1").asText(), constants.get("ALPHA_Y"));
        for (String[] g2 : new String[][] {{"BETA", "vk_beta_2"}, {"GAMMA", "vk_gamma_2"}, {"DELTA", "vk_delta_2"}}) {
            // snarkjs' JSON has [re, im]; the precompile takes im first
            assertEquals(json.at("/" + g2[1] + "/0/1").asText(), constants.get(g2[0] + "_X_IM"));
            assertEquals(json.at("/" + g2[1] + "/0/0").asText(), constants.get(g2[0] + "_X_RE"));
            assertEquals(json.at("/" + g2[1] + "/1/1").asText(), constants.get(g2[0] + "_Y_IM"));
            assertEquals(json.at("/" + g2[1] + "/1/0").asText(), constants.get(g2[0] + "_Y_RE"));
        }
        assertEquals(17, json.get("nPublic").asInt());
        for (int i = 0; i <= 17; i++) {
            assertEquals(json.at("/IC/" + i + "/0").asText(), constants.get("IC" + i + "_X"));
            assertEquals(json.at("/IC/" + i + "/1").asText(), constants.get("IC" + i + "_Y"));
        }
        assertEquals("17", constants.get("N_PUBLIC"));
        assertEquals("544", constants.get("INPUT_BYTES"));
        assertEquals("21888242871839275222246405745257275088548364400416034343698204186575808495617", constants.get("R"));
        assertEquals("21888242871839275222246405745257275088696311157297823662689037894645226208583", constants.get("P"));
        assertTrue(source.contains("uint256[17] calldata input"));
        assertTrue(source.contains("function verifyBatch(uint256[8][] calldata proofs, uint256[17][] calldata inputs)"));
    }

    @Test
    void keyHashIsKeccakOfTheKeyWordsInDeclarationOrder() throws Exception {
        String source = SolidityVerifier.source(VerificationKeyFiles.read(Fixture.path("multiplier.zkey")));
        java.util.Map<String, String> constants = constants(source);
        List<String> names = List.of("ALPHA_X", "ALPHA_Y", "BETA_X_IM", "BETA_X_RE", "BETA_Y_IM", "BETA_Y_RE",
                "GAMMA_X_IM", "GAMMA_X_RE", "GAMMA_Y_IM", "GAMMA_Y_RE", "DELTA_X_IM", "DELTA_X_RE", "DELTA_Y_IM",
                "DELTA_Y_RE", "IC0_X", "IC0_Y", "IC1_X", "IC1_Y", "IC2_X", "IC2_Y");
        List<BigInteger> words = new ArrayList<>();
        for (String name : names) {
            words.add(new BigInteger(constants.get(name)));
        }
        String expected = "0x" + HexFormat.of().formatHex(Keccak.hash(Words.bytes(words)));
        assertEquals(expected, constants.get("VK_HASH"));
    }

    @Test
    void zkeyAndSnarkjsJsonGiveTheSameVerifier() throws Exception {
        String fromZkey = SolidityVerifier.source(VerificationKeyFiles.read(Fixture.path("many_public.zkey")));
        String fromJson = SolidityVerifier.source(VerificationKeyFiles.read(Fixture.path("many_public.vkey.json")));
        assertEquals(fromZkey, fromJson);
    }

    @Test
    void keyWithoutPublicInputsIsRefused() throws Exception {
        VerificationKey vk = SnarkjsJson.readVerificationKey(Fixture.path("multiplier.vkey.json"));
        VerificationKey none = new VerificationKey(0, vk.alpha1(), vk.beta2(), vk.gamma2(), vk.delta2(),
                java.util.Arrays.copyOf(vk.ic(), 8), vk.alphaBeta12());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolidityVerifier.source(none));
        assertTrue(e.getMessage().contains("no public inputs"));
    }

    private static java.util.Map<String, String> constants(String source) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        Matcher m = CONSTANT.matcher(source);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
