/**
 * The Redis adapter's keys, codecs and Lua scripts. Not API: anything here may change in any release.
 */
package com.roofworx.sdk.redis.internal;
