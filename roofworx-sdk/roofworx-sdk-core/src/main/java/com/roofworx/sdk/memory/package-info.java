/**
 * In-memory implementations of every adapter SPI, for tests, examples and single-process use.
 */
package com.roofworx.sdk.memory;
