package com.roofworx.sdk.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * One test server and one connection shared by a test class; each store it hands out gets a fresh key
 * prefix, so it starts empty.
 */
final class SharedRedis implements AutoCloseable {
    final RedisTestServer server;
    final RedisClient client;
    final StatefulRedisConnection<String, String> connection;

    SharedRedis() {
        server = RedisTestServer.start();
        client = RedisClient.create(server.uri());
        connection = client.connect();
    }

    /** An adapter on the shared connection with a prefix of its own. */
    RedisAdapter freshAdapter() {
        return RedisAdapter.using(connection,
                RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix()).build());
    }

    /** As {@link #freshAdapter()}, with every script kept in one slot, as on Redis Cluster. */
    RedisAdapter freshSingleSlotAdapter() {
        return RedisAdapter.using(connection, RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix())
                .singleSlotScripts(true).build());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        server.close();
    }
}
