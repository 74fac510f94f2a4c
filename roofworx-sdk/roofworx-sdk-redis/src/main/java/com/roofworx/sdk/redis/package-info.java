/**
 * The Redis adapters on Lettuce: project cache, hot entry store with its sync queue, and the shared
 * access-token cache, all from one {@link com.roofworx.sdk.redis.RedisAdapter}.
 */
package com.roofworx.sdk.redis;
