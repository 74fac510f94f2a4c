package com.roofworx.sdk.redis;

import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.contract.AccessTokenCacheContract;
import com.roofworx.sdk.testkit.contract.HotEntryStoreContract;
import com.roofworx.sdk.testkit.contract.ProjectCacheContract;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Redis contract kit against a real Redis Cluster (3 masters, a replica each) through Lettuce's
 * RedisClusterClient, scripts kept in one slot. All adapters share one cluster connection, each with a key
 * prefix of its own.
 */
@DisplayName("Redis contract kits on a real Redis Cluster")
class RedisClusterContractIT {
    private static RedisTestCluster cluster;
    private static StatefulRedisClusterConnection<String, String> connection;

    @BeforeAll
    static void startCluster() {
        cluster = RedisTestCluster.start();
        connection = cluster.connect();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static RedisAdapter freshAdapter() {
        return RedisAdapter.using(connection, RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix())
                .singleSlotScripts(true).build());
    }

    @Test
    @DisplayName("the cluster has 3 masters, and the users of a test spread over all of them")
    void usersSpreadOverEveryMaster() {
        assertThat(cluster.masterPorts()).hasSize(3);
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            masters.add(cluster.masterPortOf("rw:{worker" + i + "@example.com}:q"));
        }
        assertThat(masters).containsExactlyInAnyOrderElementsOf(cluster.masterPorts());
    }

    @Nested
    @DisplayName("hot entry store")
    class HotStore extends HotEntryStoreContract {
        @Override
        protected HotEntryStore newStore(TestClock clock) {
            return freshAdapter().hotEntryStore(clock);
        }
    }

    @Nested
    @DisplayName("project cache")
    class Projects extends ProjectCacheContract {
        @Override
        protected ProjectCache newCache(TestClock clock) {
            return freshAdapter().projectCache(clock);
        }
    }

    @Nested
    @DisplayName("access-token cache")
    class Tokens extends AccessTokenCacheContract {
        @Override
        protected AccessTokenCache newCache() {
            return freshAdapter().accessTokenCache(Clock.system());
        }
    }
}
