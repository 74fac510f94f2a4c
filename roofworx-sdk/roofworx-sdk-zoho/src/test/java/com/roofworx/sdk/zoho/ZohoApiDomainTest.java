package com.roofworx.sdk.zoho;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoApiDomainTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://www.zohoapis.com", "https://www.zohoapis.eu", "https://www.zohoapis.com.cn",
            "https://www.zohoapis.ca", "https://zohoapis.in"})
    @DisplayName("an https Zoho API host named by the token reply is used")
    void trusted(String domain) {
        assertThat(ZohoConfig.trustedApiDomain(domain)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.zohoapis.com", "https://evil.example.com", "https://zohoapis.com.evil@x.io",
            "https://www.zohoapis.com@evil.example", "https://www.zohoapis.com.evil.example", "not a uri", ""})
    @DisplayName("any other host is ignored, so a bearer token never leaves for a host Zoho did not name")
    void untrusted(String domain) {
        assertThat(ZohoConfig.trustedApiDomain(domain)).isFalse();
    }
}
