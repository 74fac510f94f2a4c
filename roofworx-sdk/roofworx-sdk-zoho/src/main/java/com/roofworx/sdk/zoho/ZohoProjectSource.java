package com.roofworx.sdk.zoho;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.zoho.internal.DealMapper;
import com.roofworx.sdk.zoho.internal.JsonReads;
import com.roofworx.sdk.zoho.internal.RecordPager;
import com.roofworx.sdk.zoho.internal.WorkerDirectory;
import jakarta.json.JsonObject;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Projects from Zoho CRM: each Deal is a project, active when its stage is one of the configured active
 * stages; who may book to which Deal comes from the junction module (a Deal lookup and a worker lookup), with
 * workers resolved to e-mail addresses through the worker directory: the Zoho user list, or the records of the
 * workers module (Contacts, a custom module) with their e-mail field ({@link ZohoConfig#workers()}).
 * <p>
 * {@link #loadAll()} reads every Deal, every junction record and the workers (page by page, past 2,000
 * records with page tokens). {@link #projectsFor} searches the junction module for the user and reads
 * only their Deals. Failure: any failed call is thrown as a {@link StoreUnavailableException} whose cause
 * is the {@link ZohoException}; no partial data is ever answered.
 */
public final class ZohoProjectSource implements ProjectSource {
    private static final String STORE = "project-source";

    private final ZohoConfig config;
    private final RecordPager pager;
    private final WorkerDirectory workers;
    private final DealMapper deals;

    ZohoProjectSource(ZohoConfig config, RecordPager pager, WorkerDirectory workers) {
        this.config = config;
        this.pager = pager;
        this.workers = workers;
        this.deals = new DealMapper(config);
    }

    /** Miss: a user who is no known worker (CRM user or workers-module record), or has no active Deals, gets an empty list. */
    @Override
    public List<Project> projectsFor(String user) {
        return guarded("projectsFor", () -> {
            List<String> workerIds = workers.idsFor(user);
            Set<String> dealIds = new LinkedHashSet<>();
            for (String workerId : workerIds) {
                String criteria = "(" + config.fields().assignmentWorker() + ":equals:" + workerId + ")";
                for (JsonObject assignment : pager.search(config.assignmentsModule(), criteria, assignmentFields())) {
                    String dealId = JsonReads.lookupId(assignment, config.fields().assignmentDeal());
                    // Zoho's "equals" may match like "contains": keep only exact matches of the worker id.
                    boolean mine = workerId.equals(JsonReads.lookupId(assignment, config.fields().assignmentWorker()));
                    if (dealId != null && mine) {
                        dealIds.add(dealId);
                    }
                }
            }
            if (dealIds.isEmpty()) {
                return List.of();
            }
            return pager.byIds(config.dealsModule(), deals.fields(), dealIds).stream()
                    .map(deals::toProject)
                    .filter(p -> p != null && p.active())
                    .sorted(Comparator.comparing(Project::name).thenComparing(Project::id))
                    .toList();
        });
    }

    @Override
    public ProjectSnapshot loadAll() {
        return guarded("loadAll", () -> {
            Map<String, String> emailById = workers.reloadAndGet();
            Map<String, Project> projects = new HashMap<>();
            for (JsonObject deal : pager.all(config.dealsModule(), deals.fields())) {
                Project project = deals.toProject(deal);
                if (project != null && project.active()) {
                    projects.put(project.id(), project);
                }
            }
            Map<String, Set<String>> allowed = new HashMap<>();
            for (JsonObject assignment : pager.all(config.assignmentsModule(), assignmentFields())) {
                String dealId = JsonReads.lookupId(assignment, config.fields().assignmentDeal());
                String workerId = JsonReads.lookupId(assignment, config.fields().assignmentWorker());
                // An assignment whose worker lookup is empty is skipped, not fatal to the whole reload.
                String email = workerId == null ? null : emailById.get(workerId);
                if (dealId != null && email != null && projects.containsKey(dealId)) {
                    allowed.computeIfAbsent(email, e -> new HashSet<>()).add(dealId);
                }
            }
            return new ProjectSnapshot(projects, allowed);
        });
    }

    /** Miss: empty when no Deal has this id. An inactive Deal is answered with {@code active() == false}. */
    @Override
    public Optional<Project> project(String projectId) {
        return guarded("project", () -> pager.byIds(config.dealsModule(), deals.fields(), List.of(projectId))
                .stream().map(deals::toProject).filter(p -> p != null && p.id().equals(projectId)).findFirst());
    }

    private String assignmentFields() {
        return config.fields().assignmentDeal() + "," + config.fields().assignmentWorker();
    }

    private static <T> T guarded(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (ZohoException e) {
            throw StoreUnavailableException.of(STORE, operation, e);
        }
    }
}
