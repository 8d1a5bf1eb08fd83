package org.nodepoint.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageAssetUrlTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/static/logo.png", "/static/site.css?v=3", "https://cdn.example.com/logo.png",
            "https://CDN.Example.com:8443/a/b.css", "https://cdn.example.com/logo.png#top"})
    void allowed(String url) {
        assertThat(PageAssetUrl.isAllowed(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " javascript:alert(1)", "jaVaScRiPt:alert(1)", "data:image/svg+xml,<svg>",
            "vbscript:x", "//evil.example/logo.png", "/\\evil.example/logo.png", "\\\\evil.example\\logo.png", "logo.png",
            "default.css", "http://cdn.example.com/logo.png", "https://", "https:///logo.png", "https://user:pw@cdn.example.com/x",
            "https://[2001:db8::1]/x.png", "https://cdn.example.com/a b.png", "/static/a\"b.png", "/static/a'b.png", "/static/<x>.png",
            "https://cdn.example.com/x.png\n", "ftp://cdn.example.com/x.png"})
    void rejected(String url) {
        assertThat(PageAssetUrl.isAllowed(url)).isFalse();
    }

    @Test
    void length_is_limited() {
        assertThat(PageAssetUrl.isAllowed("/" + "a".repeat(PageAssetUrl.MAX_LENGTH - 1))).isTrue();
        assertThat(PageAssetUrl.isAllowed("/" + "a".repeat(PageAssetUrl.MAX_LENGTH))).isFalse();
    }

    @Test
    void https_origin_keeps_host_and_port_only() {
        assertThat(PageAssetUrl.httpsOrigin("https://CDN.example.com/a/b.png?x=1")).hasValue("https://cdn.example.com");
        assertThat(PageAssetUrl.httpsOrigin("https://cdn.example.com:8443/b.css")).hasValue("https://cdn.example.com:8443");
        assertThat(PageAssetUrl.httpsOrigin("/static/logo.png")).isEmpty();
        assertThat(PageAssetUrl.httpsOrigin("https://cdn.example.com;script-src *")).isEmpty();
    }
}
