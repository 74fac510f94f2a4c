package com.roofworx.sdk.internal;

import com.roofworx.sdk.CorrectionNotAllowedException;
import com.roofworx.sdk.EntryNotFoundException;
import com.roofworx.sdk.ProjectNotAllowedException;
import com.roofworx.sdk.StaleVersionException;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.TimeEntries.ChangeResult;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.TimeEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.CARL;
import static com.roofworx.sdk.internal.Harness.HARBOR;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorrectionTest {
    private final Harness h = new Harness();

    private TimeEntry submitted() {
        return h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id())).entry();
    }

    private EntryDraft fixed(TimeEntry e, int minutes) {
        return new EntryDraft(null, e.projectId(), e.workDate(), minutes, "Four hours, not forty minutes", null);
    }

    @Nested
    @DisplayName("the rules")
    class Rules {
        @Test
        @DisplayName("a correction makes the next version, and every read shows it")
        void nextVersion() {
            TimeEntry v1 = submitted();
            ChangeResult result = h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            assertThat(result.changed()).isTrue();
            assertThat(result.entry().version()).isEqualTo(2);
            assertThat(result.entry().minutes()).isEqualTo(240);
            assertThat(h.roofworx.entries().get(ANNA, v1.id())).contains(result.entry());
            assertThat(h.roofworx.entries().list(ANNA, v1.workDate(), v1.workDate())).containsExactly(result.entry());
            assertThat(h.events(RoofworxEvent.EntryChanged.class)).hasSize(1);
        }

        @Test
        @DisplayName("the same change sent again answers the entry unchanged")
        void idempotent() {
            TimeEntry v1 = submitted();
            h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            ChangeResult again = h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            assertThat(again.changed()).isFalse();
            assertThat(again.entry().version()).isEqualTo(2);
            h.roofworx.entries().voidEntry(ANNA, v1.id(), 2);
            assertThat(h.roofworx.entries().voidEntry(ANNA, v1.id(), 2).changed()).isFalse();
            assertThat(h.roofworx.entries().get(ANNA, v1.id()).orElseThrow().version()).isEqualTo(3);
        }

        @Test
        @DisplayName("another change from an older version is stale, naming the current one")
        void stale() {
            TimeEntry v1 = submitted();
            h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            assertThatThrownBy(() -> h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 30)))
                    .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
            assertThatThrownBy(() -> h.roofworx.entries().voidEntry(ANNA, v1.id(), 5))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(h.roofworx.entries().get(ANNA, v1.id()).orElseThrow().minutes()).isEqualTo(240);
        }

        @Test
        @DisplayName("another worker's entry and an unknown id read alike as not found")
        void notFound() {
            TimeEntry annas = submitted();
            assertThatThrownBy(() -> h.roofworx.entries().correct(BEN, annas.id(), 1, fixed(annas, 30)))
                    .isInstanceOf(EntryNotFoundException.class).hasMessage("no entry " + annas.id());
            UUID unknown = UUID.randomUUID();
            assertThatThrownBy(() -> h.roofworx.entries().voidEntry(ANNA, unknown, 1))
                    .isInstanceOf(EntryNotFoundException.class).hasMessage("no entry " + unknown);
        }

        @Test
        @DisplayName("closes when the window after the work date ends, and for a voided entry")
        void window() {
            TimeEntry v1 = submitted();
            h.clock.advance(Duration.ofDays(7));
            assertThat(h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240)).changed()).isTrue();
            h.clock.advance(Duration.ofDays(1));
            assertThatThrownBy(() -> h.roofworx.entries().voidEntry(ANNA, v1.id(), 2))
                    .isInstanceOf(CorrectionNotAllowedException.class)
                    .hasMessageContaining("until " + v1.workDate().plusDays(7));
            TimeEntry other = submitted();
            h.roofworx.entries().voidEntry(ANNA, other.id(), 1);
            assertThatThrownBy(() -> h.roofworx.entries().correct(ANNA, other.id(), 2, fixed(other, 30)))
                    .isInstanceOf(CorrectionNotAllowedException.class).hasMessageContaining("voided");
        }

        @Test
        @DisplayName("the submit's field and project rules apply to the new content")
        void submitRules() {
            TimeEntry v1 = submitted();
            assertThatThrownBy(() -> h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 0)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("minutes");
            assertThatThrownBy(() -> h.roofworx.entries().correct(ANNA, v1.id(), 1,
                    fixed(v1, 60).withId(UUID.randomUUID()))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("id");
            TimeEntry bens = h.roofworx.entries().submit(BEN, h.draft(MAPLE.id())).entry();
            assertThatThrownBy(() -> h.roofworx.entries().correct(BEN, bens.id(), 1,
                    new EntryDraft(null, HARBOR.id(), bens.workDate(), 60, null, null)))
                    .isInstanceOf(ProjectNotAllowedException.class);
            assertThat(h.roofworx.entries().get(BEN, bens.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test
        @DisplayName("a voided entry is kept, left out of the default list and shown on request")
        void voided() {
            TimeEntry v1 = submitted();
            TimeEntry kept = submitted();
            TimeEntry voided = h.roofworx.entries().voidEntry(ANNA, v1.id(), 1).entry();
            assertThat(voided.voided()).isTrue();
            assertThat(h.roofworx.entries().list(ANNA, v1.workDate(), v1.workDate())).containsExactly(kept);
            assertThat(h.roofworx.entries().list(ANNA, v1.workDate(), v1.workDate(), true))
                    .extracting(TimeEntry::id).containsExactlyInAnyOrder(v1.id(), kept.id());
            assertThat(h.roofworx.entries().get(ANNA, v1.id())).contains(voided);
        }

        @Test
        @DisplayName("a repeated first submit after a correction answers the entry as it is now")
        void repeatAfterCorrection() {
            EntryDraft draft = h.draft(MAPLE.id()).withId(UUID.randomUUID());
            TimeEntry v1 = h.roofworx.entries().submit(ANNA, draft).entry();
            h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            var again = h.roofworx.entries().submit(ANNA, draft);
            assertThat(again.created()).isFalse();
            assertThat(again.entry().version()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("through the tiers")
    class Tiers {
        @Test
        @DisplayName("a correction of an entry still queued supersedes it: one write of the newest, history of both")
        void supersedesQueued() {
            TimeEntry v1 = submitted();
            TimeEntry v2 = h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240)).entry();
            h.drain(h.roofworx);
            TimeEntry inWarm = h.warmMemory.get(ANNA, v1.id()).orElseThrow();
            assertThat(inWarm.version()).isEqualTo(2);
            assertThat(inWarm.minutes()).isEqualTo(240);
            assertThat(h.warmMemory.history(ANNA, v1.id())).containsExactly(v1.revision(), v2.revision());
            assertThat(h.coldMemory.record(v1.id()).orElseThrow().version()).isEqualTo(2);
            assertThat(h.coldMemory.calls()).isEqualTo(1);
            assertThat(h.events(RoofworxEvent.EntrySynced.class)).hasSize(2);
        }

        @Test
        @DisplayName("a correction after the sync reaches the warm store and the cold sink as the next version")
        void afterSync() {
            TimeEntry v1 = submitted();
            h.drain(h.roofworx);
            h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            h.roofworx.entries().voidEntry(ANNA, v1.id(), 2);
            h.drain(h.roofworx);
            TimeEntry inCold = h.coldMemory.record(v1.id()).orElseThrow();
            assertThat(inCold.version()).isEqualTo(3);
            assertThat(inCold.voided()).isTrue();
            assertThat(h.coldMemory.recordCount()).isEqualTo(1);
            assertThat(h.warmMemory.history(ANNA, v1.id())).extracting(EntryRevision::version).containsExactly(1, 2, 3);
            assertThat(h.roofworx.sync().stats().coldPending()).isZero();
        }

        @Test
        @DisplayName("with the hot store down a correction goes to the warm store, and the hot copy catches up")
        void hotDown() {
            TimeEntry v1 = submitted();
            h.drain(h.roofworx);
            h.hot.failAlways();
            TimeEntry v2 = h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240)).entry();
            assertThat(h.warmMemory.get(ANNA, v1.id()).orElseThrow().version()).isEqualTo(2);
            h.hot.heal();
            assertThat(h.roofworx.entries().get(ANNA, v1.id()).orElseThrow().version()).isEqualTo(2);
            assertThat(h.roofworx.entries().list(ANNA, v1.workDate(), v1.workDate()))
                    .extracting(TimeEntry::version).containsExactly(2);
            assertThat(h.roofworx.entries().correct(ANNA, v1.id(), 2, fixed(v1, 180)).entry().version()).isEqualTo(3);
            h.drain(h.roofworx);
            assertThat(h.coldMemory.record(v1.id()).orElseThrow().minutes()).isEqualTo(180);
            assertThat(h.warmMemory.history(ANNA, v1.id())).extracting(EntryRevision::version).containsExactly(1, 2, 3);
            assertThat(v2.version()).isEqualTo(2);
        }

        @Test
        @DisplayName("with the hot store down, a version the warm store has not seen cannot be changed yet")
        void hotDownUnsyncedVersion() {
            TimeEntry v1 = submitted();
            h.hot.failAlways();
            assertThatThrownBy(() -> h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240)))
                    .isInstanceOf(StoreUnavailableException.class);
            h.hot.heal();
            assertThat(h.roofworx.entries().get(ANNA, v1.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test
        @DisplayName("a late batch carrying the older version changes nothing anywhere")
        void lateOlderBatch() {
            TimeEntry v1 = submitted();
            h.drain(h.roofworx);
            h.roofworx.entries().correct(ANNA, v1.id(), 1, fixed(v1, 240));
            h.drain(h.roofworx);
            h.warmMemory.upsert(java.util.List.of(v1));
            h.drain(h.roofworx);
            assertThat(h.warmMemory.get(ANNA, v1.id()).orElseThrow().minutes()).isEqualTo(240);
            assertThat(h.coldMemory.record(v1.id()).orElseThrow().version()).isEqualTo(2);
            assertThat(h.coldMemory.olderOverNewer()).isZero();
            assertThat(h.roofworx.entries().get(CARL, v1.id())).isEmpty();
        }
    }
}
