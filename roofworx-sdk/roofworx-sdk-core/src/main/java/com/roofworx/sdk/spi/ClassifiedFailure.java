package com.roofworx.sdk.spi;

/**
 * Implemented by an adapter's exception that knows its {@link FailureKind}. The engine looks for it on the
 * thrown exception and its causes; an exception that does not say is {@link FailureKind#TRANSIENT}, because
 * treating an unknown failure as "down" can only delay an entry, never lose or park it.
 */
public interface ClassifiedFailure {

    /** Whether retrying can help without anyone acting. */
    FailureKind failureKind();
}
