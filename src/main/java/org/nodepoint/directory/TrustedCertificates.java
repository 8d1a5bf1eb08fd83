package org.nodepoint.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the CA certificates that a directory's TLS certificate must chain to. The setting contains
 * either PEM text or the absolute path of a PEM file. PEM text may arrive on one line, because
 * nodepoint.cfg stores one line per key and a browser drops line breaks pasted into a text box,
 * so the Base64 body is read with all white space removed.
 */
public final class TrustedCertificates {
    static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    /** A PEM file larger than this is not a CA bundle that a directory needs. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    /** The setting could not be read as CA certificates. The message explains why in plain words. */
    public static final class InvalidCertificate extends Exception {
        InvalidCertificate(String message) {
            super(message);
        }
    }

    private TrustedCertificates() {
    }

    /** Reads the certificates of the setting, or throws InvalidCertificate naming what is wrong. An empty setting returns none. */
    public static List<X509Certificate> read(String setting) throws InvalidCertificate {
        String value = setting.strip();
        if (value.isEmpty()) {
            return List.of();
        }
        String pem = value.startsWith(PEM_BEGIN) ? value : readFile(value);
        return parse(pem);
    }

    /**
     * Returns a TLS context that trusts only the given certificates, or the Java runtime's trusted
     * CAs when the list is empty.
     */
    static SSLContext context(List<X509Certificate> certificates) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (certificates.isEmpty()) {
            context.init(null, null, null);
            return context;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException impossible) {
            throw new GeneralSecurityException("Failed to create an empty key store", impossible);
        }
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String readFile(String value) throws InvalidCertificate {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException invalid) {
            throw new InvalidCertificate("It is neither PEM text starting with " + PEM_BEGIN + " nor a file path.");
        }
        if (!path.isAbsolute()) {
            throw new InvalidCertificate("It is neither PEM text starting with " + PEM_BEGIN + " nor an absolute file path.");
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw new InvalidCertificate("The file " + path + " does not exist or is not a regular file.");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new InvalidCertificate("The file " + path + " is larger than 1 MiB.");
            }
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException unreadable) {
            throw new InvalidCertificate("The file " + path + " could not be read: " + unreadable.getMessage());
        }
    }

    private static List<X509Certificate> parse(String pem) throws InvalidCertificate {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(pem);
        while (block.find()) {
            certificates.add(decode(block.group(1), certificates.size() + 1));
        }
        if (certificates.isEmpty()) {
            throw new InvalidCertificate("It contains no certificate between " + PEM_BEGIN + " and -----END CERTIFICATE-----.");
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate decode(String base64, int number) throws InvalidCertificate {
        try {
            byte[] der = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException invalid) {
            throw new InvalidCertificate("Certificate " + number + " is not a valid X.509 certificate in PEM form.");
        }
    }
}
