package com.roofworx.sdk.internal;

import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario.Adapters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine on in-memory adapters through 500 fixed random schedules and one fresh one (printed on
 * failure): every acknowledged entry ends in warm and cold exactly once; no refused entry anywhere.
 */
class RandomizedInvariantTest {

    @Test
    @DisplayName("500 fixed seeds and one fresh seed keep every acknowledged entry, once, everywhere")
    void invariantsHold() {
        new SyncInvariantScenario(clock -> new Adapters(
                new InMemoryHotEntryStore(clock, InMemoryHotEntryStore.DEFAULT_RETENTION), new InMemoryWarmEntryStore()))
                .runSeeds(1, 500, true);
    }
}
