package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;

import java.util.Locale;

/**
 * Refuses strings that a tier cannot store exactly. PostgreSQL's text type cannot hold NUL, and an unpaired
 * surrogate has no UTF-8 form, so Redis and the JDBC driver replace it with {@code ?}: an entry holding either
 * would be accepted, then blocked forever on its way to PostgreSQL, or read back changed (so an exact retry of
 * the same submit becomes a 409). Other C0 control characters are refused too: no field needs them and some
 * CRM fields drop them. Tab, line feed and carriage return stay allowed in notes.
 */
final class StorableText {
    private StorableText() {
    }

    /** Answers {@code value} unchanged, or throws a 400 naming the field and the first refused code point. */
    static String require(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (refused(cp)) {
                throw ValidationException.of(field, String.format(Locale.ROOT, "U+%04X at index %d", cp, i),
                        "must not contain NUL, control characters other than tab and line breaks, or unpaired "
                                + "surrogates");
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    /** {@code codePointAt} answers a lone surrogate as itself, so a surrogate here is always unpaired. */
    private static boolean refused(int cp) {
        boolean control = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r';
        return control || (cp <= 0xFFFF && Character.isSurrogate((char) cp));
    }
}
