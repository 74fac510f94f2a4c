package com.roofworx.sdk.testkit.zoho;

/**
 * A Zoho CRM user as the simulator lists it on {@code GET /crm/v8/users}.
 *
 * @param id       the user id (what user lookup fields hold)
 * @param email    the user's e-mail address
 * @param fullName display name
 * @param active   only active users are listed for {@code type=ActiveUsers}
 */
public record SimulatedUser(String id, String email, String fullName, boolean active) {
}
