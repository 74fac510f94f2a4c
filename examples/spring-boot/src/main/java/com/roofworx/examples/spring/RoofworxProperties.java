package com.roofworx.examples.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The example's settings ({@code roofworx.*} in application.yml or the environment). The DataSource is Spring
 * Boot's own ({@code spring.datasource.*}, a HikariCP pool).
 *
 * @param redisUri  the Redis the project cache and the hot store use ({@code redis://} or {@code rediss://})
 * @param keyPrefix prefix of every Redis key the SDK writes
 * @param sync      the sync's pacing
 * @param zoho      the Zoho CRM connection
 */
@ConfigurationProperties("roofworx")
public record RoofworxProperties(@DefaultValue("redis://localhost:6379") String redisUri,
                                 @DefaultValue("roofworx:") String keyPrefix,
                                 @DefaultValue Sync sync,
                                 Zoho zoho) {

    /**
     * @param interval   how often the background sync runs
     * @param coldLinger how long Zoho writes wait to fill a batch
     * @param threads    threads of the scheduler the sync runs on
     */
    public record Sync(@DefaultValue("5s") Duration interval, @DefaultValue("30s") Duration coldLinger,
                       @DefaultValue("2") int threads) {
    }

    /**
     * @param dataCenter   US, EU, IN, AU, JP, CN, SA or CA
     * @param baseUrl      one base URL for tokens and API calls, instead of the data center's (the simulator)
     * @param clientId     the self-client's id
     * @param clientSecret the self-client's secret
     * @param refreshToken the grant's refresh token
     */
    public record Zoho(@DefaultValue("US") String dataCenter, String baseUrl, String clientId, String clientSecret,
                       String refreshToken) {

        @Override
        public String toString() {
            return "Zoho[dataCenter=" + dataCenter + ", baseUrl=" + baseUrl + ", clientId=" + clientId + "]";
        }
    }
}
