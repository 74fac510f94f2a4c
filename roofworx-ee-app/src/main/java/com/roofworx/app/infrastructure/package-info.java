/**
 * What the app runs on: settings from MicroProfile Config, the adapters each tier uses, the SDK's lifetime
 * and schedules on the container's managed executor, start-up checks, health checks and metrics.
 */
package com.roofworx.app.infrastructure;
