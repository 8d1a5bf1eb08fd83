package org.nodepoint.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void token_is_url_safe_and_fixed_length() {
        String token = SecretTokens.generate();

        assertThat(token).hasSize(SecretTokens.LENGTH);
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void tokens_differ() {
        assertThat(SecretTokens.generate()).isNotEqualTo(SecretTokens.generate());
    }

    @Test
    void hash_is_sha256_in_hex() {
        // The published SHA-256 test vector for "abc".
        assertThat(SecretTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
