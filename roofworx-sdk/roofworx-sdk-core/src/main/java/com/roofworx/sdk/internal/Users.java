package com.roofworx.sdk.internal;

import com.roofworx.sdk.ValidationException;

import java.util.Locale;

/** Users are identified by e-mail address, compared in lower case. */
public final class Users {
    private static final int MAX_LENGTH = 254;

    private Users() {
    }

    /** The canonical form of {@code email}, or a {@link ValidationException} naming field "user". */
    public static String normalize(String email) {
        if (email == null || email.isBlank()) {
            throw ValidationException.of("user", email, "must be an e-mail address");
        }
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        boolean shaped = at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1
                && trimmed.length() <= MAX_LENGTH && trimmed.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
        if (!shaped) {
            throw ValidationException.of("user", email, "must be an e-mail address of at most 254 characters");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
