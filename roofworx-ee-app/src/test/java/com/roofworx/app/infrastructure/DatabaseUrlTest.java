package com.roofworx.app.infrastructure;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {
    private static final String SETTING = "roofworx.database.url";

    @Test
    void aHostedServicesUrlIsSplitIntoJdbcUrlUserPasswordAndSslMode() {
        DatabaseUrl url = DatabaseUrl.parse(SETTING,
                "postgres://app_user:s3cr%40t%2Fpw@db.example.com:6543/roofworx?sslmode=require&application_name=rw");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/roofworx?sslmode=require&ApplicationName=rw");
        assertThat(url.user()).contains("app_user");
        assertThat(url.password()).as("percent-decoded").contains("s3cr@t/pw");
        assertThat(url.sslMode()).contains("require");
        assertThat(url.toString()).doesNotContain("s3cr").contains("password=***");
    }

    @Test
    void postgresqlSchemeSeveralHostsIpv6AndNoPortAreKept() {
        assertThat(DatabaseUrl.parse(SETTING, "postgresql://u:p@h1:5432,h2:5433/db?target_session_attrs=read-write").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
        assertThat(DatabaseUrl.parse(SETTING, "postgres://u@[::1]/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]/db");
        DatabaseUrl bare = DatabaseUrl.parse(SETTING, "postgres://localhost");
        assertThat(bare.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/");
        assertThat(bare.user()).isEmpty();
        assertThat(bare.password()).isEmpty();
        assertThat(bare.sslMode()).isEmpty();
    }

    @Test
    void userAndPasswordParametersAreTakenOutOfTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse(SETTING,
                "postgres://db:5432/app?user=rw&password=p%26w&sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem");
        assertThat(url.user()).contains("rw");
        assertThat(url.password()).contains("p&w");
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("roofworx.jdbc.url", "jdbc:postgresql://localhost:5432/roofworx?sslmode=verify-ca");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/roofworx?sslmode=verify-ca");
        assertThat(url.user()).isEmpty();
        assertThat(url.sslMode()).contains("verify-ca");
    }

    @Test
    void aBadUrlIsRefusedNamingTheSettingWithThePasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse(SETTING, "mysql://u:TopSecret1@h/db"))
                .hasMessageStartingWith("roofworx.database.url (env ROOFWORX_DATABASE_URL) must start with postgres://")
                .hasMessageContaining("mysql://u:***@h/db").hasMessageNotContaining("TopSecret1");
        assertThatThrownBy(() -> DatabaseUrl.parse(SETTING, "postgres://u:TopSecret1@h/db?sslmode=required"))
                .hasMessageContaining("sslmode required").hasMessageNotContaining("TopSecret1");
        assertThatThrownBy(() -> DatabaseUrl.parse(SETTING, "postgres://u:Top%ZZSecret@h/db"))
                .hasMessageContaining("percent-escape").hasMessageNotContaining("Top%ZZSecret");
        assertThatThrownBy(() -> DatabaseUrl.parse(SETTING, "postgres://h/db?password=TopSecret1&sslmode=bad"))
                .hasMessageContaining("password=***").hasMessageNotContaining("TopSecret1");
    }

    @Test
    void theWiringPrefersTheDatabaseUrlAndTakesItsCredentialsOverTheSeparateSettings() {
        Settings both = new Settings(name -> Optional.ofNullable(Map.of(
                "roofworx.database.url", "postgres://hosted:pw@db:5432/app",
                "roofworx.jdbc.url", "jdbc:postgresql://localhost/other",
                "roofworx.jdbc.user", "roofworx").get(name)));
        assertThat(PostgresWiring.databaseUrl(both).jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(PostgresWiring.databaseUrl(both).user()).contains("hosted");
        Settings jdbcOnly = new Settings(name -> Optional.ofNullable(Map.of(
                "roofworx.jdbc.url", "postgresql://u:pw@db/app?sslmode=require").get(name)));
        assertThat(PostgresWiring.databaseUrl(jdbcOnly).jdbcUrl()).isEqualTo("jdbc:postgresql://db/app?sslmode=require");
        Settings none = new Settings(name -> Optional.empty());
        assertThat(PostgresWiring.databaseUrl(none).jdbcUrl()).isEqualTo(PostgresWiring.DEFAULT_URL);
    }

    @Test
    void zohoWorkersAreReadFromTheirSettings() {
        assertThat(ZohoWiring.workers(new Settings(name -> Optional.empty())).crmUsers()).isTrue();
        assertThat(ZohoWiring.workers(new Settings(name -> Optional.ofNullable(Map.of(
                "roofworx.zoho.workers", "Contacts").get(name)))).toString()).isEqualTo("Contacts.Email");
        assertThat(ZohoWiring.workers(new Settings(name -> Optional.ofNullable(Map.of(
                "roofworx.zoho.workers", "Crew_Members", "roofworx.zoho.workers-email-field", "Work_Email",
                "roofworx.zoho.workers-active-field", "Active").get(name)))).toString())
                .isEqualTo("Crew_Members.Work_Email where Active");
    }
}
