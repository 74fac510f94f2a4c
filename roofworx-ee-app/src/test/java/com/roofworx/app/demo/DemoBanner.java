package com.roofworx.app.demo;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.DevTokens;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Prints what a newcomer needs: who the demo users are, their tokens, and curl lines to paste. */
final class DemoBanner {
    private DemoBanner() {
    }

    static void print(Api api, URI base, DevTokens tokens, Duration lifetime, String coldStore, String issuer) {
        String ana = tokens.token(Api.ANA, lifetime, "worker");
        String ben = tokens.token(Api.BEN, lifetime, "worker");
        String admin = tokens.token(Api.BOSS, lifetime, "admin");
        String maple = api.projectId(ana, "Maple St re-roof");
        String url = base.toString().replaceAll("/$", "");
        PrintStream out = System.out;
        String rule = "=".repeat(100);
        out.println(rule);
        out.println("Roofworx is running at " + url + " on Redis and PostgreSQL (loopback); Zoho CRM: "
                + ("zoho".equals(coldStore) ? "the simulator" : "the in-memory stand-in with the demo projects"));
        out.println();
        out.println("  Open " + url + "/ in a browser (a phone-sized window shows it as workers see it).");
        out.println("  Tap 'Sign in': the demo sign-in page (" + issuer + ") lists the demo users, no passwords:");
        for (DemoIdentityProvider.DemoUser u : DemoIdentityProvider.USERS) {
            out.println("    - " + u.name() + " <" + u.email() + "> (" + u.role() + ")");
        }
        out.println("  Workers enter hours; " + Api.BOSS + " also sees the Sync screen (blocked entries, replay).");
        out.println();
        out.println("Tokens below are valid for " + lifetime.toHours() + " h. Press Ctrl-C to stop everything.");
        out.println(rule);
        out.println("\n# Ana's projects:");
        out.println("curl -s -H 'Authorization: Bearer " + ana + "' " + url + "/api/projects");
        out.println("\n# Ana submits 90 minutes on Maple St (send it twice: the second answer is 200, not a copy):");
        out.println("curl -s -i -X POST -H 'Authorization: Bearer " + ana + "' -H 'Content-Type: application/json' "
                + "-d '{\"id\":\"" + UUID.randomUUID() + "\",\"projectId\":\"" + maple + "\",\"workDate\":\""
                + LocalDate.now(ZoneOffset.UTC) + "\",\"minutes\":90,\"notes\":\"tear-off, north side\"}' "
                + url + "/api/time-entries");
        out.println("\n# Ana's entries of the last 30 days:");
        out.println("curl -s -H 'Authorization: Bearer " + ana + "' " + url + "/api/time-entries");
        out.println("\n# Ben's projects (Ben cannot see or book Ana's school job):");
        out.println("curl -s -H 'Authorization: Bearer " + ben + "' " + url + "/api/projects");
        out.println("\n# Run the entry sync now, as a scheduler would (cron secret):");
        out.println("curl -s -X POST -H 'Authorization: Bearer " + AppSettingsFor.CRON_SECRET + "' " + url
                + "/api/cron/sync-entries");
        out.println("\n# The sync state, as an admin:");
        out.println("curl -s -H 'Authorization: Bearer " + admin + "' " + url + "/api/admin/sync");
        out.println("\n# Operations: readiness, metrics, the OpenAPI document:");
        out.println("curl -s " + url + "/health/ready");
        out.println("curl -s " + url + "/api/metrics");
        out.println("curl -s " + url + "/openapi");
        out.println("\n# Tokens, to use with other tools:");
        out.println("export ANA_TOKEN='" + ana + "'");
        out.println("export BEN_TOKEN='" + ben + "'");
        out.println("export ADMIN_TOKEN='" + admin + "'");
        out.println(rule);
        out.flush();
    }
}
