package com.roofworx.app.interfaces;

/** The roles the app knows; they come from the token's {@code groups} claim. */
public final class Roles {
    public static final String WORKER = "worker";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
