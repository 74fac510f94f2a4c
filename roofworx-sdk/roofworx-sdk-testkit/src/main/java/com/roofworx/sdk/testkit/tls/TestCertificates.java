package com.roofworx.sdk.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a server certificate it signed, made with the JDK's {@code keytool}
 * (no other tool needed), written as PEM files a TLS server (Redis, PostgreSQL) and a client can load:
 * {@link #caCertificate()}, {@link #serverCertificate()} and {@link #serverKey()} (PKCS#8, mode 0600).
 * The server certificate names {@code localhost} and {@code 127.0.0.1}; it is valid for two days.
 * <pre>
 * TestCertificates certs = TestCertificates.create(Files.createTempDirectory("tls-"));
 * // server: certs.serverCertificate(), certs.serverKey(); client trusts certs.caCertificate()
 * </pre>
 */
public final class TestCertificates {
    private static final String STORE_PASSWORD = "test-store-password";

    private final Path caCertificate;
    private final Path serverCertificate;
    private final Path serverKey;

    private TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {
        this.caCertificate = caCertificate;
        this.serverCertificate = serverCertificate;
        this.serverKey = serverKey;
    }

    /** Makes a CA and a server certificate for {@code localhost} / {@code 127.0.0.1} in {@code dir}. */
    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path caStore = dir.resolve("ca.p12");
            Path serverStore = dir.resolve("server.p12");
            Path csr = dir.resolve("server.csr");
            Path ca = dir.resolve("ca.pem");
            Path cert = dir.resolve("server.pem");
            Path key = dir.resolve("server.key");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=Roofworx Test CA " + System.nanoTime(), "-ext", "bc:c", "-validity", "2",
                    "-keystore", caStore.toString());
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file", ca.toString());
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "2", "-keystore", serverStore.toString());
            keytool("-certreq", "-alias", "server", "-keystore", serverStore.toString(), "-file", csr.toString());
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-infile", csr.toString(),
                    "-outfile", cert.toString(), "-validity", "2", "-ext", "san=dns:localhost,ip:127.0.0.1",
                    "-ext", "eku=serverAuth", "-ext", "ku:c=digitalSignature,keyAgreement");
            writePrivateKey(serverStore, key);
            return new TestCertificates(ca, cert, key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make test certificates in " + dir, e);
        }
    }

    /** The CA certificate (PEM): what a client trusts. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** The server certificate (PEM), signed by the CA, for {@code localhost} and {@code 127.0.0.1}. */
    public Path serverCertificate() {
        return serverCertificate;
    }

    /** The server's private key (PEM, unencrypted PKCS#8), readable by its owner only. */
    public Path serverKey() {
        return serverKey;
    }

    private static void writePrivateKey(Path store, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, STORE_PASSWORD.toCharArray());
            Key key = keys.getKey("server", STORE_PASSWORD.toCharArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.deleteIfExists(target);
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(target, pem, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not read the generated server key", e);
        }
    }

    private static void keytool(String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        // PKCS12: the key password is the store password.
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool " + args[0], e);
        }
    }
}
