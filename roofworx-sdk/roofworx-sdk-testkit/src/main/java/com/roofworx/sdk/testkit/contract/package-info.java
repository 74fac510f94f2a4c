/**
 * Contract kits: abstract JUnit 5 test classes an adapter's tests extend to prove it keeps its SPI's
 * contract.
 */
package com.roofworx.sdk.testkit.contract;
