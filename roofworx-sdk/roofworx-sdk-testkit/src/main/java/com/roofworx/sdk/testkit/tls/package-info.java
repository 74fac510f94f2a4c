/**
 * TLS test servers: a CA and server certificates made for a test, and a TLS-only Redis.
 */
package com.roofworx.sdk.testkit.tls;
