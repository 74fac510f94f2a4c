package com.roofworx.sdk.zoho;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the sync engine reads from the adapter: per-record outcomes (Synced / Retryable / Rejected with a
 * filterable code) and the {@link FailureKind} of whole-call failures, against the simulator's scripted faults.
 */
class ZohoFailureClassesIT {
    private static final String WORKER = "ana@example.com";
    private final ZohoFixture zoho = new ZohoFixture();
    private final TestClock clock = new TestClock();
    private String deal;
    private ColdEntrySink sink;

    @BeforeEach
    void seed() {
        zoho.simulator.addUser(WORKER, "Ana Roofer");
        deal = zoho.simulator.addDeal("Maple St re-roof", "Closed Won", "Hendricks", "12 Maple St");
        sink = zoho.connect(ZohoFailureClassesIT::patient).coldEntrySink();
    }

    /** No timeout is under test here; a loaded build machine must not turn a slow reply into one. */
    private static ZohoConfig.Builder patient(ZohoConfig.Builder builder) {
        return builder.readTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        zoho.close();
    }

    @Test
    void oneUnknownWorkerAmong100IsRejectedAsUnknownWorkerAndThe99AreSyncedInOneCall() {
        List<TimeEntry> batch = entries(99);
        TimeEntry stranger = Entries.pending("left.the.company@example.com", deal, clock.today(), clock.now());
        batch.add(37, stranger);

        Map<UUID, ColdOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).hasSize(100);
        assertThat(outcomes.get(stranger.id())).isInstanceOfSatisfying(ColdOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(ZohoColdEntrySink.UNKNOWN_WORKER).isEqualTo("UNKNOWN_WORKER"));
        assertThat(outcomes.values()).filteredOn(ColdOutcome.Synced.class::isInstance).hasSize(99);
        assertThat(zoho.simulator.counters().upserts()).isEqualTo(1);
        assertThat(zoho.simulator.counters().recordsUpserted()).as("the stranger is not sent").isEqualTo(99);
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).hasSize(99);
    }

    @Test
    void threeLockedRecordsOf10AreRetryableAndTheirSecondUpsertSyncsThemWithoutDuplicates() {
        List<TimeEntry> batch = entries(10);
        List<TimeEntry> locked = List.of(batch.get(1), batch.get(4), batch.get(8));
        locked.forEach(e -> zoho.simulator.lock(e.id().toString()));

        Map<UUID, ColdOutcome> first = sink.upsert(batch);

        for (TimeEntry entry : batch) {
            if (locked.contains(entry)) {
                assertThat(first.get(entry.id())).isInstanceOfSatisfying(ColdOutcome.Retryable.class,
                        r -> assertThat(r.error()).startsWith("RECORD_LOCKED"));
            } else {
                assertThat(first.get(entry.id())).isInstanceOf(ColdOutcome.Synced.class);
            }
        }
        assertThat(first.values()).filteredOn(ColdOutcome.Synced.class::isInstance).hasSize(7);

        locked.forEach(e -> zoho.simulator.unlock(e.id().toString()));
        Map<UUID, ColdOutcome> second = sink.upsert(locked);

        assertThat(second.values()).hasSize(3).allSatisfy(o -> assertThat(o).isInstanceOf(ColdOutcome.Synced.class));
        assertThat(recordsPerEntryUuid()).hasSize(10).allSatisfy((uuid, count) -> assertThat(count).isEqualTo(1L));
        assertThat(recordsPerEntryUuid().keySet())
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(e -> e.id().toString()).toList());
    }

    @Test
    void theNextNLockedRecordsAreRetryableAndTheOthersOfTheCallAreWritten() {
        List<TimeEntry> batch = entries(5);
        zoho.simulator.faults().recordLockedNext(2);

        Map<UUID, ColdOutcome> outcomes = sink.upsert(batch);

        assertThat(batch).extracting(e -> outcomes.get(e.id()).getClass().getSimpleName())
                .containsExactly("Retryable", "Retryable", "Synced", "Synced", "Synced");
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).hasSize(3);
    }

    @Test
    void duringAn503OutageTheUpsertThrowsTransientAndWritesNothingUntilItEnds() {
        zoho.simulator.faults().upsertUnavailable(true);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> sink.upsert(entries(3))).isInstanceOfSatisfying(ZohoException.class, e -> {
                assertThat(e.failureKind()).isEqualTo(FailureKind.TRANSIENT);
                assertThat(e.httpStatus()).isEqualTo(503);
            });
        }
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).isEmpty();
        assertThat(zoho.simulator.counters().upsertRequests()).as("one request per call, no retry storm").isEqualTo(2);

        zoho.simulator.faults().upsertUnavailable(false);
        assertThat(sink.upsert(entries(3)).values()).allSatisfy(o -> assertThat(o).isInstanceOf(ColdOutcome.Synced.class));
    }

    @Test
    void aRateLimitBurstIsTransientWithRetryAfter() {
        zoho.simulator.faults().upsertRateLimited(true, Duration.ofSeconds(45));

        assertThatThrownBy(() -> sink.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.failureKind()).isEqualTo(FailureKind.TRANSIENT);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45));
        });
    }

    @Test
    void aTokenEndpointThatIsDownOrBusyIsTransient() {
        zoho.simulator.faults().tokenUnavailable(true);
        assertThatThrownBy(() -> sink.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.failureKind()).isEqualTo(FailureKind.TRANSIENT);
            assertThat(e.httpStatus()).isEqualTo(503);
        });

        zoho.simulator.faults().tokenRateLimited(true, Duration.ofSeconds(90));
        assertThatThrownBy(() -> sink.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.failureKind()).isEqualTo(FailureKind.TRANSIENT);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        });

        zoho.simulator.faults().tokenRateLimited(false, null);
        assertThat(sink.upsert(entries(1)).values()).singleElement().isInstanceOf(ColdOutcome.Synced.class);
    }

    @Test
    void aScopeMismatchOnTheUpsertIsPermanent() {
        sink.upsert(entries(1)); // token and user map in place: the fault hits the upsert itself
        zoho.simulator.faults().scopeMismatchNext(1);

        assertThatThrownBy(() -> sink.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.failureKind()).isEqualTo(FailureKind.PERMANENT);
            assertThat(e.code()).isEqualTo("OAUTH_SCOPE_MISMATCH");
        });
    }

    @Test
    void aRefusedGrantIsPermanent() {
        ColdEntrySink misconfigured = zoho.connect(b -> patient(b).clientSecret("not-the-secret")).coldEntrySink();

        assertThatThrownBy(() -> misconfigured.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.failureKind()).isEqualTo(FailureKind.PERMANENT);
            assertThat(e.code()).isEqualTo("invalid_client");
            assertThat(e.getMessage()).doesNotContain("not-the-secret");
        });
    }

    @Test
    void theProjectSourceCarriesTheSameClassOnItsCause() {
        ProjectSource projects = zoho.connect(ZohoFailureClassesIT::patient).projectSource();

        zoho.simulator.faults().scopeMismatchNext(1);
        assertThat(kindOfFailure(() -> projects.project(deal))).isEqualTo(FailureKind.PERMANENT);

        zoho.simulator.faults().apiUnavailable(true);
        assertThat(kindOfFailure(() -> projects.project(deal))).isEqualTo(FailureKind.TRANSIENT);
    }

    /** As the engine reads it: the first ClassifiedFailure on the cause chain. */
    private static FailureKind kindOfFailure(Runnable call) {
        try {
            call.run();
        } catch (StoreUnavailableException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ClassifiedFailure classified) {
                    return classified.failureKind();
                }
            }
            return null;
        }
        throw new AssertionError("expected the call to fail");
    }

    private Map<String, Long> recordsPerEntryUuid() {
        return zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .map(r -> r.getString(ZohoCrmSimulator.ENTRY_UUID))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<TimeEntry> entries(int count) {
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(Entries.pending(WORKER, deal, clock.today(), clock.now()));
        }
        return entries;
    }
}
