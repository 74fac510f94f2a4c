package com.roofworx.sdk.redis.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Entry ids as 22-character base64url text: 14 bytes shorter than the canonical form in every key and member. */
public final class Ids {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Ids() {
    }

    public static String encode(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return ENCODER.encodeToString(bytes.array());
    }

    public static UUID decode(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(DECODER.decode(text));
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
