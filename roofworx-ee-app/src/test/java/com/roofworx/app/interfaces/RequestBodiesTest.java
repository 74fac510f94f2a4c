package com.roofworx.app.interfaces;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document's examples are bodies the parsers accept and read as meant. */
class RequestBodiesTest {

    @Test
    void theEntryExampleIsAValidEntry() {
        var draft = EntryRequest.parse(RequestBodies.ENTRY_EXAMPLE.getBytes(StandardCharsets.UTF_8));
        assertThat(draft.projectId()).isEqualTo("1001");
        assertThat(draft.workDate()).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(draft.minutes()).isEqualTo(240);
        assertThat(draft.id()).isNotNull();
    }

    @Test
    void theNotificationExamplesNameTheirDeals() {
        assertThat(parse(RequestBodies.WEBHOOK_EXAMPLE, "application/json").ids()).containsExactly("1001", "1002");
        assertThat(parse(RequestBodies.FORM_EXAMPLE, "application/x-www-form-urlencoded").ids())
                .containsExactly("1001", "1002");
        ZohoNotification callback = parse(RequestBodies.NOTIFICATION_EXAMPLE, "application/json");
        assertThat(callback.ids()).isEqualTo(List.of("1001"));
        assertThat(callback.module()).isEqualTo("Deals");
        assertThat(callback.token()).isEqualTo("the-channel-token");
    }

    private static ZohoNotification parse(String body, String contentType) {
        return ZohoNotification.parse(body.getBytes(StandardCharsets.UTF_8), contentType);
    }
}
