package com.roofworx.sdk.model;

import com.roofworx.sdk.ValidationException;

/** Argument checks whose failures name the field and the value. */
final class Checks {
    private Checks() {
    }

    static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, value, "must not be blank");
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw ValidationException.of(field, null, "must not be null");
        }
        return value;
    }
}
