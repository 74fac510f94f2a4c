package com.roofworx.sdk;

/** Base of every exception the SDK throws on purpose. Unchecked: callers map them to responses at their edge. */
public class RoofworxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the field or store */
    public RoofworxException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public RoofworxException(String message, Throwable cause) {
        super(message, cause);
    }
}
