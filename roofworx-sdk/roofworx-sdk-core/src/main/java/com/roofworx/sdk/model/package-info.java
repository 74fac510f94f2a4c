/**
 * The domain values: projects, entry drafts and time entries with their sync state per destination,
 * pauses, and the filters and positions of the blocked list. Immutable; constructors check their values.
 */
package com.roofworx.sdk.model;
