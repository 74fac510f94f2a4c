package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a Zoho change notification says: which records changed, in which module, and (for the Notifications
 * API) the channel token. Reads a workflow webhook's JSON or form body ({@code id}, {@code ids} comma-separated,
 * {@code module}) and a Notifications API callback ({@code ids} array, {@code module}, {@code token}). Other
 * members are skipped; nesting deeper than {@link #MAX_DEPTH} is refused as a 400.
 *
 * @param ids    record ids, possibly empty (then everything is reloaded)
 * @param module the module the ids belong to, or null when not said
 * @param token  the Notifications API channel token, or null
 */
public record ZohoNotification(List<String> ids, String module, String token) {
    /** Made once: {@code Json.createParser} looks the JSON provider up again on every call. */
    private static final jakarta.json.stream.JsonParserFactory PARSERS = Json.createParserFactory(java.util.Map.of());
    static final int MAX_DEPTH = 8;
    static final String ID = "id";
    static final String IDS = "ids";
    static final String PROJECT_ID = "projectId";
    static final String MODULE = "module";
    static final String TOKEN = "token";
    /** The members read, in JSON and form bodies alike; any other member is skipped. */
    public static final Set<String> MEMBERS = Set.of(ID, IDS, PROJECT_ID, MODULE, TOKEN);

    public static ZohoNotification parse(byte[] body, String contentType) {
        if (body.length == 0) {
            return new ZohoNotification(List.of(), null, null);
        }
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            return form(new String(body, StandardCharsets.UTF_8));
        }
        return json(body);
    }

    private static ZohoNotification form(String body) {
        List<String> ids = new ArrayList<>();
        String module = null;
        String token = null;
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = decode("body", kv[0]);
            String value = kv.length > 1 ? decode(key.length() <= 40 ? key : "body", kv[1]) : "";
            switch (key) {
                case ID, IDS, PROJECT_ID -> Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).forEach(ids::add);
                case MODULE -> module = value;
                case TOKEN -> token = value;
                default -> { }
            }
        }
        return new ZohoNotification(List.copyOf(ids), module, token);
    }

    /** A malformed escape ({@code %zz}) is the sender's mistake: a 400 naming the member, never a 500. */
    private static String decode(String field, String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "malformed percent-encoding",
                    "must be application/x-www-form-urlencoded");
        }
    }

    private static ZohoNotification json(byte[] body) {
        List<String> ids = new ArrayList<>();
        String module = null;
        String token = null;
        try (JsonParser p = PARSERS.createParser(new StringReader(Utf8.decode(body)))) {
            if (p.next() != JsonParser.Event.START_OBJECT) {
                throw ValidationException.of("body", "not an object", "must be a JSON object");
            }
            int depth = 1;
            String key = null;
            boolean inIds = false;
            while (depth > 0) {
                JsonParser.Event e = p.next();
                switch (e) {
                    case START_OBJECT, START_ARRAY -> {
                        inIds = depth == 1 && IDS.equals(key) && e == JsonParser.Event.START_ARRAY;
                        if (++depth > MAX_DEPTH) {
                            throw ValidationException.of(key == null ? "body" : key, "nested " + depth + " levels deep",
                                    "must be nested at most " + MAX_DEPTH + " levels");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        inIds = false;
                    }
                    case KEY_NAME -> key = depth == 1 ? p.getString() : key;
                    case VALUE_STRING, VALUE_NUMBER -> {
                        String value = p.getString();
                        if (inIds && depth == 2) {
                            ids.add(value);
                        } else if (depth == 1 && (ID.equals(key) || PROJECT_ID.equals(key)
                                || IDS.equals(key))) {
                            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                                    .forEach(ids::add);
                        } else if (depth == 1 && MODULE.equals(key)) {
                            module = value;
                        } else if (depth == 1 && TOKEN.equals(key)) {
                            token = value;
                        }
                    }
                    default -> { }
                }
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw ValidationException.of("body", "malformed", "must be valid JSON");
        }
        return new ZohoNotification(List.copyOf(ids), module, token);
    }
}
