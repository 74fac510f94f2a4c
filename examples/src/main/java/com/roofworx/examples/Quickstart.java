package com.roofworx.examples;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.SyncEngine.SyncReport;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A worker's day with the SDK on in-memory adapters: pick a project, submit hours, sync behind, and see
 * a permanently failing entry parked and replayed. The same code runs on Redis, PostgreSQL and Zoho by
 * swapping the five adapters.
 */
public final class Quickstart {

    public static void main(String[] args) {
        String worker = "anna@example.com";
        InMemoryProjectSource zoho = new InMemoryProjectSource()
                .put(new Project("1001", "Maple St re-roof", "Active", true, "Maple Holdings", "12 Maple St"))
                .put(new Project("1002", "Harbor warehouse", "Active", true, "Harbor Logistics", "4 Quay Rd"))
                .assign(worker, "1001").assign(worker, "1002");
        InMemoryWarmEntryStore postgres = new InMemoryWarmEntryStore();
        InMemoryColdEntrySink timeEntries = new InMemoryColdEntrySink();

        try (Roofworx roofworx = Roofworx.builder()
                .projectSource(zoho)
                .projectCache(new InMemoryProjectCache())
                .hotStore(new InMemoryHotEntryStore())
                .warmStore(postgres)
                .coldSink(timeEntries)
                // Zoho writes normally linger up to 30 s to fill batches of 100; the demo wants to see them now.
                .config(RoofworxConfig.builder().syncAfterSubmit(false).coldLinger(Duration.ZERO).build())
                .listener(RoofworxEventListener.on(RoofworxEvent.EntryBlocked.class,
                        e -> say("event: entry %s blocked for %s: %s", e.entry().id(), e.destination(), e.error())))
                .build()) {

            say("projects for %s:", worker);
            roofworx.projects().projectsFor(worker).forEach(p -> say("  %s  %s (%s)", p.id(), p.name(), p.account()));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            SubmitResult first = roofworx.entries().submit(worker,
                    EntryDraft.of("1001", today, 240).withNotes("Tear-off, north slope"));
            say("submitted %s: %d min, warm=%s cold=%s", first.entry().id(), first.entry().minutes(),
                    first.entry().warm().status(), first.entry().cold().status());

            SubmitResult again = roofworx.entries().submit(worker,
                    EntryDraft.of("1001", today, 240).withNotes("Tear-off, north slope").withId(first.entry().id()));
            say("same id submitted again: created=%s (nothing new written)", again.created());

            try {
                roofworx.entries().submit(worker, EntryDraft.of("1002", today, 2000));
            } catch (ValidationException e) {
                say("refused: %s", e.getMessage());
            }

            timeEntries.answerWith(e -> e.minutes() == 15
                    ? new com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome.Rejected("INVALID_DATA", "Hours below minimum")
                    : null);
            TimeEntry tiny = roofworx.entries().submit(worker, EntryDraft.of("1002", today, 15)).entry();

            SyncReport report = roofworx.sync().runOnce();
            say("sync: %s", report);
            say("warm store holds %d entries, cold sink %d records", postgres.all().size(), timeEntries.recordCount());

            timeEntries.answerWith(e -> null);
            say("replay of %s: %s", tiny.id(), roofworx.sync().replay(tiny.id()));
            say("sync: %s", roofworx.sync().runOnce());
            say("cold sink now holds %d records; blocked: %d", timeEntries.recordCount(),
                    roofworx.sync().blocked(10).size());

            say("today's entries:");
            roofworx.entries().list(worker, today, today).forEach(e -> say("  %s %s %4d min  warm=%s cold=%s",
                    e.workDate(), e.projectId(), e.minutes(), e.warm().status(), e.cold().status()));
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
