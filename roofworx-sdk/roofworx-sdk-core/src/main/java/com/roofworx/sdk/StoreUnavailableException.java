package com.roofworx.sdk;

/**
 * A store or sink could not be reached or failed as a whole. Adapters throw it (or any runtime exception,
 * which the engine treats alike); the SDK throws it to callers only when no store could take a write.
 * Maps to HTTP 503.
 */
public final class StoreUnavailableException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final String store;

    private StoreUnavailableException(String store, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
    }

    /**
     * {@code store} failed during {@code operation}.
     *
     * @param store     the store's name, such as {@code redis}
     * @param operation what was asked of it
     * @param cause     the underlying failure, or null
     * @return the exception, never null
     */
    public static StoreUnavailableException of(String store, String operation, Throwable cause) {
        String reason = cause == null ? "" : ": " + cause.getMessage();
        return new StoreUnavailableException(store, store + " failed during " + operation + reason, cause);
    }

    /** Which store failed, e.g. "hot", "warm", "cold", "project-source". */
    public String store() {
        return store;
    }
}
