package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.spi.FailureKind;

import java.time.Instant;

/**
 * A destination the sync engine has stopped writing to because it failed as a whole. While paused, all
 * instances together send one probe batch per backoff interval; entries wait without using up attempts.
 * The first successful probe ends the pause.
 *
 * @param destination the paused destination
 * @param since       when the first failure of this outage happened
 * @param nextProbeAt when the next probe may be sent (during a probe: the end of the prober's lease)
 * @param failures    failed calls (the first failure and failed probes) since the pause began
 * @param lastError   the last failure's message
 * @param kind        the last failure's class: {@code PERMANENT} means an operator must act
 */
public record DestinationPause(Destination destination, Instant since, Instant nextProbeAt, int failures,
                               String lastError, FailureKind kind) {

    public DestinationPause {
        Checks.notNull("destination", destination);
        Checks.notNull("since", since);
        Checks.notNull("nextProbeAt", nextProbeAt);
        Checks.notNull("kind", kind);
        Checks.atLeast("failures", failures, 1);
    }
}
