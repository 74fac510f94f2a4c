package com.roofworx.app.interfaces;

import com.roofworx.app.interfaces.StrictJson.Scalar;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/time-entries}, read strictly into an {@link EntryDraft}: each member must have
 * its JSON type ({@code "minutes": "60"} and {@code 60.5} are refused, never coerced). Range and length rules
 * are the SDK's; this class only refuses what cannot be represented.
 */
public final class EntryRequest {
    /** The members a body may hold, in the order a refusal lists them; any other member is a 400. */
    public static final Set<String> FIELDS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("id", "projectId", "workDate", "minutes", "notes", "taskType")));
    /** Longer number texts are refused before conversion: no valid minutes value needs more characters. */
    static final int MAX_NUMBER_CHARS = 24;
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EntryRequest() {
    }

    public static EntryDraft parse(byte[] body) {
        Map<String, Scalar> m = StrictJson.flatObject(body, FIELDS);
        UUID id = optionalString(m, "id") == null ? null : uuid("id", m.get("id").text());
        String projectId = StorableText.require("projectId", optionalString(m, "projectId"));
        LocalDate workDate = date(m);
        int minutes = minutes(m.get("minutes"));
        return new EntryDraft(id, projectId, workDate, minutes,
                StorableText.require("notes", optionalString(m, "notes")),
                StorableText.require("taskType", optionalString(m, "taskType")));
    }

    /** A canonical UUID (8-4-4-4-12 hex digits); {@link UUID#fromString} alone accepts short forms. */
    public static UUID uuid(String field, String text) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            throw ValidationException.of(field, text, "must be a UUID such as 3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f");
        }
        return UUID.fromString(text);
    }

    /** A string member, or null when absent or JSON null; any other type is refused. */
    private static String optionalString(Map<String, Scalar> m, String field) {
        Scalar s = m.get(field);
        if (s == null || s.kind() == Scalar.Kind.NULL) {
            return null;
        }
        if (s.kind() != Scalar.Kind.STRING) {
            throw ValidationException.of(field, s.shown(), "must be a string");
        }
        return s.text();
    }

    private static LocalDate date(Map<String, Scalar> m) {
        String text = optionalString(m, "workDate");
        if (text == null) {
            return null;
        }
        return Dates.parse("workDate", text, '"' + text + '"');
    }

    private static int minutes(Scalar s) {
        if (s == null || s.kind() == Scalar.Kind.NULL) {
            throw ValidationException.of("minutes", null, "must be given");
        }
        if (s.kind() != Scalar.Kind.NUMBER) {
            throw ValidationException.of("minutes", s.shown(), "must be a whole number, not a " + kind(s));
        }
        String text = s.text();
        BigDecimal n;
        try {
            if (text.length() > MAX_NUMBER_CHARS) {
                throw new NumberFormatException("too long");
            }
            // An exponent beyond int range (1e99999999999) is refused here, not computed.
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of("minutes", text, "must be between 1 and 1440");
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0 || text.contains(".")) {
            throw ValidationException.of("minutes", text, "must be a whole number, not a fraction");
        }
        try {
            // Checks the digit count first, so 1e999999999 fails at once rather than being expanded.
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw ValidationException.of("minutes", text, "must be between 1 and 1440");
        }
    }

    private static String kind(Scalar s) {
        return s.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
