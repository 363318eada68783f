package org.dangjian.identity.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token signing key (签名密钥), kept as a JWK (JSON) file so that tokens stay valid across restarts:
 * loaded when the file exists, otherwise generated (RSA 2048, key id = its RFC 7638 thumbprint) and written.
 * A file that exists but cannot be read as an RSA private key stops the start-up: replacing it silently
 * would invalidate every token issued with it.
 */
public final class SigningKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final int KEY_SIZE = 2048;

    private SigningKeyFile() {
    }

    public static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        RSAKey generated = generate();
        try {
            write(file, generated);
            log.info("Generated a new token signing key {} in {}", generated.getKeyID(), file.toAbsolutePath());
            return generated;
        } catch (FileAlreadyExistsException raced) {
            // another instance wrote it first: use theirs, so both sign with the same key
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token signing key to " + file.toAbsolutePath(), e);
        }
    }

    private static RSAKey load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key " + file.toAbsolutePath(), e);
        }
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the token signing key " + file.toAbsolutePath()
                    + " is not a JWK (JSON Web Key): " + e.getMessage()
                    + "; restore it, or delete it to generate a new key (tokens issued so far become invalid)", e);
        }
        if (!(jwk instanceof RSAKey rsaKey) || !rsaKey.isPrivate()) {
            throw new IllegalStateException("the token signing key " + file.toAbsolutePath()
                    + " must be an RSA private key (kty RSA with its private parts), but is " + jwk.getKeyType()
                    + (jwk.isPrivate() ? "" : " without private parts"));
        }
        if (rsaKey.getKeyID() != null) {
            return rsaKey;
        }
        try {
            return new RSAKey.Builder(rsaKey).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a key id for " + file.toAbsolutePath(), e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    /** Writes to a private temporary file first, so a crash never leaves half a key behind. */
    private static void write(Path file, RSAKey key) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".signing-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
