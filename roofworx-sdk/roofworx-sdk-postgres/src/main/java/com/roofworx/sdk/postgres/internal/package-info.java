/**
 * The PostgreSQL adapter's SQL and row mapping. Not API: anything here may change in any release.
 */
package com.roofworx.sdk.postgres.internal;
