package org.nodepoint.legacyimport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nodepoint.config.Component;
import org.nodepoint.config.DirectorySecurity;
import org.nodepoint.config.Plugin;
import org.nodepoint.config.Settings;

/**
 * Maps the settings of a 1.x nodepoint.cfg onto ours. This version reads the same key names, so a
 * known key is copied as it is, with four exceptions. db_address and upload_folder keep the
 * values of the new data folder. smtp_pass is decrypted, because 1.x stored it RC4-encrypted with
 * enc_key (or with api_write when enc_key was empty) and then base64-encoded. A directory
 * server gets ad_tls none, the plain LDAP that 1.x spoke.
 */
final class SettingsImport {
    /** Keys whose value in the new data folder wins, because the 1.x paths point into the old installation. */
    private static final Set<String> KEPT_FROM_NEW_FOLDER = Set.of(Settings.DB_ADDRESS, Settings.UPLOAD_FOLDER);

    /** The settings to write, the 1.x keys that this version does not know, and notes for the report. */
    record Mapping(Map<String, String> values, List<String> unknownKeys, List<String> notes) {
    }

    private SettingsImport() {
    }

    static Mapping map(Map<String, String> legacy) {
        Set<String> known = knownKeys();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        legacy.forEach((key, value) -> {
            if (!known.contains(key)) {
                unknown.add(key);
            } else if (!KEPT_FROM_NEW_FOLDER.contains(key)) {
                values.put(key, value);
            }
        });
        if (legacy.getOrDefault(Settings.ADMIN_PASSWORD, "").isBlank()) {
            values.remove(Settings.ADMIN_NAME);
            values.remove(Settings.ADMIN_PASSWORD);
            notes.add("admin_pass is empty in nodepoint.cfg, so the 1.x administrator password is not imported, and an administrator that the data folder already has is kept");
        }
        String smtpPassword = legacy.getOrDefault(Settings.SMTP_PASSWORD, "");
        if (!smtpPassword.isEmpty()) {
            String key = legacy.getOrDefault(Settings.ENCRYPTION_KEY, "");
            Optional<String> clear = decrypt(smtpPassword, key.isEmpty() ? legacy.getOrDefault(Settings.API_WRITE_KEY, "") : key);
            if (clear.isPresent()) {
                values.put(Settings.SMTP_PASSWORD, clear.get());
            } else {
                values.remove(Settings.SMTP_PASSWORD);
                notes.add("smtp_pass could not be decrypted with enc_key; enter the SMTP password again on the settings page");
            }
        }
        keepPlainDirectory(legacy, values, notes);
        return new Mapping(values, unknown, notes);
    }

    /**
     * Keeps a 1.x directory sign-in working. 1.x used plain LDAP, while this version starts TLS
     * unless ad_tls is set to none, and a directory without TLS rejects the StartTLS request.
     */
    private static void keepPlainDirectory(Map<String, String> legacy, Map<String, String> values, List<String> notes) {
        if (!legacy.getOrDefault(Settings.AD_SERVER, "").isBlank() && !legacy.containsKey(Settings.AD_SECURITY)) {
            values.put(Settings.AD_SECURITY, DirectorySecurity.NONE.storedValue());
            notes.add("ad_tls is set to none, because 1.x sent directory passwords over plain LDAP;"
                    + " choose starttls or ldaps on the settings page once the directory offers TLS");
        }
    }

    /** Returns every key that this version reads: the key constants of Settings, the components and the plugins. */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field field : Settings.class.getFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException unreachable) {
                    throw new IllegalStateException("Settings." + field.getName() + " is public", unreachable);
                }
            }
        }
        Arrays.stream(Component.values()).map(Component::key).forEach(keys::add);
        Arrays.stream(Plugin.values()).map(Plugin::key).forEach(keys::add);
        return keys;
    }

    /** Decodes base64 and decrypts with RC4; empty when the text is not base64 or the result is not UTF-8 text. */
    static Optional<String> decrypt(String encoded, String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] cipherText;
        try {
            cipherText = Base64.getMimeDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        byte[] clear = rc4(key.getBytes(StandardCharsets.UTF_8), cipherText);
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(clear)).toString());
        } catch (java.nio.charset.CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    /**
     * Applies the RC4 key stream to the data; the same call encrypts and decrypts. RC4 is broken as
     * a cipher and is here only to read what 1.x wrote; nothing in this version encrypts with it.
     */
    static byte[] rc4(byte[] key, byte[] data) {
        int[] state = new int[256];
        for (int i = 0; i < 256; i++) {
            state[i] = i;
        }
        int j = 0;
        for (int i = 0; i < 256; i++) {
            j = (j + state[i] + (key[i % key.length] & 0xFF)) & 0xFF;
            swap(state, i, j);
        }
        byte[] output = new byte[data.length];
        int i = 0;
        j = 0;
        for (int index = 0; index < data.length; index++) {
            i = (i + 1) & 0xFF;
            j = (j + state[i]) & 0xFF;
            swap(state, i, j);
            output[index] = (byte) (data[index] ^ state[(state[i] + state[j]) & 0xFF]);
        }
        return output;
    }

    private static void swap(int[] state, int first, int second) {
        int kept = state[first];
        state[first] = state[second];
        state[second] = kept;
    }
}
