package org.dangjian.audit.checkpoint;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit service's checkpoint signing key (检查点签名密钥): Ed25519 (RFC 8032), kept in one PEM file holding the
 * private key (PKCS#8, {@code PRIVATE KEY}) and the public key (SubjectPublicKeyInfo, {@code PUBLIC KEY}), created on
 * first start with owner-only permissions. The public key is published ({@code GET /api/audit/checkpoints/key}) so that
 * anyone verifies a checkpoint with {@code openssl pkeyutl -verify -rawin}.
 */
public final class CheckpointKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in the file, or a new one written there. */
    public static CheckpointKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(Files.readString(file, StandardCharsets.US_ASCII));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            CheckpointKey key = new CheckpointKey(pair.getPrivate(), pair.getPublic());
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "checkpoint-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + key.publicKeyPem(), StandardCharsets.US_ASCII);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a new checkpoint signing key {} in {}", key.keyId(), file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the checkpoint signing key " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    static CheckpointKey read(String pem) throws GeneralSecurityException {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher blocks = BLOCK.matcher(pem);
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            if (blocks.group(1).equals("PRIVATE KEY")) {
                privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else if (blocks.group(1).equals("PUBLIC KEY")) {
                publicKey = factory.generatePublic(new X509EncodedKeySpec(der));
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException("The checkpoint key file must hold a PRIVATE KEY and a PUBLIC KEY block (Ed25519)");
        }
        return new CheckpointKey(privateKey, publicKey);
    }

    /** The Ed25519 signature of the text's UTF-8 bytes, base64. */
    public String sign(String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    /** Whether the signature (base64) is this key's over the text. */
    public boolean verify(String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** SHA-256 of the public key's DER encoding (SubjectPublicKeyInfo), lowercase hex. */
    public String keyId() {
        return Merkle.sha256Hex(publicKey.getEncoded());
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), what {@code openssl pkeyutl -pubin} reads. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
