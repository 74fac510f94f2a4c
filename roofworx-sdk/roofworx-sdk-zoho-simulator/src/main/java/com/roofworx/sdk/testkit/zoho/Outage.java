package com.roofworx.sdk.testkit.zoho;

import java.time.Duration;

/** A scripted whole-call answer: an HTTP status, and Retry-After when not null. */
record Outage(int status, Duration retryAfter) {
    static final Outage UNAVAILABLE = new Outage(503, null);

    static Outage rateLimited(Duration retryAfter) {
        return new Outage(429, retryAfter);
    }
}
