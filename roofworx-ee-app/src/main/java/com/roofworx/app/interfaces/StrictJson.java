package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a flat JSON object of scalars, strictly, before any binding: the top level must be an object, every
 * member must be one of the known names and appear once, and a member holding an object or an array is refused
 * at once (so absurdly deep nesting is never walked). Failures are 400s naming the member and the value.
 * Numbers are kept as the text the client sent: converting them here would let {@code 1e99999999999} or a
 * number of a thousand digits fail inside the parser instead of as a 400 naming the member.
 */
public final class StrictJson {
    /** Made once: {@code Json.createParser} looks the JSON provider up again on every call. */
    private static final jakarta.json.stream.JsonParserFactory PARSERS = Json.createParserFactory(java.util.Map.of());
    private StrictJson() {
    }

    /** A scalar member: its JSON kind and its raw text ({@code null} for JSON null). */
    public record Scalar(Kind kind, String text) {
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        /** The value as the client wrote it: strings quoted, so {@code "60"} and {@code 60} read differently. */
        public String shown() {
            return kind == Kind.STRING ? '"' + text + '"' : text;
        }
    }

    /** The members of the body's top-level object, in order. */
    public static Map<String, Scalar> flatObject(byte[] body, Set<String> known) {
        if (body.length == 0) {
            throw ValidationException.of("body", "empty", "must be a JSON object");
        }
        Map<String, Scalar> members = new LinkedHashMap<>();
        try (JsonParser parser = PARSERS.createParser(new StringReader(Utf8.decode(body)))) {
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw ValidationException.of("body", kindOf(first), "must be a JSON object");
            }
            while (true) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String name = parser.getString();
                if (!known.contains(name)) {
                    throw ValidationException.of(name, "present", "is not a known field (known: "
                            + String.join(", ", known) + ")");
                }
                if (members.containsKey(name)) {
                    throw ValidationException.of(name, "given twice", "must appear once");
                }
                members.put(name, scalar(name, parser.next(), parser));
            }
            if (parser.hasNext()) {
                throw ValidationException.of("body", "more content after the object", "must be one JSON object");
            }
        } catch (JsonParsingException e) {
            throw ValidationException.of("body", "malformed at line " + e.getLocation().getLineNumber() + " column "
                    + e.getLocation().getColumnNumber(), "must be valid JSON");
        } catch (java.util.NoSuchElementException e) {
            throw ValidationException.of("body", "truncated", "must be valid JSON");
        } catch (JsonException | IllegalStateException e) {
            // Any other refusal of the parser: still the client's body, never a server failure.
            throw ValidationException.of("body", "malformed", "must be valid JSON");
        }
        return members;
    }

    private static Scalar scalar(String name, JsonParser.Event event, JsonParser parser) {
        return switch (event) {
            case VALUE_STRING -> new Scalar(Scalar.Kind.STRING, parser.getString());
            case VALUE_NUMBER -> new Scalar(Scalar.Kind.NUMBER, parser.getString());
            case VALUE_TRUE -> new Scalar(Scalar.Kind.BOOLEAN, "true");
            case VALUE_FALSE -> new Scalar(Scalar.Kind.BOOLEAN, "false");
            case VALUE_NULL -> new Scalar(Scalar.Kind.NULL, "null");
            default -> throw ValidationException.of(name, kindOf(event), "must be a single value, not a structure");
        };
    }

    private static String kindOf(JsonParser.Event event) {
        return switch (event) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> event.name();
        };
    }
}
