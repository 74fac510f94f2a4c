package com.roofworx.examples.spring;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.micrometer.RoofworxMeters;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisAdapterConfig;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoCrm;
import com.roofworx.sdk.zoho.ZohoDataCenter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import javax.sql.DataSource;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the SDK from Spring's beans: Boot's DataSource (HikariCP) for PostgreSQL, a Lettuce connection for
 * Redis, the Zoho adapter, the background sync on a Spring {@link ThreadPoolTaskScheduler}, and the metrics in
 * Boot's Micrometer registry. Spring closes everything in reverse order on shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class RoofworxWiring {

    /** The scheduler the sync runs on: Spring manages its threads and shuts it down last. */
    @Bean
    ThreadPoolTaskScheduler roofworxScheduler(RoofworxProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(properties.sync().threads());
        scheduler.setThreadNamePrefix("roofworx-sync-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        return scheduler;
    }

    @Bean(destroyMethod = "close")
    RedisAdapter roofworxRedis(RoofworxProperties properties) {
        return RedisAdapter.connect(properties.redisUri(),
                RedisAdapterConfig.builder().keyPrefix(properties.keyPrefix()).build());
    }

    @Bean(destroyMethod = "close")
    ZohoCrm roofworxZoho(RoofworxProperties properties, RedisAdapter redis) {
        RoofworxProperties.Zoho zoho = properties.zoho();
        if (zoho == null) {
            throw new IllegalStateException("roofworx.zoho.* is not set");
        }
        ZohoConfig.Builder config = ZohoConfig.builder()
                .dataCenter(ZohoDataCenter.valueOf(zoho.dataCenter().toUpperCase(Locale.ROOT)))
                .clientId(zoho.clientId())
                .clientSecret(zoho.clientSecret())
                .refreshToken(zoho.refreshToken())
                .activeStages(Set.of("Closed Won"));
        if (zoho.baseUrl() != null && !zoho.baseUrl().isBlank()) {
            config.baseUrlOverride(zoho.baseUrl());
        }
        // The access token is shared through Redis by every instance of the app.
        return ZohoCrm.connect(config.build(), redis.accessTokenCache(Clock.system()));
    }

    @Bean
    RoofworxMeters roofworxMeters(MeterRegistry registry) {
        return new RoofworxMeters(registry);
    }

    @Bean(destroyMethod = "close")
    Roofworx roofworx(RoofworxProperties properties, DataSource dataSource, RedisAdapter redis, ZohoCrm zoho,
                      ThreadPoolTaskScheduler roofworxScheduler, RoofworxMeters meters) {
        RoofworxMigrations.migrate(dataSource);
        Roofworx roofworx = Roofworx.builder()
                .projectSource(zoho.projectSource())
                .projectCache(redis.projectCache())
                .hotStore(redis.hotEntryStore(Clock.system()))
                .warmStore(new PostgresWarmEntryStore(dataSource))
                .coldSink(zoho.coldEntrySink())
                .config(RoofworxConfig.builder()
                        .syncInterval(properties.sync().interval())
                        .coldLinger(properties.sync().coldLinger())
                        .build())
                .executor(roofworxScheduler.getScheduledExecutor())
                .listener(meters)
                .build();
        meters.bindTo(roofworx.sync());
        return roofworx.start();
    }
}
