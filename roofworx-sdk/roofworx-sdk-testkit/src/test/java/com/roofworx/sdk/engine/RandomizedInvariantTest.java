package com.roofworx.sdk.engine;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.testkit.Faults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random schedules of submits (new and repeated), store faults, worker deaths, sync runs and time jumps.
 * Whatever happens, at the end every acknowledged entry is in the warm store and the cold sink exactly once,
 * with the content that was submitted, and no unacknowledged entry is anywhere.
 * Fixed seeds make failures reproducible; one fresh seed per run widens the search and is printed on failure.
 */
class RandomizedInvariantTest {
    private static final int FIXED_SCHEDULES = 500;
    private static final String[] USERS = {Harness.ANNA, Harness.BEN, Harness.CARL};
    private static final String[] PROJECT_OF = {"1001", "1001", "1002"};

    @Test
    @DisplayName("500 fixed seeds and one fresh seed keep every acknowledged entry, once, everywhere")
    void invariantsHold() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= FIXED_SCHEDULES; s++) {
            seeds.add(s);
        }
        long fresh = System.nanoTime();
        seeds.add(fresh);
        for (long seed : seeds) {
            try {
                runSchedule(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("schedule failed with seed " + seed
                        + (seed == fresh ? " (fresh seed)" : "") + ": " + e.getMessage(), e);
            }
        }
    }

    private void runSchedule(long seed) {
        Random random = new Random(seed);
        RoofworxConfig config = Harness.config().batchSize(1 + random.nextInt(8)).build();
        Harness h = new Harness(config);
        Faults<HotEntryStore> dyingHot = Faults.wrap(HotEntryStore.class, h.hotMemory).onlyMethod("complete")
                .failAlways();
        Roofworx second = h.instance(config, h.hot.proxy());
        Roofworx doomed = h.instance(config, dyingHot.proxy());
        Map<UUID, EntryDraft> acknowledged = new HashMap<>();
        Map<UUID, String> owners = new HashMap<>();
        Set<UUID> refused = new HashSet<>();

        int steps = 20 + random.nextInt(40);
        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> submit(h, random, acknowledged, owners, refused);
                case 3 -> repeat(h, random, acknowledged, owners);
                case 4 -> injectFault(h, random);
                case 5 -> h.roofworx.sync().runOnce();
                case 6 -> second.sync().syncUser(USERS[random.nextInt(USERS.length)]);
                case 7 -> doomed.sync().runOnce();
                default -> h.clock.advance(Duration.ofSeconds(random.nextInt(120)));
            }
        }

        h.hot.heal();
        h.warm.heal();
        h.cold.heal();
        settle(h);

        Set<UUID> inWarm = new HashSet<>();
        for (TimeEntry e : h.warmMemory.all()) {
            assertThat(inWarm.add(e.id())).as("entry %s twice in warm", e.id()).isTrue();
        }
        assertThat(inWarm).as("warm holds exactly the acknowledged entries").isEqualTo(acknowledged.keySet());
        assertThat(h.coldMemory.recordCount()).as("cold records").isEqualTo(acknowledged.size());
        acknowledged.forEach((id, draft) -> {
            TimeEntry warm = h.warmMemory.get(owners.get(id), id).orElseThrow();
            assertThat(warm.sameContentAs(draft)).as("warm content of %s", id).isTrue();
            TimeEntry cold = h.coldMemory.record(id).orElseThrow(() -> new AssertionError("not in cold: " + id));
            assertThat(cold.sameContentAs(draft)).as("cold content of %s", id).isTrue();
        });
        for (UUID id : refused) {
            if (!acknowledged.containsKey(id)) {
                assertThat(h.coldMemory.record(id)).as("unacknowledged %s in cold", id).isEmpty();
                assertThat(USERS).allSatisfy(u -> assertThat(h.hotMemory.get(u, id)).isEmpty());
            }
        }
    }

    private static void submit(Harness h, Random random, Map<UUID, EntryDraft> acknowledged,
                               Map<UUID, String> owners, Set<UUID> refused) {
        int u = random.nextInt(USERS.length);
        EntryDraft draft = new EntryDraft(UUID.randomUUID(), PROJECT_OF[u], h.clock.today().minusDays(random.nextInt(20)),
                15 + random.nextInt(480), random.nextBoolean() ? "Ridge vent" : null, null);
        try {
            SubmitResult result = h.roofworx.entries().submit(USERS[u], draft);
            acknowledged.put(result.entry().id(), draft);
            owners.put(result.entry().id(), USERS[u]);
        } catch (RuntimeException e) {
            refused.add(draft.id());
        }
    }

    /** A phone retrying a submit it never saw answered. */
    private static void repeat(Harness h, Random random, Map<UUID, EntryDraft> acknowledged,
                               Map<UUID, String> owners) {
        if (acknowledged.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(acknowledged.keySet());
        UUID id = ids.get(random.nextInt(ids.size()));
        try {
            SubmitResult again = h.roofworx.entries().submit(owners.get(id), acknowledged.get(id));
            assertThat(again.entry().id()).isEqualTo(id);
            assertThat(again.entry().sameContentAs(acknowledged.get(id))).isTrue();
            // A repeat is answered as new only when the hot store could not know the first copy: it went to
            // warm while hot was down. The sync then finds the id in warm and writes nothing twice.
            if (again.created()) {
                assertThat(wentToWarm(h, id)).as("repeat of %s created a second hot entry", id).isTrue();
            }
        } catch (com.roofworx.sdk.StoreUnavailableException expectedWhileDown) {
            // Both stores down: the phone will retry again later.
        }
    }

    private static boolean wentToWarm(Harness h, UUID id) {
        return h.events(com.roofworx.sdk.event.RoofworxEvent.EntrySubmitted.class).stream()
                .anyMatch(e -> e.entry().id().equals(id) && e.storedIn() == com.roofworx.sdk.event.RoofworxEvent.Tier.WARM);
    }

    private static void injectFault(Harness h, Random random) {
        Faults<?> target = switch (random.nextInt(3)) {
            case 0 -> h.hot;
            case 1 -> h.warm;
            default -> h.cold;
        };
        if (random.nextInt(4) == 0) {
            target.failAlways();
        } else if (random.nextInt(3) == 0) {
            target.heal();
        } else {
            target.failNext(1 + random.nextInt(4));
        }
    }

    /** Runs sync with healthy stores until nothing is left, replaying anything that got blocked meanwhile. */
    private static void settle(Harness h) {
        for (int round = 0; round < 100; round++) {
            h.clock.advance(Duration.ofMinutes(10));
            h.roofworx.sync().runOnce();
            h.roofworx.sync().blocked(1000).forEach(e -> h.roofworx.sync().replay(e.id()));
            boolean idle = h.roofworx.sync().stats().queued() == 0 && h.roofworx.sync().blocked(1).isEmpty()
                    && h.warmMemory.claimColdDue(h.clock.now(), Duration.ZERO, 1).isEmpty();
            if (idle) {
                return;
            }
        }
    }
}
