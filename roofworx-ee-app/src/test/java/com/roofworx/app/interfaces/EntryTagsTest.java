package com.roofworx.app.interfaces;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryTagsTest {

    @Test
    void answersCarryTheWeakTagAndIfMatchTakesBothForms() {
        assertThat(EntryTags.etag(3)).isEqualTo("W/\"3\"");
        assertThat(EntryTags.expectedVersion("W/\"3\"")).isEqualTo(3);
        assertThat(EntryTags.expectedVersion("\"3\"")).isEqualTo(3);
        assertThat(EntryTags.expectedVersion(" \"2147483647\" ")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aMissingIfMatchIs428NamingTheHeader() {
        for (String missing : new String[]{null, "", "  "}) {
            assertThatThrownBy(() -> EntryTags.expectedVersion(missing)).isInstanceOfSatisfying(ApiProblem.class,
                    p -> {
                        assertThat(p.status()).isEqualTo(428);
                        assertThat(p.field()).isEqualTo("If-Match");
                    });
        }
    }

    @Test
    void anythingButOneVersionTagIs400NamingHeaderAndValue() {
        for (String bad : new String[]{"3", "*", "W/3", "\"0\"", "\"-1\"", "\"+1\"", "\"01\"", "\"1\", \"2\"",
                "\"2147483648\"", "\"99999999999999999999\"", "w/\"1\"", "\"1.0\"", "W/\"\"", "\"\u0661\""}) {
            assertThatThrownBy(() -> EntryTags.expectedVersion(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.field()).isEqualTo("If-Match");
                        assertThat(p.value()).isEqualTo(bad);
                    });
        }
        String huge = "\"" + "9".repeat(5000) + "\"";
        assertThatThrownBy(() -> EntryTags.expectedVersion(huge)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.value()).hasSizeLessThan(120).endsWith("(5002 chars)"));
    }
}
