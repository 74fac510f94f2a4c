/**
 * A stateful Zoho CRM simulator (HTTP, on loopback) to test and demo the Zoho adapter without a Zoho
 * account: OAuth tokens, Deals, workers, assignments, {@code Time_Entries} upserts, and injected faults.
 */
package com.roofworx.sdk.testkit.zoho;
