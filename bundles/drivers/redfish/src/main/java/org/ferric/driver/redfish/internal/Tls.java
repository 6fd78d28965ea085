package org.ferric.driver.redfish.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.ferric.driver.api.InvalidParameterException;

/** The TLS trust of {@code redfish_verify_ca}: the JDK's CAs, a CA file or directory, or none. */
final class Tls {
    private Tls() {
    }

    static SSLContext context(String verifyCa) throws InvalidParameterException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if ("true".equals(verifyCa)) {
                return SSLContext.getDefault();
            }
            if ("false".equals(verifyCa)) {
                ctx.init(null, new TrustManager[] {new TrustAll()}, null);
                return ctx;
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caStore(Path.of(verifyCa)));
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidParameterException("Cannot use driver_info/redfish_verify_ca " + verifyCa + ": " + e.getMessage());
        }
    }

    private static KeyStore caStore(Path path) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).toList();
            }
        } else {
            files = List.of(path);
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int i = 0;
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                for (Certificate c : cf.generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + i++, c);
                }
            } catch (java.security.cert.CertificateException e) {
                // a directory may hold other files; a single file must be a certificate
                if (!Files.isDirectory(path)) {
                    throw e;
                }
            }
        }
        return store;
    }

    /**
     * {@code redfish_verify_ca=false}: lab BMCs with self-signed certificates. Being an extended
     * trust manager that checks nothing, it also skips the host name check.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
