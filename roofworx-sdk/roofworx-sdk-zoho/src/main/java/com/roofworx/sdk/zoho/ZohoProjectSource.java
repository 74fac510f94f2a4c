package com.roofworx.sdk.zoho;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.zoho.internal.DealMapper;
import com.roofworx.sdk.zoho.internal.JsonReads;
import com.roofworx.sdk.zoho.internal.RecordPager;
import com.roofworx.sdk.zoho.internal.UserDirectory;
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
 * stages; who may book to which Deal comes from the junction module (a Deal lookup and a user lookup), with
 * users resolved to e-mail addresses through the Zoho user list.
 * <p>
 * {@link #loadAll()} reads every Deal, every junction record and the users (page by page, past 2,000
 * records with page tokens). {@link #projectsFor} searches the junction module for the user and reads
 * only their Deals. Failure: any failed call is thrown as a {@link StoreUnavailableException} whose cause
 * is the {@link ZohoException}; no partial data is ever answered.
 */
public final class ZohoProjectSource implements ProjectSource {
    private static final String STORE = "project-source";

    private final ZohoConfig config;
    private final RecordPager pager;
    private final UserDirectory users;
    private final DealMapper deals;

    ZohoProjectSource(ZohoConfig config, RecordPager pager, UserDirectory users) {
        this.config = config;
        this.pager = pager;
        this.users = users;
        this.deals = new DealMapper(config);
    }

    /** Miss: a user who is not an active Zoho user, or has no active Deals, gets an empty list. */
    @Override
    public List<Project> projectsFor(String user) {
        return guarded("projectsFor", () -> {
            Optional<String> userId = users.idFor(user);
            if (userId.isEmpty()) {
                return List.of();
            }
            String criteria = "(" + config.fields().assignmentWorker() + ":equals:" + userId.get() + ")";
            Set<String> dealIds = new LinkedHashSet<>();
            for (JsonObject assignment : pager.search(config.assignmentsModule(), criteria, assignmentFields())) {
                String dealId = JsonReads.lookupId(assignment, config.fields().assignmentDeal());
                // Zoho's "equals" may match like "contains": keep only exact matches of the user id.
                boolean mine = userId.get().equals(JsonReads.lookupId(assignment, config.fields().assignmentWorker()));
                if (dealId != null && mine) {
                    dealIds.add(dealId);
                }
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
            Map<String, String> emailById = users.reloadAndGet();
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
