package com.roofworx.sdk.internal;

import com.roofworx.sdk.EntryConflictException;
import com.roofworx.sdk.ProjectNotAllowedException;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.SyncStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.HARBOR;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmitTest {
    private final Harness h = new Harness();

    @Nested
    @DisplayName("validation")
    class Validation {
        @Test
        @DisplayName("names the field and the value of every rule it breaks")
        void fieldsNamed() {
            EntryDraft ok = h.draft(MAPLE.id());
            assertRejected(new EntryDraft(null, MAPLE.id(), ok.workDate(), 0, null, null), "minutes", "0");
            assertRejected(new EntryDraft(null, MAPLE.id(), ok.workDate(), 1441, null, null), "minutes", "1441");
            assertRejected(new EntryDraft(null, MAPLE.id(), h.clock.today().plusDays(2), 60, null, null),
                    "workDate", h.clock.today().plusDays(2).toString());
            assertRejected(new EntryDraft(null, MAPLE.id(), h.clock.today().minusDays(61), 60, null, null),
                    "workDate", h.clock.today().minusDays(61).toString());
            assertRejected(ok.withNotes("x".repeat(2001)), "notes", "xxxx");
            assertRejected(new EntryDraft(null, " ", ok.workDate(), 60, null, null), "projectId", " ");
            assertRejected(new EntryDraft(null, MAPLE.id(), null, 60, null, null), "workDate", "null");
        }

        @Test
        @DisplayName("accepts the edges: 1 and 1440 minutes, tomorrow, 60 days back, 2,000 characters of notes")
        void edges() {
            EntryDraft ok = h.draft(MAPLE.id());
            h.roofworx.entries().submit(ANNA, new EntryDraft(null, MAPLE.id(), ok.workDate(), 1, null, null));
            h.roofworx.entries().submit(ANNA, new EntryDraft(null, MAPLE.id(), ok.workDate(), 1440, null, null));
            h.roofworx.entries().submit(ANNA, new EntryDraft(null, MAPLE.id(), h.clock.today().plusDays(1), 60, null, null));
            h.roofworx.entries().submit(ANNA, new EntryDraft(null, MAPLE.id(), h.clock.today().minusDays(60), 60, null, null));
            h.roofworx.entries().submit(ANNA, ok.withNotes("x".repeat(2000)));
            assertThat(h.hotMemory.stats().queued()).isEqualTo(5);
        }

        @Test
        @DisplayName("refuses a user that is not an e-mail address")
        void badUser() {
            assertThatThrownBy(() -> h.roofworx.entries().submit("not-an-email", h.draft(MAPLE.id())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("user"));
        }

        private void assertRejected(EntryDraft draft, String field, String valueFragment) {
            assertThatThrownBy(() -> h.roofworx.entries().submit(ANNA, draft))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.getMessage()).startsWith(field + " ").contains(valueFragment);
                    });
            assertThat(h.hotMemory.stats().queued()).isZero();
        }
    }

    @Test
    @DisplayName("refuses a project the user may not book to, and writes nothing")
    void projectNotAllowed() {
        assertThatThrownBy(() -> h.roofworx.entries().submit(BEN, h.draft(HARBOR.id())))
                .isInstanceOf(ProjectNotAllowedException.class).hasMessageContaining(HARBOR.id());
        assertThatThrownBy(() -> h.roofworx.entries().submit(BEN, h.draft("no-such-project")))
                .isInstanceOf(ProjectNotAllowedException.class);
        assertThat(h.hotMemory.stats().queued()).isZero();
    }

    @Test
    @DisplayName("stores in the hot tier, pending at both destinations, owned by the caller in lower case")
    void stores() {
        SubmitResult result = h.roofworx.entries().submit("Anna@Example.com", h.draft(MAPLE.id()));
        assertThat(result.created()).isTrue();
        assertThat(result.entry().owner()).isEqualTo(ANNA);
        assertThat(result.entry().createdAt()).isEqualTo(h.clock.now());
        assertThat(result.entry().warm().status()).isEqualTo(SyncStatus.PENDING);
        assertThat(h.hotMemory.get(ANNA, result.entry().id())).contains(result.entry());
        assertThat(h.warmMemory.all()).isEmpty();
    }

    @Test
    @DisplayName("the same id with the same content answers the stored entry; with other content it conflicts")
    void idempotency() {
        EntryDraft draft = h.draft(MAPLE.id()).withId(UUID.randomUUID());
        SubmitResult first = h.roofworx.entries().submit(ANNA, draft);
        h.clock.advance(java.time.Duration.ofSeconds(5));
        SubmitResult again = h.roofworx.entries().submit(ANNA, draft);
        assertThat(again.created()).isFalse();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThatThrownBy(() -> h.roofworx.entries().submit(ANNA, draft.withNotes("changed")))
                .isInstanceOf(EntryConflictException.class).hasMessageContaining(draft.id().toString());
        assertThat(h.hotMemory.stats().queued()).isEqualTo(1);
    }

    @Test
    @DisplayName("50 concurrent submits of one id store one entry and all answer it")
    void concurrentSameId() throws Exception {
        EntryDraft draft = h.draft(MAPLE.id()).withId(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SubmitResult>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> h.roofworx.entries().submit(ANNA, draft));
            }
            List<SubmitResult> results = new ArrayList<>();
            for (Future<SubmitResult> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(SubmitResult::created).hasSize(1);
            assertThat(results).extracting(SubmitResult::entry).allMatch(e -> e.equals(results.get(0).entry()));
            assertThat(h.hotMemory.stats().queued()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("when the hot store is down the entry goes straight to the warm store and the submit succeeds")
    void hotDown() {
        h.hot.failAlways();
        SubmitResult result = h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id()));
        assertThat(result.created()).isTrue();
        assertThat(result.entry().warm().isSynced()).isTrue();
        assertThat(h.warmMemory.get(ANNA, result.entry().id())).isPresent();
        assertThat(h.events(RoofworxEvent.EntrySubmitted.class)).extracting(RoofworxEvent.EntrySubmitted::storedIn)
                .containsExactly(RoofworxEvent.Tier.WARM);
        assertThat(h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id()).withId(result.entry().id())).created())
                .isFalse();
    }

    @Test
    @DisplayName("when both stores are down the submit fails and nothing is stored anywhere")
    void bothDown() {
        h.hot.failAlways();
        h.warm.failAlways();
        assertThatThrownBy(() -> h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id())))
                .isInstanceOf(StoreUnavailableException.class);
        h.hot.heal();
        h.warm.heal();
        assertThat(h.hotMemory.stats().queued()).isZero();
        assertThat(h.warmMemory.all()).isEmpty();
    }
}
