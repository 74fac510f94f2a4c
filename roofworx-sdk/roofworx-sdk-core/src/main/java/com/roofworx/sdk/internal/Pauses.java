package com.roofworx.sdk.internal;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.HotEntryStore;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engine's view of paused destinations. The state is shared through the hot store, so one probe per
 * backoff interval tests a down destination for all instances together. When the hot store itself cannot be
 * reached, each instance falls back to what it saw last and to its own failures: it then probes on its own,
 * which costs a few more calls but never stops the sync.
 */
public final class Pauses {
    private final HotEntryStore hot;
    private final Backoff backoff;
    private final Duration probeLease;
    private final Clock clock;
    private final Events events;
    /** Last seen or locally recorded state; also what a submit consults, so it never costs a round trip. */
    private volatile Map<Destination, DestinationPause> local = Map.of();

    Pauses(HotEntryStore hot, Backoff backoff, Duration probeLease, Clock clock, Events events) {
        this.hot = hot;
        this.backoff = backoff;
        this.probeLease = probeLease;
        this.clock = clock;
        this.events = events;
    }

    /** Reads the shared state (or, with the hot store down, the local one). */
    Map<Destination, DestinationPause> read() {
        try {
            Map<Destination, DestinationPause> shared = Map.copyOf(hot.pauses());
            local = shared;
            return shared;
        } catch (RuntimeException e) {
            events.storeFailed("hot", "pauses", e);
            return local;
        }
    }

    /** As last seen by this instance, without a round trip. */
    public boolean seemsPaused(Destination destination) {
        return local.containsKey(destination);
    }

    /** Whether a pause read in {@code seen} lets no call through yet: its next probe is not due. */
    boolean waiting(Map<Destination, DestinationPause> seen, Destination destination, Instant now) {
        DestinationPause pause = seen.get(destination);
        return pause != null && pause.nextProbeAt().isAfter(now);
    }

    /**
     * For a destination paused in {@code seen} and due for a probe: whether this instance won the probe.
     * A destination not paused needs no probe: true.
     */
    boolean mayCall(Map<Destination, DestinationPause> seen, Destination destination, Instant now) {
        DestinationPause pause = seen.get(destination);
        if (pause == null) {
            return true;
        }
        if (pause.nextProbeAt().isAfter(now)) {
            return false;
        }
        try {
            return hot.tryProbe(destination, now, now.plus(probeLease));
        } catch (RuntimeException e) {
            events.storeFailed("hot", "tryProbe", e);
            return true;
        }
    }

    /** The destination failed as a whole: starts the pause, or extends it with the next backoff interval. */
    DestinationPause failed(Destination destination, RuntimeException cause) {
        DestinationPause before = read().get(destination);
        int failures = before == null ? 1 : before.failures() + 1;
        Instant nextProbeAt = backoff.next(failures, clock.now(), Failures.retryAfter(cause));
        return record(before, destination, nextProbeAt, Failures.message(cause), Failures.kindOf(cause), cause);
    }

    /**
     * Pauses the destination until {@code until} for a reason of the engine's own (the daily call budget is
     * used up), not a failure of the destination: one probe goes out when the time comes.
     */
    DestinationPause pauseUntil(Destination destination, Instant until, String reason) {
        return record(read().get(destination), destination, until, reason, FailureKind.TRANSIENT, null);
    }

    private DestinationPause record(DestinationPause before, Destination destination, Instant nextProbeAt,
                                    String error, FailureKind kind, RuntimeException cause) {
        DestinationPause pause = new DestinationPause(destination, before == null ? clock.now() : before.since(),
                nextProbeAt, before == null ? 1 : before.failures() + 1, error, kind);
        remember(destination, pause);
        try {
            hot.pause(pause);
        } catch (RuntimeException e) {
            events.storeFailed("hot", "pause", e);
        }
        events.publish(new RoofworxEvent.DestinationPaused(pause, cause));
        return pause;
    }

    /** A call to the destination worked: ends its pause if {@code seen} (or this instance) had one. */
    void succeeded(Map<Destination, DestinationPause> seen, Destination destination) {
        DestinationPause pause = seen.containsKey(destination) ? seen.get(destination) : local.get(destination);
        if (pause == null) {
            return;
        }
        forget(destination);
        try {
            hot.resume(destination);
        } catch (RuntimeException e) {
            events.storeFailed("hot", "resume", e);
        }
        events.publish(new RoofworxEvent.DestinationResumed(destination, pause.since(),
                Duration.between(pause.since(), clock.now())));
    }

    private synchronized void remember(Destination destination, DestinationPause pause) {
        Map<Destination, DestinationPause> next = new EnumMap<>(Destination.class);
        next.putAll(local);
        next.put(destination, pause);
        local = Map.copyOf(next);
    }

    private synchronized void forget(Destination destination) {
        Map<Destination, DestinationPause> next = new EnumMap<>(Destination.class);
        next.putAll(local);
        next.remove(destination);
        local = Map.copyOf(next);
    }
}
