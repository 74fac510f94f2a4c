package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes request bodies as strict UTF-8. The JSON-P parser, given bytes, guesses the encoding from the first
 * four bytes and fails with an unchecked error on a one-byte body such as {@code 0}; decoding first gives one
 * clear 400 for every body that is not UTF-8, and hands the parser characters only.
 */
final class Utf8 {
    private Utf8() {
    }

    static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("body", "not UTF-8", "must be UTF-8 encoded JSON");
        }
    }
}
