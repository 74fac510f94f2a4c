package com.roofworx.sdk.zoho;

import com.roofworx.sdk.ValidationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZohoConfigTest {

    private static ZohoConfig.Builder valid() {
        return ZohoConfig.builder().clientId("1000.ABC").clientSecret("s3cret-value").refreshToken("1000.refresh-value");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ZohoConfig config = valid().build();
        assertThat(config.dataCenter()).isEqualTo(ZohoDataCenter.US);
        assertThat(config.accountsUrl()).isEqualTo(URI.create("https://accounts.zoho.com"));
        assertThat(config.apiUrl(null)).isEqualTo(URI.create("https://www.zohoapis.com"));
        assertThat(config.dealsModule()).isEqualTo("Deals");
        assertThat(config.assignmentsModule()).isEqualTo("Project_Assignments");
        assertThat(config.timeEntriesModule()).isEqualTo("Time_Entries");
        assertThat(config.fields().entryExternalId()).isEqualTo("Entry_UUID");
        assertThat(config.activeStages()).containsExactly("Closed Won");
        assertThat(config.connectTimeout()).isEqualTo(ZohoConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.readTimeout()).isEqualTo(ZohoConfig.DEFAULT_READ_TIMEOUT);
    }

    @Test
    void theTokensApiDomainWinsUnlessAnOverrideIsSet() {
        ZohoConfig eu = valid().dataCenter(ZohoDataCenter.EU).build();
        assertThat(eu.accountsUrl()).isEqualTo(URI.create("https://accounts.zoho.eu"));
        assertThat(eu.apiUrl("https://www.zohoapis.eu")).isEqualTo(URI.create("https://www.zohoapis.eu"));
        assertThat(ZohoDataCenter.CA.accountsUrl()).isEqualTo(URI.create("https://accounts.zohocloud.ca"));

        ZohoConfig simulated = valid().baseUrlOverride("http://127.0.0.1:8099").build();
        assertThat(simulated.accountsUrl()).isEqualTo(URI.create("http://127.0.0.1:8099"));
        assertThat(simulated.apiUrl("https://www.zohoapis.com")).isEqualTo(URI.create("http://127.0.0.1:8099"));
    }

    @Test
    void secretsNeverShowInToStringOrTheCacheKey() {
        ZohoConfig config = valid().build();
        assertThat(config.toString()).contains("1000.ABC").doesNotContain("s3cret-value").doesNotContain("refresh-value");
        assertThat(config.tokenCacheKey()).startsWith("zoho-token:1000.ABC:").doesNotContain("refresh-value");
        assertThat(valid().refreshToken("1000.other").build().tokenCacheKey()).isNotEqualTo(config.tokenCacheKey());
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> valid().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class).hasMessage("readTimeout must be > 0 but was PT-1S");
        assertThatThrownBy(() -> valid().timeEntriesModule("Time Entries"))
                .hasMessageContaining("timeEntriesModule").hasMessageContaining("Time Entries");
        assertThatThrownBy(() -> valid().baseUrlOverride("ftp://x")).hasMessageContaining("baseUrlOverride");
        assertThatThrownBy(() -> valid().activeStages(Set.of())).hasMessageContaining("activeStages");
        assertThatThrownBy(() -> ZohoFields.builder().entryExternalId("Entry-UUID"))
                .hasMessageContaining("fields.entryExternalId").hasMessageContaining("Entry-UUID");
        assertThatThrownBy(() -> valid().tokenRefreshMargin(Duration.ofHours(1)))
                .hasMessageContaining("tokenRefreshMargin");
    }

    @Test
    void aBlankSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> valid().clientSecret(" ")).hasMessageContaining("clientSecret must not be blank");
        assertThatThrownBy(() -> ZohoConfig.builder().clientId("1000.ABC").clientSecret("x").build())
                .hasMessage("refreshToken must be set but was null");
    }
}
