package com.clientvalue.audit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs checkpoints. It lives in a file outside the database
 * (audit.signing-key-file, PKCS#8 PEM, readable by the service's user only), so that a database
 * administrator who rewrites the audit cannot sign a checkpoint for it. The first start creates it
 * and writes the public key beside it ({@code .pub.pem}): what auditors keep and verify with.
 */
@Singleton
public class AuditKey {
    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    AuditKey(@Value("${audit.signing-key-file:.data/audit-signing-key.pem}") String file) {
        Path path = Path.of(file);
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(path))));
            Path publicFile = publicFile(path);
            if (!Files.exists(publicFile)) {
                throw new IllegalStateException("the public key " + publicFile + " of the audit signing key is missing");
            }
            publicKey = publicKey(Files.readString(publicFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key " + path + " is not an Ed25519 key in PKCS#8 PEM", e);
        }
    }

    private static void create(Path path) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, "");
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("Cannot restrict the permissions of {} on this file system", path);
        }
        Files.writeString(path, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile(path), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LOG.info("Created the audit signing key {} (public key {}: give it to the auditors)", path.toAbsolutePath(),
                publicFile(path).toAbsolutePath());
    }

    static Path publicFile(Path privateFile) {
        return privateFile.resolveSibling(privateFile.getFileName().toString().replaceFirst("\\.pem$", "") + ".pub.pem");
    }

    /** Signs these bytes; the signature in base64. */
    String sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** SHA-256 (hex) of the public key's encoding: names the key in each checkpoint. */
    public String keyId() {
        return keyId(publicKey);
    }

    static String keyId(PublicKey key) {
        return java.util.HexFormat.of().formatHex(sha256(key.getEncoded()));
    }

    /** Reads a PEM public key, as the standalone verifier does with the auditors' copy. */
    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(pem)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
