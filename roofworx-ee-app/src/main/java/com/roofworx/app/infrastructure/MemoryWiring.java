package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.StoreProbe.Result;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.Project;

import java.util.Locale;

/**
 * The SDK's in-memory adapters, one JVM only: for trying the app without Redis, PostgreSQL or Zoho. Entries
 * live as long as the process; nothing is shared between instances. Projects come from two settings:
 * {@code roofworx.memory.projects} ("id|name|account|address;...") and {@code roofworx.memory.assignments}
 * ("email=id,id;email=id").
 */
final class MemoryWiring {
    static final String PROJECTS = "roofworx.memory.projects";
    static final String ASSIGNMENTS = "roofworx.memory.assignments";

    private MemoryWiring() {
    }

    static void hot(Adapters a) {
        a.hotStore = new InMemoryHotEntryStore();
        a.projectCache = new InMemoryProjectCache();
        a.probes.add(StoreProbe.fixed("redis", Result.up("not used: in-memory hot store")));
    }

    static void warm(Adapters a) {
        a.warmStore = new InMemoryWarmEntryStore();
        a.probes.add(StoreProbe.fixed("postgresql", Result.up("not used: in-memory warm store")));
    }

    static void cold(Adapters a, Settings settings) {
        a.coldSink = new InMemoryColdEntrySink();
        a.projectSource = projects(settings);
        a.probes.add(StoreProbe.fixed("zoho", Result.up("not used: in-memory project source and cold sink")));
    }

    static InMemoryProjectSource projects(Settings settings) {
        InMemoryProjectSource source = new InMemoryProjectSource();
        for (String item : split(settings.text(PROJECTS, ""), ";")) {
            String[] p = item.split("\\|", -1);
            if (p.length < 2) {
                throw new IllegalStateException(PROJECTS + " items must be id|name[|account|address] but was " + item);
            }
            source.put(new Project(p[0].trim(), p[1].trim(), "Active", true, p.length > 2 ? p[2].trim() : "",
                    p.length > 3 ? p[3].trim() : ""));
        }
        for (String item : split(settings.text(ASSIGNMENTS, ""), ";")) {
            String[] p = item.split("=", 2);
            if (p.length < 2) {
                throw new IllegalStateException(ASSIGNMENTS + " items must be email=id,id but was " + item);
            }
            for (String id : split(p[1], ",")) {
                source.assign(p[0].trim().toLowerCase(Locale.ROOT), id);
            }
        }
        return source;
    }

    private static java.util.List<String> split(String text, String separator) {
        return java.util.Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
