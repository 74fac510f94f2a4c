/**
 * Test helpers for adapter authors and embedders: a controllable clock, fault injection and entry builders.
 */
package com.roofworx.sdk.testkit;
