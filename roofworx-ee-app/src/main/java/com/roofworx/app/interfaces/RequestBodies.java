package com.roofworx.app.interfaces;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The request bodies as the OpenAPI document shows them. Documentation only: no request is ever bound to these
 * records, the resources read their bodies with the strict parsers ({@link EntryRequest}, {@link ZohoNotification})
 * so that an unknown member or a wrong JSON type is a 400 naming the member rather than a silent coercion.
 * {@code RoofworxApiIT} checks that each schema's properties are exactly the members its parser reads.
 */
final class RequestBodies {
    static final String ENTRY_EXAMPLE = "{\"id\": \"3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f\", \"projectId\": \"1001\", "
            + "\"workDate\": \"2025-06-02\", \"minutes\": 240, \"notes\": \"Tear-off, north slope\", "
            + "\"taskType\": \"Roofing\"}";
    static final String WEBHOOK_EXAMPLE = "{\"module\": \"Deals\", \"ids\": [\"1001\", \"1002\"]}";
    static final String FORM_EXAMPLE = "module=Deals&ids=1001,1002";
    static final String NOTIFICATION_EXAMPLE = "{\"module\": \"Deals\", \"ids\": [\"1001\"], "
            + "\"token\": \"the-channel-token\"}";

    private RequestBodies() {
    }

    @Schema(name = "TimeEntryRequest", additionalProperties = Schema.False.class,
            description = "A new time entry. Members must have their JSON type (\"minutes\": \"60\" and 60.5 are "
                    + "refused, never coerced); unknown or repeated members are refused with a 400 naming the member.")
    public record TimeEntryBody(
            @Schema(format = "uuid", example = "3f2b8c4e-1d2a-4b6c-9e8f-0a1b2c3d4e5f", description = "The "
                    + "client's id for the entry, so a resend is recognised; the server makes one when absent")
            String id,
            @Schema(required = true, maxLength = 100, example = "1001",
                    description = "One of the caller's projects (GET /api/projects)")
            String projectId,
            @Schema(required = true, format = "date", example = "2025-06-02",
                    description = "The day worked: not after tomorrow, not before the backdating window")
            String workDate,
            @Schema(required = true, minimum = "1", maximum = "1440", example = "240",
                    description = "Minutes worked, a whole number")
            int minutes,
            @Schema(maxLength = 2000, example = "Tear-off, north slope") String notes,
            @Schema(maxLength = 100, example = "Roofing") String taskType) {
    }

    @Schema(name = "ZohoNotificationRequest", description = "A Zoho CRM change notification: a workflow webhook "
            + "(JSON or form-encoded, authenticated by the x-roofworx-secret header) or a Notifications API callback "
            + "(authenticated by its channel token). Other members are ignored. Naming no records, or another "
            + "module than the Deals module, reloads every project.")
    public record ZohoNotificationBody(
            @Schema(example = "1001", description = "One record id, or several separated by commas") String id,
            @Schema(type = SchemaType.ARRAY,
                    example = "[\"1001\", \"1002\"]", description = "Record ids: an array, or a comma-separated "
                    + "string") List<String> ids,
            @Schema(example = "1001", description = "Same as id") String projectId,
            @Schema(example = "Deals", description = "The module the ids belong to") String module,
            @Schema(example = "the-channel-token", description = "The Notifications API channel token") String token) {
    }
}
