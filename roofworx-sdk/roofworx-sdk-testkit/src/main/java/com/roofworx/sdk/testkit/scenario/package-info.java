/**
 * The randomized sync invariant scenario: submits, outages and refusals against real adapters, checking
 * that no entry is lost or doubled.
 */
package com.roofworx.sdk.testkit.scenario;
