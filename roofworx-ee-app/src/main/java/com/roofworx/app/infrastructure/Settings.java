package com.roofworx.app.infrastructure;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the app's settings. Every setting has a name ({@code roofworx.redis.uri}), the environment
 * variable form MicroProfile Config derives from it ({@code ROOFWORX_REDIS_URI}) and a default documented in
 * docs/configuration.md. A value that cannot be read fails with the setting's name and the value.
 */
public final class Settings {
    private final Function<String, Optional<String>> source;

    /** @param source answers a setting's raw value, or empty when it is not set (MicroProfile Config in the app) */
    public Settings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** The value, or {@code fallback} when unset or blank. */
    public String text(String name, String fallback) {
        return raw(name).orElse(fallback);
    }

    /** The value, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        return raw(name);
    }

    /** The value; fails naming the setting when it is missing. */
    public String required(String name) {
        return raw(name).orElseThrow(() -> new IllegalStateException(name + " (env "
                + envName(name) + ") must be set but was not"));
    }

    public int integer(String name, int fallback, int min) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw invalid(name, value.get(), "must be a whole number");
        }
        if (parsed < min) {
            throw invalid(name, value.get(), "must be >= " + min);
        }
        return parsed;
    }

    /** A decimal number such as {@code 5} or {@code 0.5}, at least {@code min}. */
    public double decimal(String name, double fallback, double min) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            throw invalid(name, value.get(), "must be a number");
        }
        if (!Double.isFinite(parsed) || parsed < min) {
            throw invalid(name, value.get(), "must be a finite number >= " + min);
        }
        return parsed;
    }

    public boolean flag(String name, boolean fallback) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, value.get(), "must be true or false");
        };
    }

    /** An ISO-8601 duration such as {@code PT30S}; {@code allowZero} lets 0 mean "off". */
    public Duration duration(String name, Duration fallback, boolean allowZero) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value.get());
        } catch (DateTimeParseException e) {
            throw invalid(name, value.get(), "must be an ISO-8601 duration such as PT30S");
        }
        if (parsed.isNegative() || (parsed.isZero() && !allowZero)) {
            throw invalid(name, value.get(), allowZero ? "must not be negative" : "must be positive");
        }
        return parsed;
    }

    /** One of {@code allowed} (case-insensitive), answered in lower case. */
    public String choice(String name, String fallback, String... allowed) {
        String value = text(name, fallback).toLowerCase(Locale.ROOT);
        if (Arrays.stream(allowed).noneMatch(value::equals)) {
            throw invalid(name, value, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A comma-separated list; blank items are dropped. */
    public List<String> list(String name, List<String> fallback) {
        return raw(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(fallback);
    }

    /** {@code roofworx.redis.uri} → {@code ROOFWORX_REDIS_URI}, the form MicroProfile Config reads from the environment. */
    public static String envName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Optional<String> raw(String name) {
        return source.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static IllegalStateException invalid(String name, String value, String rule) {
        return new IllegalStateException(name + " (env " + envName(name) + ") " + rule + " but was " + value);
    }
}
