package com.roofworx.app.interfaces;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a byte limit. A body over the limit is refused with 413 before it is parsed,
 * whether or not the client declared its length.
 */
public final class BodyReader {
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
            // The client stopped sending (or sent a broken chunked body): its fault, not the server's.
            throw ApiProblem.invalid("body", "unreadable", "must be sent completely");
        }
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return ApiProblem.of(413, "body-too-large", "Content Too Large",
                "the request body must be at most " + maxBytes + " bytes");
    }
}
