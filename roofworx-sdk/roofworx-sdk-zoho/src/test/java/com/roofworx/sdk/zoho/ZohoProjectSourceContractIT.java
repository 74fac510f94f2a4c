package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.testkit.contract.ProjectSourceContract;
import org.junit.jupiter.api.AfterEach;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The ProjectSource contract against the Zoho adapter over the simulator seeded with the kit's snapshot. */
class ZohoProjectSourceContractIT extends ProjectSourceContract {
    private ZohoFixture zoho;

    @Override
    protected ProjectSource newSource(ProjectSnapshot seed) {
        zoho = new ZohoFixture();
        for (Project p : seed.projects().values()) {
            zoho.simulator.addDeal(p.id(), p.name(), p.status(), p.account(), p.address());
        }
        Map<String, String> userIds = new HashMap<>();
        seed.allowedByUser().keySet().forEach(email ->
                userIds.put(email, zoho.simulator.addUser(email, email.substring(0, email.indexOf('@'))).id()));
        seed.allowedByUser().forEach((email, ids) -> ids.forEach(id -> zoho.simulator.assign(id, userIds.get(email))));
        // The kit marks its active projects with the status "Active".
        return zoho.connect(b -> b.activeStages(Set.of("Active"))).projectSource();
    }

    @AfterEach
    void stop() {
        zoho.close();
    }
}
