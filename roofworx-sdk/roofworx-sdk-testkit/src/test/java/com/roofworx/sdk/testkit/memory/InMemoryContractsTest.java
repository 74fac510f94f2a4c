package com.roofworx.sdk.testkit.memory;

import com.roofworx.sdk.memory.InMemoryAccessTokenCache;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.contract.AccessTokenCacheContract;
import com.roofworx.sdk.testkit.contract.ColdEntrySinkContract;
import com.roofworx.sdk.testkit.contract.HotEntryStoreContract;
import com.roofworx.sdk.testkit.contract.ProjectCacheContract;
import com.roofworx.sdk.testkit.contract.ProjectSourceContract;
import com.roofworx.sdk.testkit.contract.WarmEntryStoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

import java.util.Optional;

/**
 * Core's in-memory adapters against every contract kit. (They run here rather than in core's build because
 * the kits depend on core, and Maven forbids the cycle.)
 */
class InMemoryContractsTest {

    @Nested
    @DisplayName("InMemoryProjectSource")
    class Source extends ProjectSourceContract {
        @Override
        protected ProjectSource newSource(ProjectSnapshot seed) {
            return new InMemoryProjectSource(seed);
        }
    }

    @Nested
    @DisplayName("InMemoryProjectCache")
    class Cache extends ProjectCacheContract {
        @Override
        protected ProjectCache newCache(TestClock clock) {
            return new InMemoryProjectCache(clock);
        }
    }

    @Nested
    @DisplayName("InMemoryHotEntryStore")
    class Hot extends HotEntryStoreContract {
        @Override
        protected HotEntryStore newStore(TestClock clock) {
            return new InMemoryHotEntryStore(clock, InMemoryHotEntryStore.DEFAULT_RETENTION);
        }
    }

    @Nested
    @DisplayName("InMemoryWarmEntryStore")
    class Warm extends WarmEntryStoreContract {
        @Override
        protected WarmEntryStore newStore() {
            return new InMemoryWarmEntryStore();
        }
    }

    @Nested
    @DisplayName("InMemoryColdEntrySink")
    class Cold extends ColdEntrySinkContract {
        private InMemoryColdEntrySink memory;

        @Override
        protected ColdEntrySink newSink() {
            memory = new InMemoryColdEntrySink().answerWith(e -> e.owner().startsWith("unknown")
                    ? new ColdEntrySink.ColdOutcome.Rejected("INVALID_DATA", "unknown worker " + e.owner()) : null);
            return memory;
        }

        @Override
        protected long storedRecordCount() {
            return memory.recordCount();
        }

        @Override
        protected Optional<TimeEntry> entryToReject() {
            return Optional.of(Entries.pending("unknown@example.com", knownProjectId(), clock.today(), clock.now()));
        }
    }

    @Nested
    @DisplayName("InMemoryAccessTokenCache")
    class Tokens extends AccessTokenCacheContract {
        @Override
        protected AccessTokenCache newCache() {
            return new InMemoryAccessTokenCache();
        }
    }
}
