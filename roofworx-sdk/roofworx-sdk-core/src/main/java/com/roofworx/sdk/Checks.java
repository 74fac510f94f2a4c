package com.roofworx.sdk;

import java.time.Duration;

/**
 * The argument checks of the SDK's configs, builders and adapters, in one place so that every invalid setting
 * fails the same way: a {@link ValidationException} naming the field and the value, such as
 * {@code lease must be > 0 but was PT-1S}. Adapters use them for their own settings too.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Requires a value.
     *
     * @param field the setting's name, as the caller knows it
     * @param value the value given
     * @param <T>   the value's type
     * @return {@code value}, never null
     * @throws ValidationException when {@code value} is null
     */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw ValidationException.of(field, null, "must not be null");
        }
        return value;
    }

    /**
     * Requires a text with at least one non-blank character.
     *
     * @param field the setting's name
     * @param value the value given
     * @return {@code value}, never null
     * @throws ValidationException when {@code value} is null, empty or blank
     */
    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of(field, value, "must not be blank");
        }
        return value;
    }

    /**
     * Requires a duration longer than zero.
     *
     * @param field the setting's name
     * @param value the value given
     * @return {@code value}, never null
     * @throws ValidationException when {@code value} is null, zero or negative
     */
    public static Duration positive(String field, Duration value) {
        notNull(field, value);
        if (value.isNegative() || value.isZero()) {
            throw ValidationException.of(field, value, "must be > 0");
        }
        return value;
    }

    /**
     * Requires a duration of zero or more.
     *
     * @param field the setting's name
     * @param value the value given
     * @return {@code value}, never null
     * @throws ValidationException when {@code value} is null or negative
     */
    public static Duration notNegative(String field, Duration value) {
        notNull(field, value);
        if (value.isNegative()) {
            throw ValidationException.of(field, value, "must be >= 0");
        }
        return value;
    }

    /**
     * Requires a number of at least {@code min}.
     *
     * @param field the setting's name
     * @param value the value given
     * @param min   the smallest value allowed
     * @return {@code value}
     * @throws ValidationException when {@code value} is below {@code min}
     */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw ValidationException.of(field, value, "must be >= " + min);
        }
        return value;
    }
}
