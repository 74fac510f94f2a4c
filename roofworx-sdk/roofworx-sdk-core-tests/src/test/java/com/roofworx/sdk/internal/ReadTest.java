package com.roofworx.sdk.internal;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadTest {
    private final Harness h = new Harness();

    private TimeEntry submit(String user, LocalDate workDate) {
        return h.roofworx.entries().submit(user, EntryDraft.of(MAPLE.id(), workDate, 60)).entry();
    }

    @Test
    @DisplayName("lists the caller's entries newest work date first, and never another user's")
    void scoped() {
        LocalDate today = h.clock.today();
        TimeEntry older = submit(ANNA, today.minusDays(5));
        TimeEntry newer = submit(ANNA, today);
        TimeEntry bens = submit(BEN, today);
        assertThat(h.roofworx.entries().list(ANNA, today.minusDays(30), today)).containsExactly(newer, older);
        assertThat(h.roofworx.entries().get(ANNA, bens.id())).isEmpty();
        assertThat(h.roofworx.entries().get(BEN, bens.id())).contains(bens);
    }

    @Test
    @DisplayName("an entry synced to warm stays listed after the hot tier loses everything")
    void hotLost() {
        LocalDate today = h.clock.today();
        TimeEntry e = submit(ANNA, today);
        h.drain(h.roofworx);
        h.hotMemory.clear();
        assertThat(h.roofworx.entries().list(ANNA, today.minusDays(1), today)).extracting(TimeEntry::id)
                .containsExactly(e.id());
        assertThat(h.roofworx.entries().get(ANNA, e.id())).isPresent();
    }

    @Test
    @DisplayName("an entry not yet in warm is listed from hot while the warm store is down")
    void warmDown() {
        LocalDate today = h.clock.today();
        TimeEntry e = submit(ANNA, today);
        h.warm.failAlways();
        assertThat(h.roofworx.entries().list(ANNA, today, today)).containsExactly(e);
    }

    @Test
    @DisplayName("ranges older than the hot window come from the warm store alone")
    void oldRange() {
        LocalDate workDate = h.clock.today().minusDays(50);
        TimeEntry e = submit(ANNA, workDate);
        h.drain(h.roofworx);
        h.clock.advance(Duration.ofDays(40));
        assertThat(h.roofworx.entries().list(ANNA, workDate, workDate)).extracting(TimeEntry::id).containsExactly(e.id());
        h.warm.failAlways();
        assertThatThrownBy(() -> h.roofworx.entries().list(ANNA, workDate, workDate))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    @DisplayName("hot wins over warm for the same entry: it carries the newest sync state")
    void merged() {
        LocalDate today = h.clock.today();
        TimeEntry e = submit(ANNA, today);
        h.drain(h.roofworx);
        List<TimeEntry> listed = h.roofworx.entries().list(ANNA, today, today);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).isFullySynced()).isTrue();
        assertThat(listed.get(0).coldRecordId()).isNotNull();
        assertThat(listed.get(0).id()).isEqualTo(e.id());
    }

    @Test
    @DisplayName("refuses a range whose start is after its end, naming the field")
    void badRange() {
        LocalDate today = h.clock.today();
        assertThatThrownBy(() -> h.roofworx.entries().list(ANNA, today, today.minusDays(1)))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.field()).isEqualTo("from"));
    }
}
