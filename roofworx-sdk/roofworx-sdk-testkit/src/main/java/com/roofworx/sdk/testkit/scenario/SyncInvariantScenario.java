package com.roofworx.sdk.testkit.scenario;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.TimeEntries;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.Faults;
import com.roofworx.sdk.testkit.TestClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random schedules of submits (new and repeated), corrections and voids (and their repeats), store faults
 * (short blips and outages lasting hours),
 * per-record answers of the cold side (retryable, and refusals of one worker nobody in the CRM knows),
 * worker deaths, sync runs and time jumps, over any hot and warm store. Whatever happens:
 * <ul>
 *   <li>a submit is refused only while the hot and the warm store were both failing;</li>
 *   <li>the only blocked entries are those the cold sink refused, and a bulk replay after the fix syncs them;</li>
 *   <li>a correction naming the last acknowledged version is never answered as stale, and is refused only
 *       while the hot store was failing;</li>
 *   <li>at the end every acknowledged entry is in the warm store and the cold sink exactly once, at its last
 *       acknowledged version (content and voided mark), the warm store's history holds every acknowledged
 *       version once, and no refused entry is anywhere.</li>
 * </ul>
 * <p>
 * Run it against your own adapters to see them survive the engine's worst days:
 * <pre>{@code
 * new SyncInvariantScenario(clock -> new Adapters(myHotStore(clock), myWarmStore())).runSeeds(1, 100, true);
 * }</pre>
 * The factory is called once per schedule and must answer empty stores. The cold side is in memory
 * ({@link InMemoryColdSide}) unless the factory names one ({@link ColdSide}, e.g. a CRM behind the real sink):
 * it must then know the {@link #WORKERS} but {@link #UNKNOWN_WORKER} and the {@link #PROJECTS}.
 */
public final class SyncInvariantScenario {
    /** The workers who submit. The last one is not known to the cold side until the end: refused there. */
    public static final List<String> WORKERS = List.of("anna@example.com", "ben@example.com", "carl@example.com",
            "dora@example.com");
    /** The worker the cold side refuses with code {@code UNKNOWN_WORKER} until {@link ColdSide#makeKnown}. */
    public static final String UNKNOWN_WORKER = WORKERS.get(3);
    /** The projects the workers book to. */
    public static final List<Project> PROJECTS = List.of(Project.of("1001", "Maple St re-roof"),
            Project.of("1002", "Harbor warehouse"));
    private static final String[] USERS = WORKERS.toArray(String[]::new);
    private static final String[] PROJECT_OF = {"1001", "1001", "1002", "1002"};
    private static final String UNKNOWN = UNKNOWN_WORKER;

    private final Function<TestClock, Adapters> factory;
    private final AtomicLong changesAcknowledged = new AtomicLong();

    /**
     * The stores under test and the cold side; the project source and cache are in memory. The hot store is
     * shared by every instance of the schedule.
     */
    public record Adapters(HotEntryStore hot, WarmEntryStore warm, ColdSide cold) {
        /** With an in-memory cold side. */
        public Adapters(HotEntryStore hot, WarmEntryStore warm) {
            this(hot, warm, new InMemoryColdSide(UNKNOWN_WORKER));
        }
    }

    public SyncInvariantScenario(Function<TestClock, Adapters> factory) {
        this.factory = factory;
    }

    /**
     * Runs {@code count} schedules with seeds {@code first, first + 1, ...}, and one fresh seed when asked.
     * A failure names the seed that reproduces it.
     */
    public void runSeeds(long first, int count, boolean plusFreshSeed) {
        for (long seed = first; seed < first + count; seed++) {
            runReporting(seed, false);
        }
        if (plusFreshSeed) {
            runReporting(System.nanoTime(), true);
        }
        assertThat(changesAcknowledged.get()).as("schedules that corrected nothing prove nothing about versions")
                .isPositive();
    }

    private void runReporting(long seed, boolean fresh) {
        try {
            run(seed);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("schedule failed with seed " + seed + (fresh ? " (fresh seed)" : "") + ": "
                    + e.getMessage(), e);
        }
    }

    /** One schedule. */
    public void run(long seed) {
        Schedule schedule = new Schedule(new Random(seed));
        try (ColdSide ignored = schedule.coldSide) {
            schedule.play();
        }
    }

    /** An acknowledged version: its content and whether it voided the entry. */
    private record Acked(EntryDraft draft, boolean voided) {
    }

    private final class Schedule {
        private final Random random;
        private final TestClock clock = new TestClock();
        private final Adapters adapters = factory.apply(clock);
        private final Faults<HotEntryStore> hot = Faults.wrap(HotEntryStore.class, adapters.hot());
        private final Faults<WarmEntryStore> warm = Faults.wrap(WarmEntryStore.class, adapters.warm());
        private final ColdSide coldSide = adapters.cold();
        private final Faults<ColdEntrySink> cold = Faults.wrap(ColdEntrySink.class, coldSide.sink());
        private final InMemoryProjectSource source = new InMemoryProjectSource()
                .put(PROJECTS.get(0)).put(PROJECTS.get(1))
                .assign(USERS[0], "1001").assign(USERS[1], "1001").assign(USERS[2], "1002")
                .assign(USERS[3], "1002");
        private final List<RoofworxEvent.EntrySubmitted> submitted = new CopyOnWriteArrayList<>();
        private final Map<UUID, EntryDraft> acknowledged = new HashMap<>();
        /** Every acknowledged version of each entry, by version number: its content and voided mark. */
        private final Map<UUID, Map<Integer, Acked>> versions = new HashMap<>();
        private final Map<UUID, String> owners = new HashMap<>();
        private final Set<UUID> refused = new HashSet<>();

        Schedule(Random random) {
            this.random = random;
        }

        void play() {
            RoofworxConfig config = RoofworxConfig.builder().syncAfterSubmit(false).backoffJitter(0)
                    .backoffMax(Duration.ofMinutes(5)).batchSize(1 + random.nextInt(8))
                    .correctionWindow(Duration.ofDays(60)).build();
            Roofworx main = instance(config, hot.proxy());
            Roofworx second = instance(config, hot.proxy());
            // Writes to warm and cold, then dies before acknowledging anything.
            Roofworx doomed = instance(config,
                    Faults.wrap(HotEntryStore.class, adapters.hot()).onlyMethod("complete", "completeAll").failAlways().proxy());
            submit(main);
            int steps = 20 + random.nextInt(40);
            for (int step = 0; step < steps; step++) {
                switch (random.nextInt(13)) {
                    case 0, 1, 2 -> submit(main);
                    case 11 -> change(random.nextBoolean() ? main : second);
                    case 12 -> repeatChange(random.nextBoolean() ? main : second);
                    case 3 -> repeat(main);
                    case 4 -> injectFault();
                    case 5 -> {
                        lockSome();
                        main.sync().runOnce();
                    }
                    case 6 -> {
                        lockSome();
                        second.sync().syncUser(USERS[random.nextInt(USERS.length)]);
                    }
                    case 7 -> {
                        lockSome();
                        doomed.sync().runOnce();
                    }
                    case 8 -> outage(main, second);
                    case 9 -> {
                        lockSome();
                        second.sync().runOnce();
                    }
                    default -> clock.advance(Duration.ofSeconds(random.nextInt(120)));
                }
            }
            hot.heal();
            warm.heal();
            cold.heal();
            // Record locks may still be met while settling: they are retried, never blocked.
            coldSide.retryableNext(random.nextInt(4));
            settle(main);
            verifyOnlyRefusalsBlocked(main);
            coldSide.makeKnown(UNKNOWN);
            main.sync().replayAll(BlockedFilter.all().errorCode("UNKNOWN_WORKER"));
            settle(main);
            assertThat(main.sync().blocked(1)).as("blocked after the fix and bulk replay").isEmpty();
            verify();
        }

        private Roofworx instance(RoofworxConfig config, HotEntryStore hotStore) {
            return Roofworx.builder().projectSource(source).projectCache(new InMemoryProjectCache(clock))
                    .hotStore(hotStore).warmStore(warm.proxy()).coldSink(cold.proxy()).clock(clock).config(config)
                    .listener(RoofworxEventListener.on(RoofworxEvent.EntrySubmitted.class, submitted::add)).build();
        }

        /** Now and then the next few records written to the cold side hit a record lock (retryable). */
        private void lockSome() {
            if (random.nextInt(3) == 0) {
                coldSide.retryableNext(1 + random.nextInt(3));
            }
        }

        /** One store down for minutes to hours while both instances keep syncing; sometimes it comes back. */
        private void outage(Roofworx main, Roofworx second) {
            Faults<?> target = pick();
            target.failAlways();
            int runs = 1 + random.nextInt(12);
            for (int i = 0; i < runs; i++) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
                lockSome();
                (random.nextBoolean() ? main : second).sync().runOnce();
                if (random.nextInt(3) == 0) {
                    submit(main);
                }
            }
            if (random.nextBoolean()) {
                target.heal();
            }
        }

        private Faults<?> pick() {
            return switch (random.nextInt(3)) {
                case 0 -> hot;
                case 1 -> warm;
                default -> cold;
            };
        }

        private void submit(Roofworx sdk) {
            int u = random.nextInt(USERS.length);
            EntryDraft draft = new EntryDraft(UUID.randomUUID(), PROJECT_OF[u],
                    clock.today().minusDays(random.nextInt(20)), 15 + random.nextInt(480),
                    random.nextBoolean() ? "Ridge vent" : null, null);
            try {
                SubmitResult result = sdk.entries().submit(USERS[u], draft);
                acknowledged.put(result.entry().id(), draft);
                owners.put(result.entry().id(), USERS[u]);
                versions.computeIfAbsent(draft.id(), k -> new HashMap<>()).put(1, new Acked(draft, false));
            } catch (StoreUnavailableException e) {
                assertThat(bothStoresFailed(e)).as("submit refused while a store could take it: %s", e).isTrue();
                refused.add(draft.id());
            }
        }

        /** The SDK refuses a submit only when the hot insert and the warm fallback both failed. */
        private boolean bothStoresFailed(StoreUnavailableException e) {
            Throwable warmFailure = e.getCause();
            return warmFailure instanceof Faults.InjectedFault && warmFailure.getSuppressed().length == 1
                    && warmFailure.getSuppressed()[0] instanceof Faults.InjectedFault;
        }

        /** A phone retrying a submit it never saw answered. */
        private void repeat(Roofworx sdk) {
            if (acknowledged.isEmpty()) {
                return;
            }
            List<UUID> ids = acknowledged.keySet().stream().sorted().toList();
            UUID id = ids.get(random.nextInt(ids.size()));
            try {
                SubmitResult again = sdk.entries().submit(owners.get(id), versions.get(id).get(1).draft);
                assertThat(again.entry().id()).isEqualTo(id);
                // A corrected entry answers as it is now (an earlier acknowledged version only while the store
                // holding the newer one cannot be read), never a conflict and never content nobody acknowledged.
                Acked answered = versions.get(id).get(again.entry().version());
                assertThat(answered).as("repeat of %s answered unacknowledged version %s", id,
                        again.entry().version()).isNotNull();
                assertThat(again.entry().sameContentAs(answered.draft)).isTrue();
                // Answered as new only when the hot store could not know the first copy: it went to warm
                // while hot was down. The sync then finds the id in warm and writes nothing twice.
                if (again.created()) {
                    assertThat(wentToWarm(id)).as("repeat of %s created a second hot entry", id).isTrue();
                }
            } catch (StoreUnavailableException expectedWhileDown) {
                // Both stores down: the phone will retry later.
            }
        }

        /** A worker corrects or voids one of their entries, naming the last version they were answered. */
        private void change(Roofworx sdk) {
            List<UUID> open = acknowledged.keySet().stream().filter(id -> !latest(id).voided).sorted().toList();
            if (open.isEmpty()) {
                return;
            }
            UUID id = open.get(random.nextInt(open.size()));
            int version = latestVersion(id);
            boolean voiding = random.nextInt(4) == 0;
            EntryDraft draft = voiding ? latest(id).draft : new EntryDraft(id, latest(id).draft.projectId(),
                    clock.today().minusDays(random.nextInt(20)), 15 + random.nextInt(480),
                    random.nextBoolean() ? "Corrected: ridge vent" : null, null);
            send(sdk, id, version, draft, voiding);
        }

        /** A phone resending a change it never saw answered: same expected version, same content. */
        private void repeatChange(Roofworx sdk) {
            List<UUID> changed = versions.entrySet().stream().filter(v -> v.getValue().size() > 1)
                    .map(Map.Entry::getKey).sorted().toList();
            if (changed.isEmpty()) {
                return;
            }
            UUID id = changed.get(random.nextInt(changed.size()));
            int version = latestVersion(id);
            Acked last = latest(id);
            send(sdk, id, version - 1, last.draft, last.voided);
        }

        private void send(Roofworx sdk, UUID id, int expectedVersion, EntryDraft draft, boolean voiding) {
            String owner = owners.get(id);
            try {
                TimeEntries.ChangeResult result = voiding ? sdk.entries().voidEntry(owner, id, expectedVersion)
                        : sdk.entries().correct(owner, id, expectedVersion, draft);
                TimeEntry entry = result.entry();
                assertThat(entry.version()).as("version after changing %s at %s", id, expectedVersion)
                        .isEqualTo(expectedVersion + 1);
                assertThat(entry.voided()).isEqualTo(voiding);
                assertThat(entry.sameContentAs(draft)).as("content after changing %s", id).isTrue();
                if (!result.changed()) {
                    assertThat(latestVersion(id)).as("a repeat of a change not made before").isEqualTo(entry.version());
                }
                versions.get(id).put(entry.version(), new Acked(draft.withId(id), voiding));
                changesAcknowledged.incrementAndGet();
                acknowledged.put(id, draft.withId(id));
            } catch (StoreUnavailableException e) {
                assertThat(injected(e)).as("change refused with healthy stores: %s", e).isTrue();
            }
        }

        private boolean injected(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Faults.InjectedFault) {
                    return true;
                }
                for (Throwable s : t.getSuppressed()) {
                    if (injected(s)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private int latestVersion(UUID id) {
            return versions.get(id).keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        }

        private Acked latest(UUID id) {
            return versions.get(id).get(latestVersion(id));
        }

        private boolean wentToWarm(UUID id) {
            return submitted.stream().anyMatch(e -> e.entry().id().equals(id) && e.storedIn() == RoofworxEvent.Tier.WARM);
        }

        private void injectFault() {
            Faults<?> target = pick();
            if (random.nextInt(4) == 0) {
                target.failAlways();
            } else if (random.nextInt(3) == 0) {
                target.heal();
            } else {
                target.failNext(1 + random.nextInt(4));
            }
        }

        /**
         * Syncs with healthy stores until nothing is left: no queued hot work, no cold work in the warm store
         * (due now or leased), or only refused entries. Replays nothing: what is blocked must have been refused.
         */
        private void settle(Roofworx sdk) {
            for (int round = 0; round < 100; round++) {
                clock.advance(Duration.ofMinutes(10));
                sdk.sync().runOnce();
                if (sdk.sync().stats().queued() == 0 && adapters.warm()
                        .claimColdDue(clock.now().plus(Duration.ofMinutes(5)), Duration.ofMillis(1), 1).isEmpty()) {
                    return;
                }
            }
            throw new AssertionError("sync did not settle: " + sdk.sync().stats());
        }

        /** Nothing is blocked but what the cold sink refused: the unknown worker's entries, with its code. */
        private void verifyOnlyRefusalsBlocked(Roofworx sdk) {
            List<TimeEntry> blocked = new ArrayList<>();
            String cursor = null;
            do {
                SyncEngine.BlockedPage page = sdk.sync().blocked(BlockedFilter.all(), cursor, 7);
                blocked.addAll(page.entries());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(blocked).as("blocked entries").allSatisfy(e -> {
                assertThat(e.owner()).isEqualTo(UNKNOWN);
                assertThat(e.cold().errorCode()).isEqualTo("UNKNOWN_WORKER");
                assertThat(e.warm().isSynced()).isTrue();
            });
            long unknownsAcknowledged = acknowledged.keySet().stream().filter(id -> owners.get(id).equals(UNKNOWN))
                    .count();
            // (voided entries of the unknown worker are refused like the others: the CRM must hear of the void)
            assertThat(blocked).as("every refused entry is listed once").hasSize((int) unknownsAcknowledged);
        }

        /** The warm store's history holds every acknowledged version once, with its content, and nothing else. */
        private void verifyHistory(String owner, UUID id) {
            List<EntryRevision> history = adapters.warm().history(owner, id);
            assertThat(history).extracting(EntryRevision::version).as("history versions of %s", id)
                    .containsExactlyElementsOf(versions.get(id).keySet().stream().sorted().toList());
            for (EntryRevision r : history) {
                Acked acked = versions.get(id).get(r.version());
                EntryDraft d = acked.draft;
                assertThat(r.projectId().equals(d.projectId()) && r.workDate().equals(d.workDate())
                        && r.minutes() == d.minutes() && Objects.equals(r.notes(), d.notes())
                        && r.voided() == acked.voided).as("history content of %s version %s", id, r.version()).isTrue();
            }
        }

        private void verify() {
            Set<UUID> inWarm = new HashSet<>();
            for (String user : USERS) {
                for (TimeEntry e : adapters.warm().range(user, clock.today().minusDays(400), clock.today().plusDays(2))) {
                    assertThat(inWarm.add(e.id())).as("entry %s twice in warm", e.id()).isTrue();
                    EntryDraft draft = acknowledged.get(e.id());
                    assertThat(draft).as("warm holds unacknowledged entry %s", e.id()).isNotNull();
                    assertThat(e.sameContentAs(draft)).as("warm content of %s", e.id()).isTrue();
                    assertThat(e.version()).as("warm version of %s", e.id()).isEqualTo(latestVersion(e.id()));
                    assertThat(e.voided()).as("warm voided mark of %s", e.id()).isEqualTo(latest(e.id()).voided);
                    verifyHistory(user, e.id());
                }
            }
            assertThat(inWarm).as("warm holds every acknowledged entry").isEqualTo(acknowledged.keySet());
            assertThat(acknowledged).as("a schedule that acknowledged nothing proves nothing").isNotEmpty();
            acknowledged.forEach((id, draft) -> {
                assertThat(coldSide.recordCount(id)).as("cold records of %s", id).isEqualTo(1);
                assertThat(coldSide.holds(id, owners.get(id), draft)).as("cold content of %s", id).isTrue();
                assertThat(coldSide.holdsVersion(id, latestVersion(id), latest(id).voided))
                        .as("cold version of %s", id).isTrue();
            });
            assertThat(coldSide.recordCount()).as("cold records").isEqualTo(acknowledged.size());
            assertThat(coldSide.olderOverNewer()).as("writes of an older version over a newer one").isZero();
            for (UUID id : refused) {
                if (!acknowledged.containsKey(id)) {
                    assertThat(coldSide.recordCount(id)).as("refused %s in cold", id).isZero();
                    for (String user : USERS) {
                        assertThat(adapters.hot().get(user, id)).as("refused %s in hot", id).isEmpty();
                    }
                }
            }
        }
    }
}
