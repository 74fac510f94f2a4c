package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Dates as the API takes them: exactly {@code YYYY-MM-DD} within {@link #EARLIEST}..{@link #LATEST}. ISO-8601
 * alone also allows signed years of up to nine digits ({@code -999999999-01-01}), which overflow date
 * arithmetic and lie outside what PostgreSQL's date type holds.
 */
final class Dates {
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Dates() {
    }

    /** @param shown how the value appears in the problem (quoted for a JSON string) */
    static LocalDate parse(String field, String text, String shown) {
        if (text != null && SHAPE.matcher(text).matches()) {
            try {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        throw ValidationException.of(field, shown, "must be a date YYYY-MM-DD between " + EARLIEST + " and "
                + LATEST);
    }
}
