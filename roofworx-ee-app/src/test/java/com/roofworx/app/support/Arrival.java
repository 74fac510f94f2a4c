package com.roofworx.app.support;

import jakarta.json.JsonObject;

import java.util.UUID;

import static com.roofworx.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the entry sync through the cron endpoint and polls, with a deadline, until an entry has arrived. */
public final class Arrival {
    private static final long SYNC_DEADLINE_MS = 30_000;
    private static final long POLL_MS = 200;

    private Arrival() {
    }

    public static void runSync(Api api) {
        Http.Answer run = api.http().post("api/cron/sync-entries", null, bearer(AppSettingsFor.CRON_SECRET));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
    }

    /** The entry once it is synced to PostgreSQL and Zoho, at whatever version. */
    public static JsonObject awaitSynced(Api api, String token, UUID id) throws InterruptedException {
        return awaitSynced(api, token, id, 0);
    }

    /** The entry once {@code version} (0: any) is synced to PostgreSQL and Zoho. */
    public static JsonObject awaitSynced(Api api, String token, UUID id, int version) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SYNC_DEADLINE_MS;
        JsonObject entry;
        do {
            runSync(api);
            entry = api.entry(token, id.toString()).json();
            JsonObject sync = entry.getJsonObject("sync");
            if ((version == 0 || entry.getInt("version") == version) && "SYNCED".equals(sync.getString("warm"))
                    && "SYNCED".equals(sync.getString("cold"))) {
                return entry;
            }
            Thread.sleep(POLL_MS);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("entry " + id + (version == 0 ? "" : " version " + version) + " not synced within "
                + SYNC_DEADLINE_MS + " ms: " + entry);
    }
}
