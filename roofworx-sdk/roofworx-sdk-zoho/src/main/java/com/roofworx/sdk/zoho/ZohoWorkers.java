package com.roofworx.sdk.zoho;

import com.roofworx.sdk.ValidationException;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the workers are in Zoho CRM, i.e. what the junction module's and {@code Time_Entries}' worker lookups
 * point at, and where a worker's e-mail address is read:
 * <ul>
 *   <li>{@link #users()} (the default): CRM users, e-mail from {@code GET /users?type=ActiveUsers};</li>
 *   <li>{@link #contacts()}: Contacts (the people Zoho CRM's portals are opened to), e-mail from the
 *       {@code Email} field;</li>
 *   <li>{@link #module(String, String)}: records of any module with an e-mail field, e.g. a custom
 *       {@code Workers} module.</li>
 * </ul>
 * With a module, {@link #onlyWhere(String)} names a checkbox: only records with it ticked are workers (a
 * Contacts module also holds customers). Immutable; every setter validates at once.
 */
public final class ZohoWorkers {
    public static final String CONTACTS = "Contacts";
    public static final String DEFAULT_EMAIL_FIELD = "Email";

    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
    private static final ZohoWorkers USERS = new ZohoWorkers(null, null, null);

    private final String module;
    private final String emailField;
    private final String activeField;

    private ZohoWorkers(String module, String emailField, String activeField) {
        this.module = module;
        this.emailField = emailField;
        this.activeField = activeField;
    }

    /** Workers are active Zoho CRM users (one CRM licence each). */
    public static ZohoWorkers users() {
        return USERS;
    }

    /** Workers are Contacts; the e-mail is the {@code Email} field. */
    public static ZohoWorkers contacts() {
        return module(CONTACTS, DEFAULT_EMAIL_FIELD);
    }

    /** Workers are records of {@code module}; the e-mail is its field {@code emailField}. */
    public static ZohoWorkers module(String module, String emailField) {
        return new ZohoWorkers(apiName("workers.module", module), apiName("workers.emailField", emailField), null);
    }

    /** Only records whose checkbox {@code field} is ticked are workers; null counts every record with an e-mail. */
    public ZohoWorkers onlyWhere(String field) {
        if (module == null) {
            throw ValidationException.of("workers.activeField", field, "applies only to a workers module, not to users");
        }
        return new ZohoWorkers(module, emailField, field == null ? null : apiName("workers.activeField", field));
    }

    /** True when workers are CRM users. */
    public boolean crmUsers() {
        return module == null;
    }

    /** The module holding the workers; empty for CRM users. */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    /** The e-mail field of the workers module; empty for CRM users. */
    public Optional<String> emailField() {
        return Optional.ofNullable(emailField);
    }

    /** The checkbox a workers-module record must have ticked; empty when every record counts. */
    public Optional<String> activeField() {
        return Optional.ofNullable(activeField);
    }

    /** How a worker known here is described in a refusal: "an active Zoho CRM user", "a Contacts record". */
    public String description() {
        if (module == null) {
            return "an active Zoho CRM user";
        }
        return "a " + module + " record" + (activeField == null ? "" : " with " + activeField + " ticked");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZohoWorkers w && Objects.equals(module, w.module) && Objects.equals(emailField, w.emailField)
                && Objects.equals(activeField, w.activeField);
    }

    @Override
    public int hashCode() {
        return Objects.hash(module, emailField, activeField);
    }

    @Override
    public String toString() {
        return module == null ? "users"
                : module + "." + emailField + (activeField == null ? "" : " where " + activeField);
    }

    private static String apiName(String field, String value) {
        if (value == null || !API_NAME.matcher(value).matches()) {
            throw ValidationException.of(field, value, "must be a Zoho API name (a letter, then letters, digits or underscores)");
        }
        return value;
    }
}
