/**
 * The adapter SPIs: where projects come from and are cached, and the hot, warm and cold entry stores,
 * with the failure classification and clock the engine uses. Contract kits for each are in
 * {@code roofworx-sdk-testkit}.
 */
package com.roofworx.sdk.spi;
