package com.roofworx.sdk.internal;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;

import java.time.Duration;
import java.time.LocalDate;

/** Field rules of a submitted entry. Every failure names the field and the value. */
final class EntryValidator {
    static final int MIN_MINUTES = 1;
    static final int MAX_MINUTES = 1440;
    static final int MAX_NOTES = 2000;
    static final int MAX_TASK_TYPE = 100;
    static final int MAX_PROJECT_ID = 100;

    private final Duration backdatingWindow;

    EntryValidator(Duration backdatingWindow) {
        this.backdatingWindow = backdatingWindow;
    }

    void validate(EntryDraft draft, LocalDate today) {
        if (draft == null) {
            throw ValidationException.of("entry", null, "must be given");
        }
        String projectId = draft.projectId();
        if (projectId == null || projectId.isBlank()) {
            throw ValidationException.of("projectId", projectId, "must not be blank");
        }
        if (projectId.length() > MAX_PROJECT_ID) {
            throw ValidationException.of("projectId", projectId, "must be at most " + MAX_PROJECT_ID + " characters");
        }
        LocalDate workDate = draft.workDate();
        if (workDate == null) {
            throw ValidationException.of("workDate", null, "must be given");
        }
        if (workDate.isAfter(today.plusDays(1))) {
            throw ValidationException.of("workDate", workDate, "must not be after tomorrow (" + today.plusDays(1) + ")");
        }
        LocalDate earliest = today.minusDays(backdatingWindow.toDays());
        if (workDate.isBefore(earliest)) {
            throw ValidationException.of("workDate", workDate, "must not be before " + earliest + " ("
                    + backdatingWindow.toDays() + " days back)");
        }
        if (draft.minutes() < MIN_MINUTES || draft.minutes() > MAX_MINUTES) {
            throw ValidationException.of("minutes", draft.minutes(),
                    "must be between " + MIN_MINUTES + " and " + MAX_MINUTES);
        }
        if (draft.notes() != null && draft.notes().length() > MAX_NOTES) {
            throw ValidationException.of("notes", draft.notes(), "must be at most " + MAX_NOTES + " characters");
        }
        if (draft.taskType() != null && draft.taskType().length() > MAX_TASK_TYPE) {
            throw ValidationException.of("taskType", draft.taskType(),
                    "must be at most " + MAX_TASK_TYPE + " characters");
        }
    }
}
