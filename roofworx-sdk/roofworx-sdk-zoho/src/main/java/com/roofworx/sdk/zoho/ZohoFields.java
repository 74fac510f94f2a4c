package com.roofworx.sdk.zoho;

import com.roofworx.sdk.ValidationException;

import java.util.regex.Pattern;

/**
 * The field API names the adapter reads and writes: on Deals, on the user-to-project junction module, and
 * on the deployer's {@code Time_Entries} module. Immutable; {@link #defaults()} matches the setup described
 * in {@code docs/zoho.md}. Every name must be a Zoho API name (letters, digits, underscores, starting with a
 * letter); only {@link Builder#entryTaskType} may be null (then the task type is not written).
 */
public final class ZohoFields {
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    private final String dealName;
    private final String dealStage;
    private final String dealAccount;
    private final String dealAddress;
    private final String assignmentDeal;
    private final String assignmentWorker;
    private final String entryExternalId;
    private final String entryName;
    private final String entryDeal;
    private final String entryWorker;
    private final String entryWorkDate;
    private final String entryHours;
    private final String entryNotes;
    private final String entryTaskType;
    private final String entryVersion;
    private final String entryStatus;
    private final String activeStatus;
    private final String voidedStatus;

    private ZohoFields(Builder b) {
        dealName = b.dealName;
        dealStage = b.dealStage;
        dealAccount = b.dealAccount;
        dealAddress = b.dealAddress;
        assignmentDeal = b.assignmentDeal;
        assignmentWorker = b.assignmentWorker;
        entryExternalId = b.entryExternalId;
        entryName = b.entryName;
        entryDeal = b.entryDeal;
        entryWorker = b.entryWorker;
        entryWorkDate = b.entryWorkDate;
        entryHours = b.entryHours;
        entryNotes = b.entryNotes;
        entryTaskType = b.entryTaskType;
        entryVersion = b.entryVersion;
        entryStatus = b.entryStatus;
        activeStatus = b.activeStatus;
        voidedStatus = b.voidedStatus;
    }

    /**
     * Shortcut for {@code builder().build()}: the field names docs/zoho.md lists.
     *
     * @return the default field names, never null
     */
    public static ZohoFields defaults() {
        return builder().build();
    }

    /**
     * A builder holding the default field names.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().dealName(dealName).dealStage(dealStage).dealAccount(dealAccount)
                .dealAddress(dealAddress).assignmentDeal(assignmentDeal).assignmentWorker(assignmentWorker)
                .entryExternalId(entryExternalId).entryName(entryName).entryDeal(entryDeal)
                .entryWorker(entryWorker).entryWorkDate(entryWorkDate).entryHours(entryHours)
                .entryNotes(entryNotes).entryTaskType(entryTaskType).entryVersion(entryVersion)
                .entryStatus(entryStatus).activeStatus(activeStatus).voidedStatus(voidedStatus);
    }

    public String dealName() { return dealName; }
    public String dealStage() { return dealStage; }
    public String dealAccount() { return dealAccount; }
    public String dealAddress() { return dealAddress; }
    public String assignmentDeal() { return assignmentDeal; }
    public String assignmentWorker() { return assignmentWorker; }
    public String entryExternalId() { return entryExternalId; }
    public String entryName() { return entryName; }
    public String entryDeal() { return entryDeal; }
    public String entryWorker() { return entryWorker; }
    public String entryWorkDate() { return entryWorkDate; }
    public String entryHours() { return entryHours; }
    public String entryNotes() { return entryNotes; }
    /** May be null: the task type is then not written. */
    public String entryTaskType() { return entryTaskType; }
    /** The entry version field, or null when not written. */
    public String entryVersion() { return entryVersion; }
    /** The status (voided or in force) field, or null when not written. */
    public String entryStatus() { return entryStatus; }
    public String activeStatus() { return activeStatus; }
    public String voidedStatus() { return voidedStatus; }

    @Override
    public String toString() {
        return "ZohoFields[deal=" + dealName + "/" + dealStage + "/" + dealAccount + "/" + dealAddress
                + ", assignment=" + assignmentDeal + "/" + assignmentWorker
                + ", entry=" + entryExternalId + "/" + entryName + "/" + entryDeal + "/" + entryWorker + "/"
                + entryWorkDate + "/" + entryHours + "/" + entryNotes + "/" + entryTaskType + "/" + entryVersion + "/"
                + entryStatus + "(" + activeStatus + "|" + voidedStatus + ")]";
    }

    /** Builds {@link ZohoFields}; each setter checks its name at once. */
    public static final class Builder {
        private String dealName = "Deal_Name";
        private String dealStage = "Stage";
        private String dealAccount = "Account_Name";
        private String dealAddress = "Site_Address";
        private String assignmentDeal = "Deal";
        private String assignmentWorker = "Worker";
        private String entryExternalId = "Entry_UUID";
        private String entryName = "Name";
        private String entryDeal = "Deal";
        private String entryWorker = "Worker";
        private String entryWorkDate = "Work_Date";
        private String entryHours = "Hours";
        private String entryNotes = "Notes";
        private String entryTaskType = "Task_Type";
        private String entryVersion = "Entry_Version";
        private String entryStatus = "Entry_Status";
        private String activeStatus = "Active";
        private String voidedStatus = "Voided";

        private Builder() {
        }

        /** Deals: the Deal's name (default {@code Deal_Name}). */
        public Builder dealName(String v) { dealName = apiName("fields.dealName", v); return this; }
        /** Deals: the stage that decides whether a Deal is active (default {@code Stage}). */
        public Builder dealStage(String v) { dealStage = apiName("fields.dealStage", v); return this; }
        /** Deals: the Account lookup (default {@code Account_Name}). */
        public Builder dealAccount(String v) { dealAccount = apiName("fields.dealAccount", v); return this; }
        /** Deals: a text field with the site address (default {@code Site_Address}, a custom field). */
        public Builder dealAddress(String v) { dealAddress = apiName("fields.dealAddress", v); return this; }
        /** Junction module: the Deal lookup (default {@code Deal}). */
        public Builder assignmentDeal(String v) { assignmentDeal = apiName("fields.assignmentDeal", v); return this; }
        /** Junction module: the worker lookup, to a user or a workers-module record (default {@code Worker}). */
        public Builder assignmentWorker(String v) { assignmentWorker = apiName("fields.assignmentWorker", v); return this; }
        /** Time_Entries: the unique field holding the entry UUID (default {@code Entry_UUID}). */
        public Builder entryExternalId(String v) { entryExternalId = apiName("fields.entryExternalId", v); return this; }
        /** Time_Entries: the record name (default {@code Name}). */
        public Builder entryName(String v) { entryName = apiName("fields.entryName", v); return this; }
        /** Time_Entries: the Deal lookup (default {@code Deal}). */
        public Builder entryDeal(String v) { entryDeal = apiName("fields.entryDeal", v); return this; }
        /** Time_Entries: the worker lookup, to the same kind of record as the junction's (default {@code Worker}). */
        public Builder entryWorker(String v) { entryWorker = apiName("fields.entryWorker", v); return this; }
        /** Time_Entries: the date field (default {@code Work_Date}). */
        public Builder entryWorkDate(String v) { entryWorkDate = apiName("fields.entryWorkDate", v); return this; }
        /** Time_Entries: the decimal hours field (default {@code Hours}). */
        public Builder entryHours(String v) { entryHours = apiName("fields.entryHours", v); return this; }
        /** Time_Entries: the multi-line notes field (default {@code Notes}). */
        public Builder entryNotes(String v) { entryNotes = apiName("fields.entryNotes", v); return this; }
        /** Time_Entries: the task type field (default {@code Task_Type}); null to not write it. */
        public Builder entryTaskType(String v) {
            entryTaskType = v == null ? null : apiName("fields.entryTaskType", v);
            return this;
        }

        /** Time_Entries: a number field with the entry's version (default {@code Entry_Version}); null to not write it. */
        public Builder entryVersion(String v) {
            entryVersion = v == null ? null : apiName("fields.entryVersion", v);
            return this;
        }

        /**
         * Time_Entries: the pick list telling whether the worker voided the entry (default {@code Entry_Status});
         * null to not write it (voids then never reach the CRM). A void keeps the record, marked: the CRM is the
         * compliance copy, so nothing is deleted there.
         */
        public Builder entryStatus(String v) {
            entryStatus = v == null ? null : apiName("fields.entryStatus", v);
            return this;
        }

        /** The {@link #entryStatus} value of an entry in force (default {@code Active}). */
        public Builder activeStatus(String v) {
            activeStatus = statusValue("fields.activeStatus", v);
            return this;
        }

        /** The {@link #entryStatus} value of a voided entry (default {@code Voided}). */
        public Builder voidedStatus(String v) {
            voidedStatus = statusValue("fields.voidedStatus", v);
            return this;
        }

        private static String statusValue(String field, String value) {
            if (value == null || value.isBlank() || value.length() > 100) {
                throw ValidationException.of(field, value, "must be a pick list value of 1 to 100 characters");
            }
            return value;
        }

        public ZohoFields build() {
            return new ZohoFields(this);
        }

        private static String apiName(String field, String value) {
            if (value == null || !API_NAME.matcher(value).matches()) {
                throw ValidationException.of(field, value,
                        "must be a Zoho API name (a letter, then letters, digits or underscores)");
            }
            return value;
        }
    }
}
