package com.roofworx.app;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.Deployments;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http.Answer;
import com.roofworx.app.support.WarmRows;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Api.BEN;
import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Arrival.awaitSynced;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections and voids over HTTP against Redis, PostgreSQL and the Zoho CRM simulator: versions as ETags,
 * If-Match as the compare-and-set, the correction window (set to 3 days here, so the setting is proven to reach
 * the SDK), isolation, idempotent repeats, and the new version arriving in PostgreSQL and Zoho.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CorrectionsIT {
    private static final String MAPLE = "Maple St re-roof";
    private static final int WINDOW_DAYS = 3;

    static BackingServices services;
    static DevTokens tokens;

    @ArquillianResource
    URL base;

    Api api;
    String ana;
    String maple;

    @Deployment
    static WebArchive deployment() {
        services = BackingServices.start();
        tokens = new DevTokens();
        Map<String, String> settings = AppSettingsFor.of(services, tokens);
        settings.put("roofworx.corrections.window", "P" + WINDOW_DAYS + "D");
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

    @BeforeEach
    void client() throws Exception {
        api = new Api(base.toURI(), tokens);
        ana = api.worker(ANA);
        maple = api.projectId(ana, MAPLE);
    }

    @Test
    void aCorrectionAndAVoidReachPostgresAndZohoWithTheirVersions() throws Exception {
        UUID id = submitted(daysAgo(1), 60, "first try");
        String corrected = entryJson(id, maple, daysAgo(1), 135, "gutters too");

        Answer put = api.correct(ana, id.toString(), "W/\"1\"", corrected);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(put.json().getInt("version")).isEqualTo(2);
        assertThat(put.json().getInt("minutes")).isEqualTo(135);
        assertThat(put.json().getBoolean("voided")).isFalse();
        Answer again = api.correct(ana, id.toString(), "W/\"1\"", corrected);
        assertThat(again.status()).as("the same correction again: " + again.body()).isEqualTo(200);
        assertThat(again.json().getInt("version")).isEqualTo(2);
        assertThat(again.json().getString("updatedAt")).isEqualTo(put.json().getString("updatedAt"));

        awaitSynced(api, ana, id, 2);
        assertThat(WarmRows.row(services.postgres(), id)).hasValue(new WarmRows.Row(2, false, 135, "gutters too"));
        assertThat(zohoRecords(id)).singleElement().satisfies(r -> {
            assertThat(r.getJsonNumber("Hours").bigDecimalValue()).isEqualByComparingTo(new BigDecimal("2.25"));
            assertThat(r.getString("Notes")).isEqualTo("gutters too");
            assertThat(r.getInt("Entry_Version")).isEqualTo(2);
            assertThat(r.getString("Entry_Status")).isEqualTo("Active");
        });

        // A strong tag is taken as well as the weak one the server sends.
        Answer voided = api.voidEntry(ana, id.toString(), "\"2\"");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.header("ETag")).isEqualTo("W/\"3\"");
        assertThat(voided.json().getBoolean("voided")).isTrue();
        assertThat(voided.json().getInt("minutes")).isEqualTo(135);
        assertThat(api.voidEntry(ana, id.toString(), "W/\"2\"").status()).as("the same void again").isEqualTo(200);

        awaitSynced(api, ana, id, 3);
        assertThat(WarmRows.row(services.postgres(), id)).hasValue(new WarmRows.Row(3, true, 135, "gutters too"));
        assertThat(WarmRows.history(services.postgres(), id)).containsExactly("1:60", "2:135", "3:135:voided");
        assertThat(zohoRecords(id)).as("still one record for the entry, kept and marked voided").singleElement()
                .satisfies(r -> {
                    assertThat(r.getInt("Entry_Version")).isEqualTo(3);
                    assertThat(r.getString("Entry_Status")).isEqualTo("Voided");
                });
    }

    @Test
    void voidedEntriesAreListedOnlyWhenAskedForAndStillReadByIdWithTheirETag() {
        UUID kept = submitted(daysAgo(0), 30, "kept");
        UUID gone = submitted(daysAgo(0), 45, "voided");
        assertThat(api.voidEntry(ana, gone.toString(), "W/\"1\"").status()).isEqualTo(200);

        assertThat(ids(api.http().get("api/time-entries", bearer(ana)))).contains(kept.toString())
                .doesNotContain(gone.toString());
        assertThat(ids(api.http().get("api/time-entries?include=voided", bearer(ana))))
                .contains(kept.toString(), gone.toString());
        Answer read = api.entry(ana, gone.toString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(read.json().getBoolean("voided")).isTrue();
        assertProblem(api.http().get("api/time-entries?include=deleted", bearer(ana)), 400, "include", "deleted");
        assertThat(api.correct(ana, gone.toString(), "W/\"2\"", entryJson(gone, maple, daysAgo(0), 50, null))
                .status()).as("a voided entry stays as it is").isEqualTo(409);
    }

    @Test
    void aChangeAgainstAnOlderVersionIs412WithTheCurrentVersion() {
        UUID id = submitted(daysAgo(0), 60, null);
        assertThat(api.entry(ana, id.toString()).header("ETag")).isEqualTo("W/\"1\"");
        assertThat(api.correct(ana, id.toString(), "W/\"1\"", entryJson(id, maple, daysAgo(0), 75, "phone A"))
                .status()).isEqualTo(200);

        Answer stale = api.correct(ana, id.toString(), "W/\"1\"", entryJson(id, maple, daysAgo(0), 90, "phone B"));
        assertProblem(stale, 412, null, null);
        assertThat(stale.json().getInt("currentVersion")).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(stale.json().getString("detail")).contains("version 2");
        assertThat(api.voidEntry(ana, id.toString(), "W/\"1\"").status()).isEqualTo(412);
        assertThat(api.voidEntry(ana, id.toString(), "W/\"7\"").status()).as("a version yet to come").isEqualTo(412);
        assertThat(api.entry(ana, id.toString()).json().getInt("minutes")).isEqualTo(75);
    }

    @Test
    void entriesOutsideTheCorrectionWindowAre409() {
        UUID old = submitted(daysAgo(WINDOW_DAYS + 1), 60, "too old to change");
        Answer put = api.correct(ana, old.toString(), "W/\"1\"", entryJson(old, maple, daysAgo(0), 60, null));
        assertProblem(put, 409, "id", old.toString());
        assertThat(put.json().getString("detail")).contains("could be changed until " + daysAgo(1));
        assertProblem(api.voidEntry(ana, old.toString(), "W/\"1\""), 409, "id", old.toString());

        UUID lastDay = submitted(daysAgo(WINDOW_DAYS), 60, "last day to change");
        assertThat(api.voidEntry(ana, lastDay.toString(), "W/\"1\"").status()).isEqualTo(200);
    }

    @Test
    void anotherUsersEntryIsNotFoundWithTheSameAnswerAsAnUnknownId() {
        UUID anas = submitted(daysAgo(0), 60, "ana's");
        UUID nobodys = UUID.randomUUID();
        String ben = api.worker(BEN);
        String body = entryJson(anas, api.projectId(ben, MAPLE), daysAgo(0), 480, "ben's");

        Answer theirs = api.correct(ben, anas.toString(), "W/\"1\"", body);
        Answer unknown = api.correct(ben, nobodys.toString(), "W/\"1\"", body.replace(anas.toString(),
                nobodys.toString()));
        assertProblem(theirs, 404, null, null);
        assertThat(theirs.body().replace(anas.toString(), "ID")).isEqualTo(unknown.body().replace(nobodys.toString(),
                "ID"));
        Answer voidTheirs = api.voidEntry(ben, anas.toString(), "W/\"1\"");
        Answer voidUnknown = api.voidEntry(ben, nobodys.toString(), "W/\"1\"");
        assertProblem(voidTheirs, 404, null, null);
        assertThat(voidTheirs.body().replace(anas.toString(), "ID"))
                .isEqualTo(voidUnknown.body().replace(nobodys.toString(), "ID"));
        assertThat(api.entry(ben, anas.toString()).body().replace(anas.toString(), "ID"))
                .as("the read says the same").isEqualTo(voidUnknown.body().replace(nobodys.toString(), "ID"));

        JsonObject unchanged = api.entry(ana, anas.toString()).json();
        assertThat(unchanged.getInt("version")).isEqualTo(1);
        assertThat(unchanged.getString("notes")).isEqualTo("ana's");
    }

    @Test
    void changesNeedIfMatchAndRefuseMalformedInputNamingIt() {
        UUID id = submitted(daysAgo(0), 60, null);
        String body = entryJson(id, maple, daysAgo(0), 90, null);

        assertProblem(api.correct(ana, id.toString(), null, body), 428, "If-Match", "null");
        assertProblem(api.voidEntry(ana, id.toString(), null), 428, "If-Match", "null");
        assertProblem(api.correct(ana, id.toString(), "1", body), 400, "If-Match", "1");
        assertProblem(api.voidEntry(ana, id.toString(), "*"), 400, "If-Match", "*");
        assertProblem(api.correct(ana, "not-a-uuid", "W/\"1\"", body), 400, "id", "not-a-uuid");
        assertProblem(api.voidEntry(ana, "not-a-uuid", "W/\"1\""), 400, "id", "not-a-uuid");
        UUID other = UUID.randomUUID();
        assertProblem(api.correct(ana, id.toString(), "W/\"1\"", entryJson(other, maple, daysAgo(0), 90, null)),
                400, "id", other.toString());
        assertProblem(api.correct(ana, id.toString(), "W/\"1\"", entryJson(id, maple, daysAgo(0), 0, null)), 400,
                "minutes", "0");
        assertThat(api.entry(ana, id.toString()).json().getInt("version")).as("nothing changed").isEqualTo(1);

        String withoutId = "{\"projectId\":\"" + maple + "\",\"workDate\":\"" + daysAgo(0) + "\",\"minutes\":90}";
        Answer ok = api.correct(ana, id.toString(), "W/\"1\"", withoutId);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().getString("id")).isEqualTo(id.toString());
        assertThat(ok.json().isNull("taskType")).as("the full content replaces the old").isTrue();
    }

    @Test
    void theOpenApiDocumentShowsTheNewOperations() {
        Answer openapi = api.http().get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("put:", "delete:", "If-Match", "ETag", "If-Match is missing",
                "currentVersion", "roofworx.corrections.window", "lists voided entries too");
    }

    private UUID submitted(String workDate, int minutes, String notes) {
        UUID id = UUID.randomUUID();
        Answer created = api.submit(ana, entryJson(id, maple, workDate, minutes, notes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        return id;
    }

    private static String daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).toString();
    }

    private static List<String> ids(Answer list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.array().getValuesAs(JsonObject.class).stream().map(e -> e.getString("id")).toList();
    }

    private static List<JsonObject> zohoRecords(UUID id) {
        return services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> id.toString().equals(r.getString(ZohoCrmSimulator.ENTRY_UUID, null))).toList();
    }

    private static void assertProblem(Answer answer, int status, String field, String value) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        if (field != null) {
            assertThat(problem.getString("field")).isEqualTo(field);
            assertThat(problem.getString("value")).isEqualTo(value);
        }
    }
}
