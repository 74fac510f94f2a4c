package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.StoreProbe.Result;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.PostgresWarmStoreConfig;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;

/**
 * The PostgreSQL warm store. Connections come from the container's pool when {@code roofworx.jdbc.datasource}
 * names one (a JNDI name), else from a Hikari pool the app opens on {@code roofworx.database.url} or
 * {@code roofworx.jdbc.url} (a {@code postgres://} or {@code jdbc:postgresql:} URL, see {@link DatabaseUrl}). The schema is
 * migrated at start unless {@code roofworx.jdbc.migrate=false}.
 */
final class PostgresWiring {
    static final String DATASOURCE = "roofworx.jdbc.datasource";
    static final String DATABASE_URL = "roofworx.database.url";
    static final String URL = "roofworx.jdbc.url";
    static final String USER = "roofworx.jdbc.user";
    static final String PASSWORD = "roofworx.jdbc.password";
    static final String POOL_SIZE = "roofworx.jdbc.pool-size";
    static final String SCHEMA = "roofworx.jdbc.schema";
    static final String MIGRATE = "roofworx.jdbc.migrate";
    static final String CONNECTION_TIMEOUT = "roofworx.jdbc.connection-timeout";
    static final String CONNECT_TIMEOUT = "roofworx.jdbc.connect-timeout";
    static final String SOCKET_TIMEOUT = "roofworx.jdbc.socket-timeout";
    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/roofworx";
    /** How long a caller waits for a pooled connection. HikariCP's own default (30 s) would hold every
     *  request that needs PostgreSQL for 30 s while it is down. */
    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(500);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Bounds a query on a connection whose server went silent; the app's statements take milliseconds. */
    static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);
    /** HikariCP's floor for both its connection and validation timeouts. */
    private static final long HIKARI_MIN_MS = 250;
    static final int DEFAULT_POOL_SIZE = 8;

    private PostgresWiring() {
    }

    static void wire(Adapters a, Settings settings) {
        DataSource dataSource = settings.optional(DATASOURCE).map(PostgresWiring::lookup).orElseGet(() -> {
            a.own(PostgresWiring::deregisterDrivers);
            return a.own(pool(settings));
        });
        PostgresWarmStoreConfig config = PostgresWarmStoreConfig.builder()
                .schema(settings.text(SCHEMA, PostgresWarmStoreConfig.DEFAULT_SCHEMA)).build();
        if (settings.flag(MIGRATE, true)) {
            RoofworxMigrations.migrate(dataSource, config);
        }
        a.warmStore = new PostgresWarmEntryStore(dataSource, config);
        a.probes.add(probe(dataSource, a.warmBreaker));
    }

    private static HikariDataSource pool(Settings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("roofworx");
        // Named explicitly: DriverManager does not see drivers inside a WAR.
        hikari.setDriverClassName("org.postgresql.Driver");
        DatabaseUrl url = databaseUrl(settings);
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user().orElseGet(() -> settings.text(USER, "roofworx")));
        url.password().or(() -> settings.optional(PASSWORD)).ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(settings.integer(POOL_SIZE, DEFAULT_POOL_SIZE, 1));
        long waitMs = Math.max(HIKARI_MIN_MS, settings.duration(CONNECTION_TIMEOUT, DEFAULT_CONNECTION_TIMEOUT, false)
                .toMillis());
        hikari.setConnectionTimeout(waitMs);
        hikari.setValidationTimeout(HIKARI_MIN_MS);
        // The driver's timeouts are whole seconds; 0 would mean "none", so round up.
        hikari.addDataSourceProperty("connectTimeout", seconds(settings.duration(CONNECT_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, false)));
        hikari.addDataSourceProperty("loginTimeout", seconds(settings.duration(CONNECT_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, false)));
        hikari.addDataSourceProperty("socketTimeout", seconds(settings.duration(SOCKET_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT, false)));
        return new HikariDataSource(hikari);
    }

    private static String seconds(Duration d) {
        return Long.toString(Math.max(1, (d.toMillis() + 999) / 1000));
    }

    /**
     * {@code roofworx.database.url} (a hosted service's {@code postgres://user:password@host/db?sslmode=...}) when
     * set, else {@code roofworx.jdbc.url}, which takes that form too. A user and password in the URL win over
     * {@code roofworx.jdbc.user} / {@code roofworx.jdbc.password}.
     */
    static DatabaseUrl databaseUrl(Settings settings) {
        return settings.optional(DATABASE_URL).map(u -> DatabaseUrl.parse(DATABASE_URL, u))
                .orElseGet(() -> DatabaseUrl.parse(URL, settings.text(URL, DEFAULT_URL)));
    }

    /** The driver registered itself from the WAR's class loader; unregister it so an undeploy leaks nothing. */
    private static void deregisterDrivers() throws SQLException {
        ClassLoader ours = PostgresWiring.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                DriverManager.deregisterDriver(driver);
            }
        }
    }

    private static DataSource lookup(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException(DATASOURCE + " must name a DataSource in JNDI but was " + jndiName, e);
        }
    }

    /**
     * Validates a pooled connection. While the breaker is open (PostgreSQL was found unreachable moments ago)
     * it answers DOWN at once; a failure to connect opens the breaker, so requests fail fast too.
     */
    private static StoreProbe probe(DataSource dataSource, StoreGuard.Breaker breaker) {
        return new StoreProbe() {
            @Override
            public String name() {
                return "postgresql";
            }

            @Override
            public Result check() {
                if (breaker.isOpen()) {
                    return Result.down("unreachable moments ago; not asked again yet");
                }
                try (Connection c = dataSource.getConnection()) {
                    return c.isValid(1) ? Result.up("connection valid") : Result.down("connection not valid");
                } catch (SQLException | RuntimeException e) {
                    if (StoreGuard.isOutage(e)) {
                        breaker.trip();
                    }
                    return Result.down(String.valueOf(e.getMessage()));
                }
            }
        };
    }
}
