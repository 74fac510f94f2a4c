package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAndSecretsTest {

    private static ZohoNotification parse(String body, String type) {
        return ZohoNotification.parse(body.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void aNotificationsApiCallbackNamesItsIdsModuleAndToken() {
        ZohoNotification n = parse("{\"server_time\":1,\"query_params\":{\"a\":{\"b\":1}},\"module\":\"Deals\","
                + "\"ids\":[\"111\",\"222\"],\"affected_fields\":[{\"111\":[\"Stage\"]}],\"operation\":\"update\","
                + "\"channel_id\":\"1000\",\"token\":\"t0k\"}", "application/json");
        assertThat(n.ids()).containsExactly("111", "222");
        assertThat(n.module()).isEqualTo("Deals");
        assertThat(n.token()).isEqualTo("t0k");
    }

    @Test
    void aWorkflowWebhookMaySendJsonOrAForm() {
        assertThat(parse("{\"id\":\"111\"}", "application/json").ids()).containsExactly("111");
        assertThat(parse("ids=111%2C222&module=Deals", "application/x-www-form-urlencoded; charset=UTF-8").ids())
                .containsExactly("111", "222");
        assertThat(parse("", null).ids()).isEmpty();
    }

    @Test
    void deepNestingAndMalformedBodiesAre400s() {
        assertThatThrownBy(() -> parse("{\"x\":" + "[".repeat(50) + "]".repeat(50) + "}", "application/json"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> parse("{\"ids\":[", "application/json")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("[]", "application/json")).isInstanceOf(ValidationException.class);
    }

    @Test
    void malformedFormsAndOneByteJsonBodiesAre400sNotCrashes() {
        assertThatThrownBy(() -> parse("a=%zz", "application/x-www-form-urlencoded"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("percent-encoding")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("a");
        assertThatThrownBy(() -> parse("%zz=1", "application/x-www-form-urlencoded"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("ids=%", "application/x-www-form-urlencoded"))
                .isInstanceOf(ValidationException.class);
        for (String body : new String[]{"0", "{", "}", "\\"}) {
            assertThatThrownBy(() -> parse(body, "application/json")).as(body)
                    .isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> ZohoNotification.parse(new byte[]{(byte) 0xFE}, "application/json"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void malformedAcceptHeadersAreRecognised() {
        assertThat(HeaderChecks.validAccept("application/json, text/*;q=0.5, */*;q=0")).isTrue();
        assertThat(HeaderChecks.validAccept("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")).isTrue();
        assertThat(HeaderChecks.validAccept("application/json;q=x")).isFalse();
        assertThat(HeaderChecks.validAccept("garbage")).isFalse();
        assertThat(HeaderChecks.validAccept("application/json;q=2")).isFalse();
        assertThat(HeaderChecks.validContentType("application/json; charset=utf-8")).isTrue();
        assertThat(HeaderChecks.validContentType("application/json; charset=\"utf-8\"")).isTrue();
        assertThat(HeaderChecks.validContentType("application/json; charset")).isFalse();
        assertThat(HeaderChecks.validContentType("json")).isFalse();
    }

    @Test
    void secretsMatchOnlyExactlyAndNeverWhenUnset() {
        assertThat(SharedSecrets.matches(Optional.of("s3cret"), "s3cret")).isTrue();
        assertThat(SharedSecrets.matches(Optional.of("s3cret"), "s3cret ")).isFalse();
        assertThat(SharedSecrets.matches(Optional.of("s3cret"), "s3cre")).isFalse();
        assertThat(SharedSecrets.matches(Optional.of("s3cret"), null)).isFalse();
        assertThat(SharedSecrets.matches(Optional.empty(), "")).isFalse();
        assertThat(SharedSecrets.bearer("Bearer abc ")).isEqualTo("abc");
        assertThat(SharedSecrets.bearer("bearer abc")).isEqualTo("abc");
        assertThat(SharedSecrets.bearer("Basic abc")).isNull();
    }
}
