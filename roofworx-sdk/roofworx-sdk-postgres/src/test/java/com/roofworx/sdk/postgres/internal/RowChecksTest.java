package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowChecksTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    private static TimeEntry entry(String owner, String project, LocalDate date, int minutes, String notes,
                                   String taskType, String recordId) {
        return new TimeEntry(UUID.randomUUID(), owner, project, date, minutes, notes, taskType, NOW,
                DestinationState.pending(NOW), DestinationState.pending(NOW), recordId);
    }

    private static TimeEntry ok() {
        return entry("ana@roofworx.test", "deal-1", LocalDate.of(2026, 3, 10), 60, "notes", "Repair", null);
    }

    @Test
    void anEntryWithinTheTablesLimitsPasses() {
        assertThat(RowChecks.problem(ok())).isNull();
        assertThat(RowChecks.problem(entry("a", "p", LocalDate.of(1, 1, 1), 1440, "n".repeat(4000),
                "t".repeat(100), "r".repeat(200)))).isNull();
    }

    @Test
    void eachLimitIsNamedWithTheValue() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        assertThat(RowChecks.problem(entry("a", "p", day, 1441, null, null, null)))
                .isEqualTo("minutes must be between 1 and 1440 but was 1441");
        assertThat(RowChecks.problem(entry("a".repeat(321), "p", day, 1, null, null, null)))
                .startsWith("owner must be 1 to 320 characters long but was aaaa");
        assertThat(RowChecks.problem(entry("a", "p".repeat(101), day, 1, null, null, null)))
                .startsWith("projectId must be 1 to 100 characters long");
        assertThat(RowChecks.problem(entry("a", "p", day, 1, null, "t".repeat(101), null)))
                .startsWith("taskType must be 0 to 100 characters long");
        assertThat(RowChecks.problem(entry("a", "p", day, 1, null, null, "r".repeat(201))))
                .startsWith("coldRecordId must be 0 to 200 characters long");
        assertThat(RowChecks.problem(entry("a", "p", day, 1, "bad\u0000byte", null, null)))
                .isEqualTo("notes must not contain NUL characters but was bad?byte");
        assertThat(RowChecks.problem(entry("a", "p", LocalDate.of(10_000, 1, 1), 1, null, null, null)))
                .isEqualTo("workDate must be between 0001-01-01 and 9999-12-31 but was +10000-01-01");
    }

    @Test
    void lengthsCountCharactersAsTheDatabaseDoesNotUtf16Units() {
        String roofEmoji = "\uD83C\uDFE0".repeat(4000);
        assertThat(RowChecks.problem(entry("a", "p", LocalDate.of(2026, 3, 10), 1, roofEmoji, null, null))).isNull();
    }

    @Test
    void errorTextIsCutAndCleanedRatherThanRefused() {
        assertThat(RowChecks.errorText(null)).isNull();
        assertThat(RowChecks.errorText("x".repeat(5000))).hasSize(RowChecks.MAX_ERROR);
        assertThat(RowChecks.errorText("a\u0000b")).isEqualTo("a b");
    }

    @Test
    void aColdRecordIdTooLongForUpdateColdIsAValidationError() {
        TimeEntry tooLong = entry("a", "p", LocalDate.of(2026, 3, 10), 1, null, null, "r".repeat(201));
        assertThatThrownBy(() -> RowChecks.coldRecordId(tooLong)).hasMessageStartingWith("coldRecordId must be");
    }

    @Test
    void onlyIntegrityAndDataErrorsCountAsTheRowsFault() {
        assertThat(BatchUpserter.isRowProblem(new SQLException("check", "23514"))).isTrue();
        assertThat(BatchUpserter.isRowProblem(new SQLException("too long", "22001"))).isTrue();
        assertThat(BatchUpserter.isRowProblem(new SQLException("terminated", "57P01"))).isFalse();
        assertThat(BatchUpserter.isRowProblem(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(BatchUpserter.isRowProblem(new SQLException("no state"))).isFalse();
    }

    @Test
    void theReasonKeepsTheServersFirstLineOnly() {
        SQLException e = new SQLException("ERROR: new row for relation \"time_entry\" violates check constraint "
                + "\"x\"\n  Detail: Failing row contains (secret notes).", "23514");
        assertThat(BatchUpserter.reason(e))
                .isEqualTo("new row for relation \"time_entry\" violates check constraint \"x\"");
    }

    @Test
    void rowsAreOrderedAsPostgresOrdersUuids() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.randomUUID());
        }
        List<UUID> byDatabaseOrder = new ArrayList<>(ids);
        byDatabaseOrder.sort(EntryRows.UUID_ORDER);
        List<UUID> byText = new ArrayList<>(ids);
        byText.sort(java.util.Comparator.comparing(UUID::toString));
        assertThat(byDatabaseOrder).isEqualTo(byText);
    }
}
