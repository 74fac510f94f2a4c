package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;

import java.util.Objects;

/**
 * A project a worker can book time to: one Zoho CRM Deal, reduced to what a project picker shows.
 *
 * @param id      the source's identifier (the Deal id); never blank
 * @param name    display name; never blank
 * @param status  the source's stage or status text, for display
 * @param active  whether new time may be booked to it
 * @param account the customer or account name; may be empty
 * @param address the site address; may be empty
 */
public record Project(String id, String name, String status, boolean active, String account, String address) {

    public Project {
        Checks.notBlank("project.id", id);
        Checks.notBlank("project.name", name);
        status = Objects.requireNonNullElse(status, "");
        account = Objects.requireNonNullElse(account, "");
        address = Objects.requireNonNullElse(address, "");
    }

    /** An active project with only an id and a name, for tests and examples. */
    public static Project of(String id, String name) {
        return new Project(id, name, "Active", true, "", "");
    }
}
