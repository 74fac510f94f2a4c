package com.roofworx.sdk.redis.internal;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every multi-key atomic step must touch one Redis Cluster slot (CRC16 of the hash tag, mod 16384). */
class RedisKeysSlotTest {
    private static final RedisKeys KEYS = new RedisKeys("rw:");
    private static final UUID ID = UUID.fromString("0f8e3a52-7d4b-4c1e-9a63-2b5d8f1c0e77");

    @ParameterizedTest(name = "user {0}")
    @ValueSource(strings = {"anna@example.com", "ben.o'hara@roofco.example", "odd{user}@example.com",
            "}{", "%7B@example.com", "q"})
    @DisplayName("each per-user step, including the entry keys its script derives, hashes to one slot")
    void perUserSteps(String user) {
        List<String> entryStep = withDerivedEntry(KEYS.entryStep(user, ID), user);
        assertOneSlot("insert/complete/requeue", entryStep);
        assertOneSlot("claim/release", withDerivedEntry(KEYS.queueStep(user), user));
        assertOneSlot("range", withDerivedEntry(KEYS.rangeStep(user), user));
        assertOneSlot("user keys", List.of(KEYS.entry(user, ID), KEYS.byDate(user), KEYS.queue(user),
                KEYS.leases(user), KEYS.projects(user)));
    }

    @ParameterizedTest(name = "user {0}")
    @ValueSource(strings = {"anna@example.com", "odd{user}@example.com"})
    @DisplayName("the slot of a user's keys is the slot of the user's tag alone")
    void tagDecidesSlot(String user) {
        assertThat(SlotHash.getSlot(KEYS.entry(user, ID))).isEqualTo(SlotHash.getSlot(RedisKeys.tag(user)));
    }

    @Test
    @DisplayName("the global queue step's keys share one slot")
    void globalStep() {
        assertOneSlot("pick/settle/touch", Arrays.asList(KEYS.globalStep()));
    }

    @Test
    @DisplayName("the blocked list, its owner hash and the pauses share the global queue's slot")
    void blockedAndPauses() {
        List<String> all = new ArrayList<>(Arrays.asList(KEYS.blockedStep()));
        all.addAll(Arrays.asList(KEYS.pauseStep()));
        all.addAll(Arrays.asList(KEYS.globalStep()));
        assertOneSlot("block/unblock/scan/probe", all);
    }

    @Test
    @DisplayName("a token and its lock share one slot")
    void tokenKeys() {
        assertOneSlot("token", List.of(KEYS.token("zoho"), KEYS.tokenLock("zoho")));
    }

    @Test
    @DisplayName("users whose names differ only by escaping still get different keys")
    void escapingIsInjective() {
        assertThat(KEYS.queue("a{b")).isNotEqualTo(KEYS.queue("a%7Bb"));
        assertThat(KEYS.queue("a{b")).doesNotContain("a{b");
    }

    private static List<String> withDerivedEntry(String[] scriptKeys, String user) {
        List<String> all = new ArrayList<>(Arrays.asList(scriptKeys));
        all.add(KEYS.userBase(user) + Ids.encode(ID));
        return all;
    }

    private static void assertOneSlot(String step, List<String> keys) {
        var slots = keys.stream().distinct().collect(Collectors.toMap(k -> k, SlotHash::getSlot));
        assertThat(slots.values().stream().distinct().count())
                .as("slots of the keys of step %s: %s", step, slots).isEqualTo(1);
    }
}
