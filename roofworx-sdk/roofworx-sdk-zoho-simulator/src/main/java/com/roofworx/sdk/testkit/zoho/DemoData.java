package com.roofworx.sdk.testkit.zoho;

import java.util.List;

/**
 * A small roofing company: three workers, five Deals (three won and being worked on, one still in
 * negotiation, one lost) and their assignments. Stages follow Zoho's standard pipeline.
 */
public final class DemoData {
    public static final String ACTIVE_STAGE = "Closed Won";

    private DemoData() {
    }

    /** Seeds {@code simulator}; answers the seeded workers' e-mail addresses. */
    public static List<String> seed(ZohoCrmSimulator simulator) {
        SimulatedUser ana = simulator.addUser("ana.roofer@example.com", "Ana Roofer");
        SimulatedUser ben = simulator.addUser("ben.slater@example.com", "Ben Slater");
        SimulatedUser cho = simulator.addUser("cho.tiler@example.com", "Cho Tiler");
        String maple = simulator.addDeal("Maple St re-roof", ACTIVE_STAGE, "Hendricks Family",
                "12 Maple St, Springfield");
        String school = simulator.addDeal("Lincoln School gutters", ACTIVE_STAGE, "Springfield Schools",
                "400 Lincoln Ave, Springfield");
        String depot = simulator.addDeal("Depot flat roof", ACTIVE_STAGE, "Rail Depot LLC", "1 Station Rd, Shelbyville");
        String quote = simulator.addDeal("Oak Ave skylights", "Negotiation/Review", "Oak Ave HOA", "7 Oak Ave");
        String lost = simulator.addDeal("Elm St repair", "Closed Lost", "Elm St Bakery", "3 Elm St");
        simulator.assign(maple, ana.id());
        simulator.assign(school, ana.id());
        simulator.assign(maple, ben.id());
        simulator.assign(depot, ben.id());
        simulator.assign(depot, cho.id());
        simulator.assign(quote, cho.id());
        simulator.assign(lost, cho.id());
        return List.of(ana.email(), ben.email(), cho.email());
    }
}
