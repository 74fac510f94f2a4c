package com.roofworx.sdk.testkit.zoho;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator checks when a record of one module is written: mandatory fields (on insert), unique
 * fields, lookup fields (to another module's record id) and user lookup fields (to a user id). Changes take
 * effect on the next write. Thread safe.
 */
public final class ModuleRules {
    private final Set<String> mandatory = ConcurrentHashMap.newKeySet();
    private final Set<String> unique = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lookups = new ConcurrentHashMap<>();
    private final Set<String> userLookups = ConcurrentHashMap.newKeySet();

    /** Fields an inserted record must carry (not null, not blank); a miss answers MANDATORY_NOT_FOUND. */
    public ModuleRules mandatory(String... fields) {
        mandatory.addAll(Set.of(fields));
        return this;
    }

    /** Makes {@code fields} optional again (undoes {@link #mandatory}), as an admin fixing a layout would. */
    public ModuleRules optional(String... fields) {
        mandatory.removeAll(Set.of(fields));
        return this;
    }

    /** Fields whose value no two records may share; a clash answers DUPLICATE_DATA. */
    public ModuleRules unique(String... fields) {
        unique.addAll(Set.of(fields));
        return this;
    }

    /**
     * {@code field} holds the id of a record of {@code targetModule}; an unknown id answers INVALID_DATA. Replaces
     * a user lookup on the same field.
     */
    public ModuleRules lookup(String field, String targetModule) {
        userLookups.remove(field);
        lookups.put(field, targetModule);
        return this;
    }

    /** {@code field} holds a user id; an unknown user answers INVALID_DATA. Replaces a record lookup on the field. */
    public ModuleRules userLookup(String field) {
        lookups.remove(field);
        userLookups.add(field);
        return this;
    }

    Set<String> mandatoryFields() {
        return new LinkedHashSet<>(mandatory);
    }

    Set<String> uniqueFields() {
        return new LinkedHashSet<>(unique);
    }

    Map<String, String> lookupFields() {
        return new LinkedHashMap<>(lookups);
    }

    Set<String> userLookupFields() {
        return new LinkedHashSet<>(userLookups);
    }
}
