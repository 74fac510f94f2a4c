/**
 * The engine's implementation. Not API: anything here may change in any release.
 */
package com.roofworx.sdk.internal;
