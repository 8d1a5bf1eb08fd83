package org.nodepoint.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.File;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A real LDAP server in the JVM (UnboundID's in-memory directory server) on 127.0.0.1, with plain
 * LDAP and StartTLS on one port and LDAPS on another, both on ephemeral ports. The TLS certificate
 * is self-signed and generated for each server; {@link #certificatePem()} returns it for the CA
 * setting. The schema is off, so that entries can carry Active Directory attributes.
 *
 * <p>Active Directory accepts a bind name of the form DOMAIN\name, which the in-memory server would
 * reject as an invalid DN. An interceptor turns {@code CORP\name} into the DN of the entry whose
 * sAMAccountName is {@code name}, and an unknown name into a DN without an entry, so that its bind fails with invalid credentials as on Active Directory.
 */
public final class TestDirectory implements AutoCloseable {
    public static final String BASE_DN = "dc=corp,dc=example";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String DOMAIN = "CORP";
    public static final String SERVICE_DN = "cn=nodepoint,ou=services," + BASE_DN;
    public static final String SERVICE_PASSWORD = "service-secret-7";
    public static final String ALICE_PASSWORD = "alice-directory-pw";
    public static final String BOB_PASSWORD = "bob-directory-pw";

    private final InMemoryDirectoryServer server;
    private final String certificatePem;

    public TestDirectory() throws Exception {
        ObjectPair<File, char[]> keyStore = SelfSignedCertificateGenerator.generateTemporarySelfSignedCertificate("CN=127.0.0.1", "PKCS12");
        this.certificatePem = pem(keyStore);
        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore.getFirst(), keyStore.getSecond(), "PKCS12", null),
                new TrustAllTrustManager());
        SSLUtil clientTls = new SSLUtil(new TrustAllTrustManager());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setSchema(null);
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("LDAP", loopback, 0, serverTls.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("LDAPS", loopback, 0, serverTls.createSSLServerSocketFactory(),
                        clientTls.createSSLSocketFactory()));
        Map<String, String> logonNames = new LinkedHashMap<>();
        logonNames.put("alice", "uid=alice," + PEOPLE_DN);
        logonNames.put("bob", "uid=bob," + PEOPLE_DN);
        config.addInMemoryOperationInterceptor(new DownLevelLogonNames(logonNames));
        this.server = new InMemoryDirectoryServer(config);
        addEntries();
        server.startListening();
    }

    private void addEntries() throws Exception {
        server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: corp");
        server.add("dn: " + PEOPLE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: uid=alice," + PEOPLE_DN, "objectClass: top", "objectClass: person", "objectClass: user", "uid: alice",
                "cn: Alice Example", "sn: Example", "sAMAccountName: alice", "mail: alice@corp.example", "userPassword: " + ALICE_PASSWORD);
        server.add("dn: uid=bob," + PEOPLE_DN, "objectClass: top", "objectClass: person", "objectClass: user", "uid: bob",
                "cn: Bob Example", "sn: Example", "sAMAccountName: bob", "userPassword: " + BOB_PASSWORD);
    }

    /** Returns the port of plain LDAP, which also accepts StartTLS. */
    public int ldapPort() {
        return server.getListenPort("LDAP");
    }

    public int ldapsPort() {
        return server.getListenPort("LDAPS");
    }

    /** Returns the server's self-signed certificate as PEM text. */
    public String certificatePem() {
        return certificatePem;
    }

    /** Stops the listeners, so that connections are refused as by a server that is down. */
    public void stop() {
        server.shutDown(true);
    }

    /** Returns the settings of Active Directory sign-in over plain LDAP: bind as CORP\name. */
    public Map<String, String> activeDirectorySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ad_server", "127.0.0.1");
        settings.put("ad_port", String.valueOf(ldapPort()));
        settings.put("ad_tls", "none");
        settings.put("ad_domain", DOMAIN);
        settings.put("ad_timeout", "3");
        return settings;
    }

    /** Returns the settings of search-then-bind sign-in over plain LDAP with the service account and (uid={user}). */
    public Map<String, String> searchSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ad_server", "127.0.0.1");
        settings.put("ad_port", String.valueOf(ldapPort()));
        settings.put("ad_tls", "none");
        settings.put("ad_timeout", "3");
        settings.put("ldap_base_dn", PEOPLE_DN);
        settings.put("ldap_user_filter", "(&(objectClass=person)(uid={user}))");
        settings.put("ldap_bind_dn", SERVICE_DN);
        settings.put("ldap_bind_pass", SERVICE_PASSWORD);
        return settings;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static String pem(ObjectPair<File, char[]> keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore.getFirst().toPath())) {
            store.load(in, keyStore.getSecond());
        }
        Certificate certificate = store.getCertificate(store.aliases().nextElement());
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** Rewrites Active Directory down-level bind names (CORP\name) into DNs of the test entries. */
    private static final class DownLevelLogonNames extends InMemoryOperationInterceptor {
        private final Map<String, String> dnByName;

        DownLevelLogonNames(Map<String, String> dnByName) {
            this.dnByName = dnByName;
        }

        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            SimpleBindRequest bind = request.getRequest();
            String prefix = DOMAIN + "\\";
            if (!bind.getBindDN().regionMatches(true, 0, prefix, 0, prefix.length())) {
                return;
            }
            String name = bind.getBindDN().substring(prefix.length()).toLowerCase(Locale.ROOT);
            String dn = dnByName.getOrDefault(name, "uid=no-such-user," + PEOPLE_DN);
            request.setRequest(new SimpleBindRequest(dn, bind.getPassword().getValue()));
        }
    }
}
