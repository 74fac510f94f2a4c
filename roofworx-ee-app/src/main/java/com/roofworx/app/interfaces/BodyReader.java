package com.roofworx.app.interfaces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to a byte limit. A body over the limit is refused with 413 before it is parsed,
 * whether or not the client declared its length.
 */
public final class BodyReader {
    /** The API's body limit: 16 KiB is far above any real entry and far below anything that strains the server. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    private BodyReader() {
    }

    public static byte[] read(InputStream in, String contentLength, int maxBytes) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > maxBytes) {
                    throw tooLarge(maxBytes);
                }
            } catch (NumberFormatException e) {
                // The container rejects a malformed Content-Length itself; count the bytes instead.
            }
        }
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return ApiProblem.of(413, "body-too-large", "Content Too Large",
                "the request body must be at most " + maxBytes + " bytes");
    }
}
