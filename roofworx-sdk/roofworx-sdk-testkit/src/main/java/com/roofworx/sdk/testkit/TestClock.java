package com.roofworx.sdk.testkit;

import com.roofworx.sdk.spi.Clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand. Thread-safe. */
public final class TestClock implements Clock {
    /** A fixed, ordinary moment: mid-morning UTC on a weekday. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-10T09:30:00Z");

    private final AtomicReference<Instant> now;

    public TestClock() {
        this(DEFAULT_START);
    }

    public TestClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Today's date in UTC, the zone the SDK compares work dates in. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    public TestClock advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
        return this;
    }

    public TestClock set(Instant instant) {
        now.set(instant);
        return this;
    }
}
