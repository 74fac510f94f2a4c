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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Arrival.awaitSynced;
import static com.roofworx.app.support.Arrival.runSync;
import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Api.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's day, end to end over HTTP: Ana picks a project, submits on a flaky network (her phone sends the
 * entry twice), Zoho takes the write but drops the connection before answering, the sync retries, and in
 * the end the entry is in PostgreSQL once and in Zoho's Time_Entries once. Then Zoho goes down for a while
 * (nothing blocked, everything arrives after), and Zoho refuses records until an admin fixes its layout
 * (blocked with Zoho's code, bulk replayed).
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
        assertThat(rowsWithNote(NOTE)).as("no second row under another id").isEqualTo(rowsInPostgres(id));
        assertThat(api.http().get("api/time-entries", bearer(ana)).array().getValuesAs(JsonObject.class))
                .filteredOn(e -> e.getString("id").equals(id.toString())).hasSize(1);
    }

    @Test
    void anEntryLandsInZohoTimeEntriesExactlyOnceThoughZohoDroppedTheFirstAnswer() throws Exception {
        Api api = new Api(base.toURI(), tokens);
        String ana = api.worker(ANA);
        // Zoho will store the first upsert but drop the connection before answering it.
        services.zoho().faults().dropConnectionAfterWriteNext(1);
        int callsBefore = services.zoho().counters().upsertRequests();
        UUID id = submitTwice(api, ana);
        awaitSynced(api, ana, id);
        runSync(api);
        assertThat(services.zoho().counters().upsertRequests() - callsBefore)
                .as("the first write was applied and its answer dropped, so it was sent again").isGreaterThanOrEqualTo(2);

        var inZoho = services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> id.toString().equals(r.getString(ZohoCrmSimulator.ENTRY_UUID, null))).toList();
        assertThat(inZoho).hasSize(1);
        assertThat(inZoho.get(0).getJsonObject("Deal").getString("id"))
                .isEqualTo(api.projectId(ana, "Maple St re-roof"));
        assertThat(rowsInPostgres(id)).isEqualTo(1);
    }

    @Test
    void zohoDownForAWhileBlocksNothingAndEverythingArrivesAfter() throws Exception {
        Api api = new Api(base.toURI(), tokens);
        String ana = api.worker(ANA);
        String admin = api.admin();
        List<UUID> ids = new ArrayList<>();
        services.zoho().faults().upsertUnavailable(true);
        try {
            for (int i = 0; i < 8; i++) {
                UUID id = UUID.randomUUID();
                assertThat(api.submit(ana, entryJson(id, api.projectId(ana, "Maple St re-roof"), today(), 30 + i,
                        "outage " + i)).status()).isEqualTo(201);
                ids.add(id);
                runSync(api);
                Thread.sleep(250);
            }
            JsonObject overview = api.http().get("api/admin/sync", bearer(admin)).json();
            assertThat(overview.getJsonNumber("blocked").longValue()).isZero();
            assertThat(overview.getJsonArray("paused").getValuesAs(JsonObject.class))
                    .extracting(p -> p.getString("destination")).containsExactly("cold");
        } finally {
            services.zoho().faults().upsertUnavailable(false);
        }
        for (UUID id : ids) {
            awaitSynced(api, ana, id);
            assertThat(recordsInZoho(id)).isEqualTo(1);
            assertThat(rowsInPostgres(id)).isEqualTo(1);
        }
        JsonObject after = api.http().get("api/admin/sync", bearer(admin)).json();
        assertThat(after.getJsonArray("paused")).isEmpty();
        assertThat(after.getJsonNumber("blocked").longValue()).isZero();
    }

    @Test
    void recordsZohoRefusesAreBlockedWithItsCodeAndBulkReplayedAfterTheFix() throws Exception {
        Api api = new Api(base.toURI(), tokens);
        String ana = api.worker(ANA);
        String admin = api.admin();
        var layout = services.zoho().module(ZohoCrmSimulator.TIME_ENTRIES);
        List<UUID> ids = new ArrayList<>();
        layout.mandatory("Approved_By");
        try {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                api.submit(ana, entryJson(id, api.projectId(ana, "Maple St re-roof"), today(), 60, "refused " + i));
                ids.add(id);
            }
            JsonObject page = awaitBlocked(api, admin, ids.size());
            assertThat(page.getJsonArray("entries").getValuesAs(JsonObject.class))
                    .extracting(e -> e.getString("id"))
                    .containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
            assertThat(api.http().get("api/admin/sync/blocked/" + ids.get(0), bearer(admin)).status()).isEqualTo(200);
        } finally {
            layout.optional("Approved_By");
        }
        Answer replayed = api.http().post("api/admin/sync/blocked/replay?code=MANDATORY_NOT_FOUND", null,
                bearer(admin));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().getInt("replayed")).isEqualTo(ids.size());
        for (UUID id : ids) {
            awaitSynced(api, ana, id);
            assertThat(recordsInZoho(id)).isEqualTo(1);
        }
        assertThat(api.http().get("api/admin/sync/blocked?destination=cold", bearer(admin)).json()
                .getJsonArray("entries")).isEmpty();
        assertThat(api.http().get("api/admin/sync/blocked?code=bad%20code", bearer(admin)).status()).isEqualTo(400);
        assertThat(api.http().get("api/admin/sync/blocked?cursor=nonsense", bearer(admin)).status()).isEqualTo(400);
        assertThat(api.http().get("api/admin/sync/blocked", bearer(ana)).status()).isEqualTo(403);
    }

    /** Runs the sync until the admin API lists {@code count} entries Zoho refused with MANDATORY_NOT_FOUND. */
    private static JsonObject awaitBlocked(Api api, String admin, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SYNC_DEADLINE_MS;
        JsonObject page;
        do {
            runSync(api);
            page = api.http().get("api/admin/sync/blocked?destination=cold&code=MANDATORY_NOT_FOUND", bearer(admin))
                    .json();
            if (page.getJsonArray("entries").size() >= count) {
                return page;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("not blocked within " + SYNC_DEADLINE_MS + " ms: " + page);
    }

    private static long recordsInZoho(UUID id) {
        return services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> id.toString().equals(r.getString(ZohoCrmSimulator.ENTRY_UUID, null))).count();
    }

    /** Ana submits, and her phone, unsure it got through, sends the same entry again. */
    private static UUID submitTwice(Api api, String ana) {
        UUID id = UUID.randomUUID();
        String body = body(api, ana, id);
        assertThat(api.submit(ana, body).status()).isEqualTo(201);
        assertThat(api.submit(ana, body).status()).as("the phone's retry").isEqualTo(200);
        return id;
    }

    private static final String NOTE = "tear-off, north side";

    private static String body(Api api, String ana, UUID id) {
        return entryJson(id, api.projectId(ana, "Maple St re-roof"), today(), 90, NOTE);
    }

    private static int rowsWithNote(String note) throws SQLException {
        try (Connection c = services.postgres().getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM roofworx.time_entry WHERE notes = ?")) {
            q.setString(1, note);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
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
