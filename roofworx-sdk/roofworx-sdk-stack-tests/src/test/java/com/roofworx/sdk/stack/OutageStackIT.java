package com.roofworx.sdk.stack;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.zoho.ZohoColdEntrySink;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.roofworx.sdk.stack.TwoInstances.BACKOFF_MAX;
import static com.roofworx.sdk.stack.TwoInstances.MAX_TICK;
import static com.roofworx.sdk.stack.TwoInstances.expectedInterval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two SDK instances on one real Redis, one real PostgreSQL and the Zoho CRM simulator, through long outages on
 * the test clock: Zoho down (503) for two hours and then rate limited (429 with Retry-After), PostgreSQL stopped
 * for two hours, and one record Zoho refuses in a batch of good ones. Whatever the outage, nothing is blocked
 * that was not refused, every entry ends once in PostgreSQL and once in Zoho, a down destination sees at most
 * one call per announced backoff interval from both instances together, and once it is back everything
 * reaches it within one {@code backoffMax} (plus the time to the next sync run).
 * <p>
 * This class runs its own PostgreSQL server, so stopping it disturbs no other test.
 */
class OutageStackIT {
    /** Warm-store methods only the submit path calls (the id-owner check, which fails open). */
    private static final Set<String> SUBMIT_ONLY = Set.of("ownerOf");
    private static final Set<String> CLAIMS = Set.of("claim", "claimFor");

    @TempDir
    static Path dataDirectory;
    /** Null while stopped. */
    private static EmbeddedPostgres server;
    private static int port;
    private static HikariDataSource pool;
    /** A new connection per use, for the test's own reads. */
    private static PGSimpleDataSource direct;

    /** A Zoho outage phase: when it was switched on and off, and the Retry-After it answered with. */
    private record Phase(Instant from, Instant to, Duration retryAfter) {
    }

    @BeforeAll
    static void startPostgres() throws IOException {
        server = postgres(0);
        port = server.getPort();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        // While the server is down a connection attempt gives up after this (wall) time: the minimum HikariCP takes.
        config.setConnectionTimeout(250);
        config.setValidationTimeout(250);
        config.setPoolName("stack-outage");
        pool = new HikariDataSource(config);
        direct = new PGSimpleDataSource();
        direct.setUrl("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
        RoofworxMigrations.migrate(pool);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pool.close();
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyTables() throws IOException {
        if (server == null) {
            // A test that stopped the server failed before starting it again.
            server = postgres(port);
            awaitPool();
        }
        TestPostgres.emptyTables(direct);
    }

    private static EmbeddedPostgres postgres(int onPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "off");
        return (onPort == 0 ? builder : builder.setPort(onPort)).start();
    }

    @Test
    @DisplayName("Zoho down for 2 h, then rate limited: one call per announced interval, nothing blocked, all once")
    void zohoOutageThenRateLimits() {
        try (TwoInstances stack = new TwoInstances(pool, direct, 11)) {
            stack.run(Duration.ofMinutes(2));
            stack.runUntilEverywhere(Duration.ofMinutes(5));
            int healthyRequests = stack.simulator.counters().upsertRequests();
            List<Phase> phases = new ArrayList<>();

            Instant down = stack.clock.now();
            stack.simulator.faults().upsertUnavailable(true);
            stack.run(Duration.ofHours(2));
            stack.simulator.faults().upsertUnavailable(false);
            phases.add(new Phase(down, stack.clock.now(), null));
            int outageRequests = stack.simulator.counters().upsertRequests() - healthyRequests;
            List<Duration> recoveries = new ArrayList<>();
            recoveries.add(assertBackWithinOneBackoffMax(stack, stack.clock.now()));

            for (Duration[] burst : new Duration[][]{
                    {Duration.ofMinutes(15), Duration.ofSeconds(240)},
                    {Duration.ofMinutes(5), Duration.ofSeconds(30)},
                    {Duration.ofMinutes(2), Duration.ofSeconds(5)}}) {
                stack.run(Duration.ofMinutes(3));
                Instant from = stack.clock.now();
                stack.simulator.faults().upsertRateLimited(true, burst[1]);
                stack.run(burst[0]);
                stack.simulator.faults().upsertRateLimited(false, null);
                phases.add(new Phase(from, stack.clock.now(), burst[1]));
                recoveries.add(assertBackWithinOneBackoffMax(stack, stack.clock.now()));
            }

            stack.assertEveryEntryOnceEverywhere();
            assertThat(stack.events(RoofworxEvent.EntryBlocked.class)).as("entries blocked").isEmpty();
            List<Map.Entry<Instant, DestinationPause>> pauses = stack.pauses(Destination.COLD);
            assertOneCallPerAnnouncedInterval(pauses, stack.simulator.counters().upsertRequestTimes(),
                    at -> phaseAt(phases, at).retryAfter(), "Zoho upsert requests");
            assertEpisodes(stack, pauses, Destination.COLD, phases.size());
            // 2 h at 1, 2, 4 ... 256 s, then every 5 minutes: about 31 probes, never the hundreds of runs made.
            Phase outage = phases.get(0);
            assertThat((long) outageRequests).as("Zoho upsert requests during the 2 h outage, each a failed probe")
                    .isEqualTo(pauses.stream().filter(p -> !p.getKey().isBefore(outage.from())
                            && !p.getKey().isAfter(outage.to())).count())
                    .isBetween(20L, 40L);
            System.out.printf("zoho outage: %d entries, %d upsert requests in the 2 h outage, %d in all, %d pauses;"
                    + " everything in Zoho %s after each healing%n", stack.acknowledged.size(), outageRequests,
                    stack.simulator.counters().upsertRequests(), pauses.size(), recoveries);
        }
    }

    @Test
    @DisplayName("PostgreSQL stopped for 2 h: submits go on into Redis, one probe per interval, all once afterwards")
    void postgresOutage() throws IOException {
        try (TwoInstances stack = new TwoInstances(pool, direct, 23)) {
            stack.run(Duration.ofMinutes(2));
            stack.runUntilEverywhere(Duration.ofMinutes(5));
            int before = stack.acknowledged.size();

            server.close();
            server = null;
            // Everything from here on happens with the server down; the last run before it, a millisecond earlier.
            Instant down = stack.clock.advance(Duration.ofMillis(1)).now();
            stack.run(Duration.ofHours(2));
            Instant up = stack.clock.now();
            server = postgres(port);
            // The server is back once the engines' pool hands out connections again (wall time; the clock stands).
            long waited = awaitPool();
            List<RoofworxEvent.EntrySubmitted> whileDown = stack.events.stream()
                    .filter(s -> !s.at().isBefore(down) && s.at().isBefore(up))
                    .map(TwoInstances.Seen::event).filter(RoofworxEvent.EntrySubmitted.class::isInstance)
                    .map(RoofworxEvent.EntrySubmitted.class::cast).toList();
            assertThat(whileDown).as("submits while PostgreSQL was down").hasSize(stack.acknowledged.size() - before)
                    .hasSizeGreaterThan(100)
                    .allSatisfy(e -> assertThat(e.storedIn()).isEqualTo(RoofworxEvent.Tier.HOT));
            Duration recovery = assertBackWithinOneBackoffMax(stack, up);
            stack.assertEveryEntryOnceEverywhere();
            assertThat(stack.events(RoofworxEvent.EntryBlocked.class)).as("entries blocked").isEmpty();

            List<Map.Entry<Instant, DestinationPause>> pauses = stack.pauses(Destination.WARM);
            List<Instant> warmCalls = stack.warmCalls.all().stream().filter(c -> !SUBMIT_ONLY.contains(c.method()))
                    .map(CallLog.Call::at).toList();
            assertOneCallPerAnnouncedInterval(pauses, warmCalls, at -> null, "sync calls to PostgreSQL");
            for (Map.Entry<Instant, DestinationPause> pause : pauses) {
                assertThat(stack.hotCalls.between(CLAIMS, pause.getKey().plusNanos(1), pause.getValue().nextProbeAt()))
                        .as("hot claims while the warm pause of %s waits for its probe", pause.getKey()).isEmpty();
                assertThat(stack.hotCalls.between(CLAIMS, pause.getKey(), pause.getKey().plusNanos(1)).stream()
                        .filter(c -> c.items() > 0).count())
                        .as("probe batches claimed at %s", pause.getKey()).isLessThanOrEqualTo(1);
            }
            assertEpisodes(stack, pauses, Destination.WARM, 1);
            long outageCalls = warmCalls.stream().filter(t -> !t.isBefore(down) && t.isBefore(up)).count();
            assertThat(outageCalls).as("sync calls to PostgreSQL during the 2 h outage, each a failed probe")
                    .isEqualTo(pauses.stream().filter(p -> !p.getKey().isBefore(down) && p.getKey().isBefore(up)).count())
                    .isBetween(20L, 40L);
            System.out.printf("postgres outage: %d entries (%d while down), %d warm sync calls while down, %d pauses;"
                    + " pool back %d ms (wall) after the restart; everything in PostgreSQL and Zoho %s after it%n",
                    stack.acknowledged.size(), whileDown.size(), outageCalls, pauses.size(), waited, recovery);
        }
    }

    @Test
    @DisplayName("a worker Zoho does not know is blocked on the first try; the 99 others of its batch sync in one call")
    void oneRefusedRecordInAFullBatch() {
        try (TwoInstances stack = new TwoInstances(pool, direct, 31)) {
            List<TimeEntry> good = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                good.add(stack.submit());
            }
            TimeEntry refused = stack.submit(TwoInstances.DORA);
            for (int i = 0; i < 49; i++) {
                good.add(stack.submit());
            }
            int requests = stack.simulator.counters().upsertRequests();
            int records = stack.simulator.counters().recordsUpserted();

            stack.a.sync().runOnce();

            assertThat(stack.simulator.counters().upsertRequests() - requests).as("upsert calls").isEqualTo(1);
            // The sink refuses the unknown worker's record itself, without sending it.
            assertThat(stack.simulator.counters().recordsUpserted() - records).as("records sent").isEqualTo(99);
            List<TimeEntry> blocked = stack.b.sync().blocked(BlockedFilter.all(), null, 10).entries();
            assertThat(blocked).extracting(TimeEntry::id).containsExactly(refused.id());
            assertThat(blocked.get(0).cold().errorCode()).isEqualTo(ZohoColdEntrySink.UNKNOWN_WORKER);
            assertThat(blocked.get(0).warm().isSynced()).isTrue();
            assertThat(stack.events(RoofworxEvent.EntryBlocked.class)).singleElement().satisfies(e -> {
                assertThat(e.entry().id()).isEqualTo(refused.id());
                assertThat(e.destination()).isEqualTo(Destination.COLD);
                assertThat(e.code()).isEqualTo(ZohoColdEntrySink.UNKNOWN_WORKER);
            });
            assertThat(stack.events(RoofworxEvent.SyncFailed.class)).as("failed attempts").isEmpty();
            assertThat(Stack.warmRowCounts(direct)).as("PostgreSQL rows").hasSize(100).containsOnlyKeys(
                    stack.acknowledged.keySet());
            Map<UUID, Integer> inZoho = Stack.timeEntryCounts(stack.simulator);
            assertThat(inZoho.keySet()).as("entries in Zoho")
                    .containsExactlyInAnyOrderElementsOf(good.stream().map(TimeEntry::id).toList());
            assertThat(inZoho.values()).as("records per entry").containsOnly(1);

            // Later runs leave the refusal alone: no retry, no second call.
            for (int i = 0; i < 4; i++) {
                stack.tick();
            }
            assertThat(stack.simulator.counters().upsertRequests() - requests).as("upsert calls later").isEqualTo(1);
            assertThat(stack.a.sync().blocked(BlockedFilter.all(), null, 10).entries()).hasSize(1);
        }
    }

    /** Waits (bounded, wall time) until the engines' pool hands out a connection; answers how long that took. */
    private static long awaitPool() {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the pool found no connection within 30 s of the restart", notYet);
                }
            }
        }
    }

    /** Heals at {@code healed}; every entry must reach PostgreSQL and Zoho within one backoffMax (+ one tick). */
    private static Duration assertBackWithinOneBackoffMax(TwoInstances stack, Instant healed) {
        Instant everywhere = stack.runUntilEverywhere(Duration.ofHours(1));
        Duration took = Duration.between(healed, everywhere);
        assertThat(took).as("time from healing until every entry is everywhere")
                .isLessThanOrEqualTo(BACKOFF_MAX.plus(MAX_TICK));
        return took;
    }

    /**
     * Each pause announces the interval of the backoff (1 s doubling, capped at backoffMax, never below the
     * Retry-After in force), and {@code calls} (by both instances) hold exactly one call at the failure that
     * announced it and none until its next probe is due.
     */
    private static void assertOneCallPerAnnouncedInterval(List<Map.Entry<Instant, DestinationPause>> pauses,
                                                          List<Instant> calls,
                                                          java.util.function.Function<Instant, Duration> retryAfterAt,
                                                          String what) {
        assertThat(pauses).as("pauses announced").isNotEmpty();
        for (Map.Entry<Instant, DestinationPause> announced : pauses) {
            Instant at = announced.getKey();
            DestinationPause pause = announced.getValue();
            assertThat(Duration.between(at, pause.nextProbeAt())).as("interval announced at %s after %d failures",
                    at, pause.failures()).isEqualTo(expectedInterval(pause.failures(), retryAfterAt.apply(at)));
            assertThat(calls.stream().filter(at::equals).count()).as("%s at the failure of %s", what, at).isEqualTo(1);
            assertThat(calls.stream().filter(t -> t.isAfter(at) && t.isBefore(pause.nextProbeAt())).toList())
                    .as("%s after the failure at %s before its next probe at %s", what, at, pause.nextProbeAt())
                    .isEmpty();
        }
    }

    /**
     * Pauses come in {@code episodes} runs: failures count 1, 2, 3 ... within one, and each ends with exactly
     * one DestinationResumed.
     */
    private static void assertEpisodes(TwoInstances stack, List<Map.Entry<Instant, DestinationPause>> pauses,
                                       Destination destination, int episodes) {
        List<Integer> failures = pauses.stream().map(p -> p.getValue().failures()).toList();
        int starts = 0;
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) == 1) {
                starts++;
            } else {
                assertThat(failures.get(i)).as("failures of pause %d", i).isEqualTo(failures.get(i - 1) + 1);
            }
        }
        assertThat(starts).as("pause episodes of %s", destination).isEqualTo(episodes);
        assertThat(stack.events(RoofworxEvent.DestinationResumed.class).stream()
                .filter(r -> r.destination() == destination)).as("resumes of %s", destination).hasSize(episodes);
    }

    private static Phase phaseAt(List<Phase> phases, Instant at) {
        return phases.stream().filter(p -> !at.isBefore(p.from()) && !at.isAfter(p.to())).findFirst()
                .orElseThrow(() -> new AssertionError("a pause at " + at + " outside every outage"));
    }

    @Test
    @DisplayName("Zoho calls are paced into full batches across instances: ≤ 3 per 100 entries at 5/s, ≤ 1.2 at 200/s")
    void zohoCallsArePacedIntoFullBatches() {
        try (TwoInstances stack = new TwoInstances(pool, direct, 41, Duration.ofSeconds(30))) {
            int before = stack.simulator.counters().upsertRequests();
            int slow = paced(stack, 5, Duration.ofMinutes(5));
            double slowRate = 100.0 * (stack.simulator.counters().upsertRequests() - before) / slow;
            before = stack.simulator.counters().upsertRequests();
            int busy = paced(stack, 200, Duration.ofSeconds(30));
            double busyRate = 100.0 * (stack.simulator.counters().upsertRequests() - before) / busy;
            System.out.printf("pacing: %d entries at 5/s: %.2f upsert calls per 100; %d at 200/s: %.2f per 100%n",
                    slow, slowRate, busy, busyRate);
            assertThat(slowRate).as("upsert calls per 100 entries at 5 submits/s").isLessThanOrEqualTo(3.0);
            assertThat(busyRate).as("upsert calls per 100 entries at 200 submits/s").isLessThanOrEqualTo(1.2);
            stack.assertEveryEntryOnceEverywhere();
        }
    }

    /**
     * Submits {@code perSecond} entries a second for {@code length}, each followed by a drain of the hot queue
     * (as after a submit), while the instances take turns sweeping every 5 s: more often than the linger, so
     * batches must come from the linger's top-up, not from sparse sweeps. Then lets everything settle.
     */
    private static int paced(TwoInstances stack, int perSecond, Duration length) {
        long stepMillis = 1000L / perSecond;
        int submitted = 0;
        for (long t = 0; t < length.toMillis(); t += stepMillis) {
            TimeEntry entry = stack.submit();
            (submitted % 2 == 0 ? stack.a : stack.b).sync().syncUser(entry.owner());
            submitted++;
            Instant before = stack.clock.now();
            stack.clock.advance(Duration.ofMillis(stepMillis));
            if (before.toEpochMilli() / 5_000 != stack.clock.now().toEpochMilli() / 5_000) {
                (submitted % 2 == 0 ? stack.b : stack.a).sync().runOnce();
            }
        }
        for (int i = 0; i < 20 && !stack.everywhere(); i++) {
            stack.clock.advance(Duration.ofSeconds(30));
            stack.a.sync().runOnce();
        }
        return submitted;
    }
}
