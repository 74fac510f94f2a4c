package com.roofworx.app.support;

import jakarta.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Seeded generators of hostile request parts: JSON values of every type, exotic strings, bad dates, bad forms. */
public final class Fuzz {
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "60", "1440", "1441", "60.0", "60.5", "6e1",
            "1e99999999999", "-1e99999999999", "1e-99999999999", "1e999999999", "1E+2147483648", "0e0", "-0",
            "2147483648", "-2147483649", "9223372036854775808", "0.0000000000000000000001", "1" + "0".repeat(1_100),
            "9".repeat(1_101), "1.5e3", "00", "01", "+1", ".5", "5.", "1e", "--1", "0x10", "NaN", "Infinity");
    private static final List<String> STRINGS = List.of("", " ", "a\\u0000b", "\\ud800", "\\udc00x", "\\ud83d",
            "\\ud83d\\ude00", "\\u0007", "\\u001b[31m", "\\u212a", "\\ufeff", "\\uffff", "\\u202e", "tab\\there",
            "line\\nbreak", "\\\"quoted\\\"", "\\\\", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}",
            "%s%n%x", "../../etc/passwd", "屋根", "x".repeat(3_000), "\uD83D\uDEE0\uFE0F", "é", "e\u0301");
    private static final List<String> DATES = List.of("2026-11-20", "-999999999-01-01", "+999999999-12-31",
            "0000-01-01", "9999-12-31", "10000-01-01", "2026-02-30", "2026-13-01", "2026-1-1", "20261120",
            "2026-11-20T00:00:00Z", "yesterday", "", " ", "%00", "1970-01-01", "1969-12-31", "2026-11-20%00");
    private static final List<String> FIELDS = List.of("id", "projectId", "workDate", "minutes", "notes", "taskType");

    private final Random random;

    public Fuzz(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Any JSON value as text: every type, huge and tiny numbers, exotic strings, nesting. */
    public String jsonValue() {
        return switch (random.nextInt(8)) {
            case 0 -> pick(NUMBERS);
            case 1, 2 -> "\"" + pick(STRINGS) + "\"";
            case 3 -> pick(List.of("true", "false", "null"));
            case 4 -> "{\"a\":" + pick(NUMBERS) + "}";
            case 5 -> "[" + pick(NUMBERS) + "," + "\"" + pick(STRINGS) + "\"]";
            case 6 -> "[".repeat(1 + random.nextInt(200)) + "]".repeat(random.nextInt(200));
            default -> "\"" + pick(DATES) + "\"";
        };
    }

    /** A JSON string literal holding the value as sent by Json (always valid JSON). */
    public static String quoted(String s) {
        return Json.createValue(s).toString();
    }

    /** An entry body close to valid, with one member replaced, dropped, doubled or unknown. */
    public String entryBody(String projectId, String workDate) {
        String[] values = {quoted(UUID.randomUUID().toString()), quoted(projectId), quoted(workDate),
                Integer.toString(1 + random.nextInt(1440)), quoted("notes " + random.nextInt()), "\"roofing\""};
        StringBuilder b = new StringBuilder("{");
        int target = random.nextInt(FIELDS.size());
        int mode = random.nextInt(6);
        for (int i = 0; i < FIELDS.size(); i++) {
            String value = values[i];
            if (i == target) {
                if (mode == 0) {
                    continue;
                }
                if (mode <= 3) {
                    value = jsonValue();
                }
            }
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(quoted(FIELDS.get(i))).append(':').append(value);
            if (i == target && mode == 4) {
                b.append(',').append(quoted(FIELDS.get(i))).append(':').append(values[i]);
            }
        }
        if (mode == 5) {
            b.append(",\"").append(pick(List.of("owner", "createdAt", "sync", "", "\\u0000"))).append("\":1");
        }
        return b.append('}').toString();
    }

    /** The body cut short, or with random bytes flipped, or random bytes altogether. */
    public byte[] broken(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] cut = new byte[random.nextInt(Math.max(1, bytes.length))];
                System.arraycopy(bytes, 0, cut, 0, cut.length);
                return cut;
            }
            case 1 -> {
                for (int i = 1 + random.nextInt(3); i > 0 && bytes.length > 0; i--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
            default -> {
                byte[] noise = new byte[random.nextInt(64)];
                random.nextBytes(noise);
                return noise;
            }
        }
    }

    public String date() {
        return pick(DATES);
    }

    /** Text safe to put in a URL query or path, percent-encoded by the caller where needed. */
    public String urlPart(String raw) {
        return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    /** A form body with well-formed and malformed escapes. */
    public String form() {
        String[] parts = {"ids=" + random.nextInt(1000), "module=Deals", "a=%zz", "%zz=1", "ids=%", "ids=%G1",
                "token=%E0%A4%A", "id=%FF%FE", "module=" + "%41".repeat(random.nextInt(50)), "=", "&&", "x"};
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            b.append(b.length() == 0 ? "" : "&").append(pick(List.of(parts)));
        }
        return b.toString();
    }

    /** An HTTP method token, known or not. */
    public String method() {
        if (random.nextInt(3) == 0) {
            return pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"));
        }
        StringBuilder m = new StringBuilder();
        for (int n = 3 + random.nextInt(8); n > 0; n--) {
            m.append((char) ('A' + random.nextInt(26)));
        }
        return m.toString();
    }
}
