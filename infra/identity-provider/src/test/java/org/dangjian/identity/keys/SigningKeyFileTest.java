package org.dangjian.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyWrittenOnFirstStartIsTheKeyLoadedOnRestart() throws Exception {
        Path file = dir.resolve("data/identity/signing-key.json");

        RSAKey first = SigningKeyFile.loadOrCreate(file);
        RSAKey afterRestart = SigningKeyFile.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.size()).isEqualTo(2048);
        assertThat(afterRestart.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(afterRestart.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(afterRestart.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
    }

    @Test
    void onlyTheOwnerCanReadTheKeyFile() throws Exception {
        Path file = dir.resolve("signing-key.json");
        SigningKeyFile.loadOrCreate(file);

        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aKeyFileThatIsNotAJwkStopsTheStartInsteadOfBeingReplaced() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a JWK");
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }

    @Test
    void aKeyFileWithoutThePrivateKeyIsRefused() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without private parts");
    }

    @Test
    void aKeyWithoutKeyIdGetsAStableOneFromItsThumbprint() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, new RSAKeyGenerator(2048).generate().toJSONString());

        String kid = SigningKeyFile.loadOrCreate(file).getKeyID();

        assertThat(kid).isNotBlank().isEqualTo(SigningKeyFile.loadOrCreate(file).getKeyID());
    }
}
