/**
 * The events the SDK publishes about its work, and the listener interface that receives them. The SDK
 * logs nothing itself: listeners turn events into metrics and logs.
 */
package com.roofworx.sdk.event;
