package com.roofworx.sdk;

/** Bad input: names the field, the rejected value and the rule it broke. Maps to HTTP 400. */
public final class ValidationException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 80;

    private final String field;
    private final String rejectedValue;

    private ValidationException(String field, String rejectedValue, String message) {
        super(message);
        this.field = field;
        this.rejectedValue = rejectedValue;
    }

    /** {@code field} must not be {@code value} because {@code rule}: "minutes must be between 1 and 1440 but was 0". */
    public static ValidationException of(String field, Object value, String rule) {
        String shown = value == null ? "null" : abbreviate(String.valueOf(value));
        return new ValidationException(field, shown, field + " " + rule + " but was " + shown);
    }

    /** @return the name of the field (or setting) that was refused, never null */
    public String field() {
        return field;
    }

    /** The rejected value as text, cut to a readable length. */
    public String rejectedValue() {
        return rejectedValue;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "... (" + text.length() + " chars)";
    }
}
