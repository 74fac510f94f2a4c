package com.roofworx.app;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.Deployments;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http.Answer;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Api.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's day, end to end over HTTP: Ana picks a project, submits on a flaky network (her phone sends the
 * entry twice), Zoho takes the write but drops the connection before answering, the sync retries, and in
 * the end the entry is in PostgreSQL once and in Zoho's Time_Entries once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkerDayScenarioIT {
    private static final long SYNC_DEADLINE_MS = 30_000;

    static BackingServices services;
    static DevTokens tokens;

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() {
        services = BackingServices.start();
        tokens = new DevTokens();
        Map<String, String> settings = AppSettingsFor.of(services, tokens);
        // Retries come quickly so the scenario does not wait for production backoff.
        settings.put("roofworx.sync.backoff-initial", "PT0.1S");
        settings.put("roofworx.sync.backoff-max", "PT0.5S");
        return Deployments.builtWar(settings);
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void anEntrySubmittedTwiceOverAFlakyNetworkLandsInPostgresExactlyOnce() throws Exception {
        Api api = new Api(base.toURI(), tokens);
        String ana = api.worker(ANA);
        UUID id = submitTwice(api, ana);

        JsonObject synced = awaitSynced(api, ana, id);
        assertThat(synced.getJsonObject("sync").getString("warm")).isEqualTo("SYNCED");
        assertThat(synced.getJsonObject("sync").getString("cold")).isEqualTo("SYNCED");
        assertThat(api.submit(ana, body(api, ana, id)).status()).as("a late retry after the sync").isEqualTo(200);
        runSync(api);

        assertThat(rowsInPostgres(id)).isEqualTo(1);
        assertThat(api.http().get("api/time-entries", bearer(ana)).array().getValuesAs(JsonObject.class))
                .filteredOn(e -> e.getString("id").equals(id.toString())).hasSize(1);
    }

    @Test
    void anEntryLandsInZohoTimeEntriesExactlyOnceThoughZohoDroppedTheFirstAnswer() throws Exception {
        Api api = new Api(base.toURI(), tokens);
        String ana = api.worker(ANA);
        // Zoho will store the first upsert but drop the connection before answering it.
        services.zoho().faults().dropConnectionAfterWriteNext(1);
        UUID id = submitTwice(api, ana);
        awaitSynced(api, ana, id);
        runSync(api);

        var inZoho = services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> id.toString().equals(r.getString(ZohoCrmSimulator.ENTRY_UUID, null))).toList();
        assertThat(inZoho).hasSize(1);
        assertThat(inZoho.get(0).getJsonObject("Deal").getString("id"))
                .isEqualTo(api.projectId(ana, "Maple St re-roof"));
        assertThat(rowsInPostgres(id)).isEqualTo(1);
    }

    /** Ana submits, and her phone, unsure it got through, sends the same entry again. */
    private static UUID submitTwice(Api api, String ana) {
        UUID id = UUID.randomUUID();
        String body = body(api, ana, id);
        assertThat(api.submit(ana, body).status()).isEqualTo(201);
        assertThat(api.submit(ana, body).status()).as("the phone's retry").isEqualTo(200);
        return id;
    }

    private static String body(Api api, String ana, UUID id) {
        return entryJson(id, api.projectId(ana, "Maple St re-roof"), today(), 90, "tear-off, north side");
    }

    /** Runs the entry sync through the cron endpoint until the entry is synced to both destinations. */
    private static JsonObject awaitSynced(Api api, String token, UUID id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SYNC_DEADLINE_MS;
        JsonObject entry;
        do {
            runSync(api);
            entry = api.entry(token, id.toString()).json();
            JsonObject sync = entry.getJsonObject("sync");
            if ("SYNCED".equals(sync.getString("warm")) && "SYNCED".equals(sync.getString("cold"))) {
                return entry;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("entry " + id + " not synced within " + SYNC_DEADLINE_MS + " ms: " + entry);
    }

    private static void runSync(Api api) {
        Answer run = api.http().post("api/cron/sync-entries", null, bearer(AppSettingsFor.CRON_SECRET));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
    }

    private static int rowsInPostgres(UUID id) throws SQLException {
        try (Connection c = services.postgres().getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM roofworx.time_entry WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
