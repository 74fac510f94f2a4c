package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.spi.FailureKind;

import java.time.Instant;

/**
 * A destination pause as one hash value: {@code nextProbeAt | since | failures | kind | lastError}. The
 * destination is the hash field. {@code nextProbeAt} comes first so {@link PauseScripts#TRY_PROBE} can read
 * and replace it without parsing the rest.
 */
public final class PauseCodec {
    private static final int FIELDS = 5;

    private PauseCodec() {
    }

    public static String encode(DestinationPause pause) {
        return new FieldCodec.Writer()
                .instant(pause.nextProbeAt())
                .instant(pause.since())
                .number(pause.failures())
                .text(pause.kind() == FailureKind.PERMANENT ? "P" : "T")
                .nullableText(pause.lastError())
                .toString();
    }

    /** The first field alone, as {@link #encode} writes it: what a won probe puts in place of the old one. */
    public static String instantField(Instant instant) {
        return new FieldCodec.Writer().instant(instant).toString();
    }

    public static DestinationPause decode(Destination destination, String value) {
        FieldCodec.Reader in = new FieldCodec.Reader(value);
        if (in.size() != FIELDS) {
            throw new IllegalStateException("stored pause of " + destination + " has " + in.size()
                    + " fields, expected " + FIELDS);
        }
        Instant nextProbeAt = in.instant();
        Instant since = in.instant();
        int failures = (int) in.number();
        FailureKind kind = "P".equals(in.text()) ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
        return new DestinationPause(destination, since, nextProbeAt, failures, in.nullableText(), kind);
    }
}
