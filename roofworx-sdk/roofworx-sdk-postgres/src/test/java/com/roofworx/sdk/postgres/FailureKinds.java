package com.roofworx.sdk.postgres;

import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.FailureKind;

/** Reads a failure's kind the way the sync engine does: the first {@link ClassifiedFailure} on the cause chain. */
final class FailureKinds {

    private FailureKinds() {
    }

    /** The kind, or null when nothing on the chain says (the engine would then assume transient). */
    static FailureKind of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof ClassifiedFailure classified) {
                return classified.failureKind();
            }
        }
        return null;
    }
}
