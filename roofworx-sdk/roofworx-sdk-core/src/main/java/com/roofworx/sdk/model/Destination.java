package com.roofworx.sdk.model;

/** The two places an entry is written behind to. */
public enum Destination {
    /** The permanent record (PostgreSQL in the shipped adapters). */
    WARM,
    /** The compliance copy (Zoho CRM in the shipped adapters). */
    COLD
}
