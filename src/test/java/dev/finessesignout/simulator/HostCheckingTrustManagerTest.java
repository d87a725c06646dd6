package dev.finessesignout.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.X509TrustManager;

import dev.finessesignout.tls.HostCheckingTrustManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A certificate is trusted when the trust store vouches for it and it names the expected host, never on one alone. */
class HostCheckingTrustManagerTest {

    @Test
    void aTrustedCertificateMustAlsoNameTheHost() throws Exception {
        Path store = Files.createTempDirectory("host-check").resolve("trust.p12");
        new SelfSignedCertificate(List.of("127.0.0.1", "localhost", "finesse.example.com")).writeTrustStore(store, "changeit", List.of());
        X509Certificate[] chain = {certificateIn(store)};
        X509TrustManager chains = HostCheckingTrustManager.of(store, "changeit");

        for (String named : List.of("finesse.example.com", "localhost", "127.0.0.1")) {
            assertDoesNotThrow(() -> new HostCheckingTrustManager(chains, named).checkServerTrusted(chain, "RSA"),
                    named);
        }
        CertificateException otherName = assertThrows(CertificateException.class,
                () -> new HostCheckingTrustManager(chains, "other.example.com").checkServerTrusted(chain, "RSA"));
        assertTrue(otherName.getMessage().contains("does not name other.example.com"), otherName.getMessage());
    }

    @Test
    void theRightNameDoesNotMakeAnUntrustedCertificateTrusted() throws Exception {
        Path stores = Files.createTempDirectory("host-check");
        new SelfSignedCertificate(List.of("127.0.0.1", "localhost", "finesse.example.com")).writeTrustStore(stores.resolve("server.p12"),
                "changeit", List.of());
        new SelfSignedCertificate(List.of("127.0.0.1", "localhost", "finesse.example.com")).writeTrustStore(stores.resolve("other.p12"),
                "changeit", List.of());
        X509Certificate[] chain = {certificateIn(stores.resolve("server.p12"))};
        X509TrustManager otherChains = HostCheckingTrustManager.of(stores.resolve("other.p12"), "changeit");
        HostCheckingTrustManager rightName = new HostCheckingTrustManager(otherChains, "finesse.example.com");
        assertThrows(CertificateException.class, () -> rightName.checkServerTrusted(chain, "RSA"));
    }

    private static X509Certificate certificateIn(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance(store.toFile(), "changeit".toCharArray());
        return (X509Certificate) keyStore.getCertificate("finesse-simulator");
    }
}
