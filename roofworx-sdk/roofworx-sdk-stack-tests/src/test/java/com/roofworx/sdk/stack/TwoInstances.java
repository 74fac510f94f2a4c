package com.roofworx.sdk.stack;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.zoho.DuplicateCheck;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import com.roofworx.sdk.zoho.ZohoCrm;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two SDK instances as two application servers would run them: each with its own Redis hot store, PostgreSQL
 * warm store and Zoho CRM connection, all on one Redis key space, one database and one Zoho CRM simulator, and
 * sharing the access token through Redis. Everything runs on one test clock; nothing syncs by itself: the test
 * submits and then {@link #tick()}s, which moves the clock 10-15 s and runs the next instance's sync, so each
 * instance syncs every 20-30 s of test time. Calls to the hot and warm stores are logged with the clock's time.
 */
final class TwoInstances implements AutoCloseable {
    static final String ANNA = "anna@example.com";
    static final String BEN = "ben@example.com";
    static final String CARL = "carl@example.com";
    /** Assigned to a project, but no user in the CRM. */
    static final String DORA = "dora@example.com";
    static final List<String> KNOWN = List.of(ANNA, BEN, CARL);
    static final Duration BACKOFF_MAX = RoofworxConfig.DEFAULT_BACKOFF_MAX;
    /** The longest gap between two sync runs (of either instance). */
    static final Duration MAX_TICK = Duration.ofSeconds(15);

    /** An event and the test clock's time when it was published. */
    record Seen(Instant at, RoofworxEvent event) {
    }

    final TestClock clock = new TestClock();
    final ZohoCrmSimulator simulator = ZohoCrmSimulator.start(clock).duplicateCheck(DuplicateCheck.REQUESTED_ONLY);
    final CallLog hotCalls = new CallLog(clock);
    final CallLog warmCalls = new CallLog(clock);
    final List<Seen> events = new CopyOnWriteArrayList<>();
    final Map<UUID, EntryDraft> acknowledged = new LinkedHashMap<>();
    final Map<UUID, String> owners = new LinkedHashMap<>();
    final Roofworx a;
    final Roofworx b;
    /** Where the test reads what PostgreSQL holds: not the engines' pool, whose recovery is under test. */
    private final DataSource warmData;
    private final Random random;
    private final List<ZohoCrm> connections = new ArrayList<>();
    private int ticks;
    private int submits;

    /**
     * @param enginePool the engines' connection pool
     * @param warmData   the same database, for the test's own reads
     */
    TwoInstances(DataSource enginePool, DataSource warmData, long seed) {
        // Each Zoho write at once: the outage tests count calls per probe interval, not batching.
        this(enginePool, warmData, seed, Duration.ZERO);
    }

    TwoInstances(DataSource enginePool, DataSource warmData, long seed, Duration coldLinger) {
        this.warmData = warmData;
        this.random = new Random(seed);
        simulator.addDeal("1001", "Maple St re-roof", "Closed Won", "Maple Homes", null);
        simulator.addDeal("1002", "Harbor warehouse", "Closed Won", "Harbor Logistics", null);
        KNOWN.forEach(worker -> simulator.addUser(worker, worker));
        InMemoryProjectSource projects = new InMemoryProjectSource()
                .put(Project.of("1001", "Maple St re-roof")).put(Project.of("1002", "Harbor warehouse"))
                .assign(ANNA, "1001").assign(BEN, "1001").assign(CARL, "1002").assign(DORA, "1002");
        RedisAdapter redis = Stack.freshRedis();
        AccessTokenCache tokens = redis.accessTokenCache(clock);
        RoofworxConfig config = RoofworxConfig.builder().syncAfterSubmit(false).backoffJitter(0)
                .backoffMax(BACKOFF_MAX).coldLinger(coldLinger).build();
        Function<String, Roofworx> instance = name -> {
            ZohoCrm crm = ZohoCrm.connect(Stack.zohoConfig(simulator), tokens, clock);
            connections.add(crm);
            return Roofworx.builder().projectSource(projects).projectCache(redis.projectCache(clock))
                    .hotStore(hotCalls.wrap(HotEntryStore.class, redis.hotEntryStore(clock)))
                    .warmStore(warmCalls.wrap(WarmEntryStore.class, new PostgresWarmEntryStore(enginePool)))
                    .coldSink(crm.coldEntrySink()).clock(clock).config(config)
                    .listener(event -> events.add(new Seen(clock.now(), event))).build();
        };
        a = instance.apply("a");
        b = instance.apply("b");
    }

    /** A new entry of a random known worker, through either instance. */
    TimeEntry submit() {
        return submit(KNOWN.get(random.nextInt(KNOWN.size())));
    }

    TimeEntry submit(String worker) {
        EntryDraft draft = new EntryDraft(UUID.randomUUID(), worker.equals(CARL) || worker.equals(DORA) ? "1002" : "1001",
                clock.today().minusDays(random.nextInt(10)), 15 + random.nextInt(480),
                random.nextBoolean() ? "Ridge vent" : null, null);
        SubmitResult result = (submits++ % 2 == 0 ? a : b).entries().submit(worker, draft);
        acknowledged.put(result.entry().id(), draft);
        owners.put(result.entry().id(), worker);
        return result.entry();
    }

    /** Moves the clock 10-15 s and runs the next instance's sync. */
    void tick() {
        clock.advance(Duration.ofMillis(10_000 + random.nextInt(5_001)));
        (ticks++ % 2 == 0 ? a : b).sync().runOnce();
    }

    /** Ticks for {@code duration} of test time, submitting a new entry before about half of the ticks. */
    void run(Duration duration) {
        Instant end = clock.now().plus(duration);
        while (clock.now().isBefore(end)) {
            if (random.nextBoolean()) {
                submit();
            }
            tick();
        }
    }

    /** Ticks (no new entries) until every acknowledged entry is in PostgreSQL and Zoho; answers when that was. */
    Instant runUntilEverywhere(Duration limit) {
        Instant giveUp = clock.now().plus(limit);
        while (!everywhere()) {
            assertThat(clock.now()).as("every entry in PostgreSQL and Zoho by %s", giveUp).isBefore(giveUp);
            tick();
        }
        return clock.now();
    }

    boolean everywhere() {
        return Stack.warmRowCounts(warmData).keySet().containsAll(acknowledged.keySet())
                && Stack.timeEntryCounts(simulator).keySet().containsAll(acknowledged.keySet());
    }

    /** Nothing blocked, and every acknowledged entry exactly once in PostgreSQL and in Zoho, with its content. */
    void assertEveryEntryOnceEverywhere() {
        assertThat(a.sync().blocked(BlockedFilter.all(), null, 10).entries()).as("blocked entries").isEmpty();
        SyncEngine.SyncStats stats = b.sync().stats();
        assertThat(List.of(stats.queued(), stats.warmBlocked(), stats.coldBlocked(), stats.coldPending()))
                .as("queued, blocked in warm and cold, cold backlog").containsOnly(0L);
        Map<UUID, Integer> expected = new LinkedHashMap<>();
        acknowledged.keySet().forEach(id -> expected.put(id, 1));
        assertThat(Stack.warmRowCounts(warmData)).as("PostgreSQL rows per entry id").isEqualTo(expected);
        assertThat(Stack.timeEntryCounts(simulator)).as("Zoho Time_Entries records per Entry_UUID").isEqualTo(expected);
        acknowledged.forEach((id, draft) -> {
            JsonObject record = Stack.timeEntryRecords(simulator, id).get(0);
            assertThat(record.getJsonObject("Deal").getString("id")).as("Deal of %s", id).isEqualTo(draft.projectId());
            assertThat(record.getJsonObject("Worker").getString("email")).as("Worker of %s", id)
                    .isEqualTo(owners.get(id));
            assertThat(record.getString("Work_Date")).as("Work_Date of %s", id).isEqualTo(draft.workDate().toString());
        });
    }

    /** The pauses of {@code destination} announced so far, in order, with when they were announced. */
    List<Map.Entry<Instant, DestinationPause>> pauses(Destination destination) {
        List<Map.Entry<Instant, DestinationPause>> pauses = new ArrayList<>();
        for (Seen seen : events) {
            if (seen.event() instanceof RoofworxEvent.DestinationPaused p && p.pause().destination() == destination) {
                pauses.add(Map.entry(seen.at(), p.pause()));
            }
        }
        return pauses;
    }

    <E extends RoofworxEvent> List<E> events(Class<E> type) {
        return events.stream().map(Seen::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** The interval a pause announces after its {@code failures}-th failure: 1 s doubling, capped, never below Retry-After. */
    static Duration expectedInterval(int failures, Duration retryAfter) {
        long seconds = Math.min(1L << Math.min(failures - 1, 30), BACKOFF_MAX.toSeconds());
        Duration backoff = Duration.ofSeconds(seconds);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    @Override
    public void close() {
        a.close();
        b.close();
        connections.forEach(ZohoCrm::close);
        simulator.close();
    }
}
