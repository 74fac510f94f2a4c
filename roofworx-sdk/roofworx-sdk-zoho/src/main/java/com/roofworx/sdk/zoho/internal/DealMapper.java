package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoFields;
import jakarta.json.JsonObject;

/** Deal records to {@link Project}s: name, stage as status, active when the stage is an active stage. */
public final class DealMapper {
    private final ZohoConfig config;

    public DealMapper(ZohoConfig config) {
        this.config = config;
    }

    /** The {@code fields} parameter for reading Deals. */
    public String fields() {
        ZohoFields f = config.fields();
        return String.join(",", f.dealName(), f.dealStage(), f.dealAccount(), f.dealAddress());
    }

    /** The project, or null for a record without an id. */
    public Project toProject(JsonObject deal) {
        ZohoFields f = config.fields();
        String id = JsonReads.text(deal, "id", null);
        if (id == null || id.isBlank()) {
            return null;
        }
        String name = JsonReads.text(deal, f.dealName(), null);
        String stage = JsonReads.text(deal, f.dealStage(), "");
        return new Project(id, name == null || name.isBlank() ? "Deal " + id : name, stage,
                config.activeStages().contains(stage), JsonReads.text(deal, f.dealAccount(), ""),
                JsonReads.text(deal, f.dealAddress(), ""));
    }
}
