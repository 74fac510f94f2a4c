/**
 * The warm entry store on PostgreSQL over plain JDBC, its settings and its Flyway migrations.
 */
package com.roofworx.sdk.postgres;
