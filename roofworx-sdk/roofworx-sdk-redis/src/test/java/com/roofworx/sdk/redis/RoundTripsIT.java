package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands each hot-path call sends, counted on the client. Commands sent before the first reply is
 * awaited travel together (one round trip); the hot paths send one command, or two pipelined.
 */
class RoundTripsIT {
    private static final String ANNA = "anna@example.com";
    private static RedisTestServer server;
    private static RedisClient client;
    private static final List<String> SENT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = RedisTestServer.start();
        client = RedisClient.create(server.uri());
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                SENT.add(event.getCommand().getType().toString());
            }
        });
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        server.close();
    }

    private static List<String> sentBy(Runnable call) {
        call.run(); // first call loads the scripts (NOSCRIPT, then EVAL); count the steady state
        SENT.clear();
        call.run();
        return List.copyOf(SENT);
    }

    @Test
    @DisplayName("single-node mode: a submit is one EVALSHA; a projects read one HGETALL; a range one EVALSHA")
    void singleNode() {
        try (RedisAdapter adapter = RedisAdapter.using(client, RedisAdapterConfig.builder()
                .keyPrefix(RedisTestServer.freshPrefix()).build())) {
            TestClock clock = new TestClock();
            HotEntryStore hot = adapter.hotEntryStore(clock);
            ProjectCache projects = adapter.projectCache();
            projects.putUser(ANNA, List.of(Project.of("1001", "Maple")), Duration.ofHours(1), Duration.ofDays(7));

            assertThat(sentBy(() -> hot.insert(Entries.pending(ANNA, "1001", clock.today(), clock.now()))))
                    .containsExactly("EVALSHA");
            assertThat(sentBy(() -> projects.projectsFor(ANNA))).containsExactly("HGETALL");
            assertThat(sentBy(() -> hot.range(ANNA, clock.today().minusDays(30), clock.today())))
                    .containsExactly("EVALSHA");
        }
    }

    @Test
    @DisplayName("slot-safe mode: a submit is the insert script with the index touch pipelined behind it")
    void slotSafe() {
        try (RedisAdapter adapter = RedisAdapter.using(client, RedisAdapterConfig.builder()
                .keyPrefix(RedisTestServer.freshPrefix()).singleSlotScripts(true).build())) {
            TestClock clock = new TestClock();
            HotEntryStore hot = adapter.hotEntryStore(clock);
            TimeEntry[] last = new TimeEntry[1];
            assertThat(sentBy(() -> {
                last[0] = Entries.pending(ANNA, "1001", clock.today(), clock.now());
                hot.insert(last[0]);
            })).containsExactly("EVALSHA", "EVALSHA");
            assertThat(hot.claimFor(ANNA, clock.now(), Duration.ofSeconds(30), 10)).hasSize(2);
        }
    }

    @Test
    @DisplayName("blocked list: a page of 1,000 is one scan script and 1,000 pipelined GETs; a lookup by id an "
            + "HGET and a GET; a bulk replay of 1,000 the requeue scripts and one touch per owner, then one unblock")
    void blockedList() {
        try (RedisAdapter adapter = RedisAdapter.using(client, RedisAdapterConfig.builder()
                .keyPrefix(RedisTestServer.freshPrefix()).build())) {
            TestClock clock = new TestClock();
            HotEntryStore hot = adapter.hotEntryStore(clock);
            List<TimeEntry> blocked = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                TimeEntry e = Entries.pending(i % 2 == 0 ? ANNA : "ben@example.com", "1001", clock.today(),
                        clock.now().plusMillis(i / 3));
                blocked.add(e.withState(Destination.WARM, e.warm().blocked("INVALID_DATA: x")));
                hot.insert(blocked.get(i));
            }
            BlockedPosition after = BlockedPosition.of(hot.blocked(BlockedFilter.all(), null, 1).get(0));
            List<String> page = sentBy(() -> hot.blocked(BlockedFilter.all(), after, 1_000));
            assertThat(Collections.frequency(page, "EVALSHA")).isEqualTo(1);
            assertThat(Collections.frequency(page, "GET")).as("the page, the cursor's millisecond, the slack")
                    .isBetween(1_000, 1_000 + 2 + 32 + 2);

            assertThat(sentBy(() -> hot.blockedEntry(blocked.get(7).id()))).containsExactly("HGET", "GET");

            List<TimeEntry> replay = blocked.subList(0, 1_000).stream()
                    .map(e -> e.withState(Destination.WARM, DestinationState.pending(clock.now()))).toList();
            hot.requeueAll(replay.subList(0, 1)); // loads the scripts
            SENT.clear();
            assertThat(hot.requeueAll(replay.subList(1, 1_000))).isEqualTo(999);
            assertThat(Collections.frequency(SENT, "EVALSHA")).as("999 requeues, 2 touches, 1 unblock")
                    .isEqualTo(999 + 2 + 1);
            assertThat(SENT).hasSize(1_002);
            assertThat(hot.stats()).isEqualTo(new HotEntryStore.QueueStats(1_000, 1_500));
        }
    }

    @Test
    @DisplayName("drain: claiming 1,000 entries of 200 users and acknowledging them takes a few scripts, not one "
            + "per user or per entry (single-node: the users' claims and index settles in one script per 100 "
            + "entries; slot-safe: one completion script per user)")
    void drainInFewScripts() {
        for (boolean slotSafe : new boolean[]{false, true}) {
            try (RedisAdapter adapter = RedisAdapter.using(client, RedisAdapterConfig.builder()
                    .keyPrefix(RedisTestServer.freshPrefix()).singleSlotScripts(slotSafe).build())) {
                TestClock clock = new TestClock();
                HotEntryStore hot = adapter.hotEntryStore(clock);
                for (int i = 0; i < 2_000; i++) {
                    hot.insert(Entries.pending("w" + i % 200 + "@example.com", "1001", clock.today(), clock.now()));
                }
                HotEntryStore.Claim first = hot.claim(clock.now(), Duration.ofSeconds(30), 1).get(0);
                // loads the scripts
                assertThat(hot.complete(first, first.entry().withState(Destination.WARM, DestinationState.synced())))
                        .isTrue();
                SENT.clear();
                List<HotEntryStore.Claim> claims = hot.claim(clock.now(), Duration.ofSeconds(30), 1_000);
                List<String> claiming = List.copyOf(SENT);
                assertThat(claims).hasSize(1_000);
                assertThat(claims.stream().map(c -> c.entry().owner()).distinct()).hasSize(200);
                SENT.clear();
                assertThat(hot.completeAll(claims.stream().map(c -> new HotEntryStore.Completion(c,
                        c.entry().withState(Destination.WARM, DestinationState.synced()))).toList())).isEmpty();
                List<String> completing = List.copyOf(SENT);
                if (slotSafe) {
                    assertThat(Collections.frequency(claiming, "EVALSHA")).as("pick, a claim and a settle per user")
                            .isEqualTo(1 + 200 + 200);
                    assertThat(completing).as("one completion per user").hasSize(200);
                } else {
                    assertThat(claiming).as("pick, then the users' claims in scripts of about 100 entries")
                            .hasSizeBetween(1 + 10, 1 + 12).containsOnly("EVALSHA");
                    assertThat(completing).as("completions in scripts of 100 entries").hasSize(10)
                            .containsOnly("EVALSHA");
                }
                assertThat(hot.stats().queued()).isEqualTo(2_000 - 1_000 - 1);
            }
        }
    }
}
