/**
 * The app's HTTP surface: JAX-RS resources under {@code /api}, strict request parsing, response records,
 * RFC 9457 problem mapping, the Server-Timing filter and authentication (MicroProfile JWT, plus the cron
 * secret). Resources call the SDK's public API only; no rule about entries or projects lives here.
 */
package com.roofworx.app.interfaces;
