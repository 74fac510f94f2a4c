package com.roofworx.sdk.redis.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact text layout of stored values: fields separated by {@code |}, with {@code \} escaping a
 * separator or itself inside a field. A nullable text is an empty field when null and {@code \e} when empty,
 * so null and "" survive a round trip. Numbers and instants are base 36 to keep values short.
 */
public final class FieldCodec {
    static final char SEP = '|';
    private static final char ESC = '\\';
    private static final String EMPTY_MARK = "\\e";

    private FieldCodec() {
    }

    /** Appends fields to one value. */
    public static final class Writer {
        private final StringBuilder out = new StringBuilder(128);
        private boolean first = true;

        public Writer text(String value) {
            separate();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == SEP || c == ESC) {
                    out.append(ESC);
                }
                out.append(c);
            }
            return this;
        }

        public Writer nullableText(String value) {
            if (value == null) {
                separate();
                return this;
            }
            if (value.isEmpty()) {
                separate();
                out.append(EMPTY_MARK);
                return this;
            }
            return text(value);
        }

        public Writer number(long value) {
            separate();
            out.append(Long.toString(value, Character.MAX_RADIX));
            return this;
        }

        /**
         * Milliseconds since the epoch in base 36, then the sub-millisecond part only when there is one:
         * {@code .micros} or {@code ,nanos}. Empty for null.
         */
        public Writer instant(Instant value) {
            separate();
            if (value != null) {
                appendNanos(value.getEpochSecond() * 1000L + value.getNano() / 1_000_000, value.getNano() % 1_000_000);
            }
            return this;
        }

        /** {@code value} as its distance from {@code base}, so a time equal to the base costs one byte. */
        public Writer instantFrom(Instant base, Instant value) {
            separate();
            if (value != null) {
                Duration delta = Duration.between(base, value);
                long nanos = delta.getSeconds() * 1_000_000_000L + delta.getNano();
                appendNanos(Math.floorDiv(nanos, 1_000_000L), (int) Math.floorMod(nanos, 1_000_000L));
            }
            return this;
        }

        private void appendNanos(long millis, int subMillisNanos) {
            out.append(Long.toString(millis, Character.MAX_RADIX));
            if (subMillisNanos % 1000 == 0 && subMillisNanos != 0) {
                out.append('.').append(subMillisNanos / 1000);
            } else if (subMillisNanos != 0) {
                out.append(',').append(subMillisNanos);
            }
        }

        private void separate() {
            if (!first) {
                out.append(SEP);
            }
            first = false;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Reads the fields of one value in order. */
    public static final class Reader {
        private final List<String> fields;
        private final List<Boolean> emptyMarks;
        private int next;

        public Reader(String value) {
            fields = new ArrayList<>(16);
            emptyMarks = new ArrayList<>(16);
            StringBuilder field = new StringBuilder();
            boolean marked = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ESC && i + 1 < value.length()) {
                    char escaped = value.charAt(++i);
                    if (escaped == 'e') {
                        marked = true;
                    } else {
                        field.append(escaped);
                    }
                } else if (c == SEP) {
                    fields.add(field.toString());
                    emptyMarks.add(marked);
                    field.setLength(0);
                    marked = false;
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            emptyMarks.add(marked);
        }

        public int size() {
            return fields.size();
        }

        public String text() {
            return field();
        }

        public String nullableText() {
            boolean marked = emptyMarks.get(next);
            String value = field();
            if (marked) {
                return "";
            }
            return value.isEmpty() ? null : value;
        }

        public long number() {
            return Long.parseLong(field(), Character.MAX_RADIX);
        }

        public Instant instant() {
            String value = field();
            if (value.isEmpty()) {
                return null;
            }
            return Instant.EPOCH.plus(parseNanos(value));
        }

        public Instant instantFrom(Instant base) {
            String value = field();
            return value.isEmpty() ? null : base.plus(parseNanos(value));
        }

        private static Duration parseNanos(String value) {
            int cut = Math.max(value.indexOf('.'), value.indexOf(','));
            long millis = Long.parseLong(cut < 0 ? value : value.substring(0, cut), Character.MAX_RADIX);
            long subMillis = 0;
            if (cut >= 0) {
                long part = Long.parseLong(value.substring(cut + 1));
                subMillis = value.charAt(cut) == '.' ? part * 1000 : part;
            }
            return Duration.ofMillis(millis).plusNanos(subMillis);
        }

        private String field() {
            if (next >= fields.size()) {
                throw new IllegalStateException("stored value has " + fields.size() + " fields but field "
                        + (next + 1) + " was read");
            }
            return fields.get(next++);
        }
    }
}
