package com.roofworx.sdk.internal;

import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.RetryHint;

import java.time.Duration;

/** Reads what an adapter's exception says about itself: its class and its retry hint, through its causes. */
final class Failures {
    private static final int MAX_DEPTH = 8;

    private Failures() {
    }

    /** The first {@link ClassifiedFailure} on the cause chain decides; none means transient. */
    static FailureKind kindOf(Throwable failure) {
        ClassifiedFailure classified = find(failure, ClassifiedFailure.class);
        return classified == null ? FailureKind.TRANSIENT : classified.failureKind();
    }

    /** The first {@link RetryHint} on the cause chain, or null. */
    static Duration retryAfter(Throwable failure) {
        RetryHint hint = find(failure, RetryHint.class);
        return hint == null ? null : hint.retryAfter();
    }

    static String message(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static <T> T find(Throwable failure, Class<T> type) {
        Throwable t = failure;
        // Bounded: a cause chain can be a cycle.
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
