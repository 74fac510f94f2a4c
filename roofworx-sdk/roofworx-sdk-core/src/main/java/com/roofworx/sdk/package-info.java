/**
 * The SDK's API: {@link com.roofworx.sdk.Roofworx} (built from five adapters), its
 * {@link com.roofworx.sdk.RoofworxConfig settings}, the services it offers
 * ({@link com.roofworx.sdk.ProjectCatalog projects}, {@link com.roofworx.sdk.TimeEntries entries},
 * {@link com.roofworx.sdk.SyncEngine sync}) and the exceptions they throw.
 */
package com.roofworx.sdk;
