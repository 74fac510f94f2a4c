package com.roofworx.sdk.zoho.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoReplyTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(new ZohoReply(429, null, "12").retryAfter(NOW)).isEqualTo(Duration.ofSeconds(12));
        assertThat(new ZohoReply(429, null, "Tue, 10 Mar 2026 09:31:00 GMT").retryAfter(NOW))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(new ZohoReply(429, null, null).retryAfter(NOW)).isNull();
        assertThat(new ZohoReply(429, null, "soon").retryAfter(NOW)).isNull();
    }
}
