package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ProjectSource} must do. Extend it and build your source over the given seed: two
 * active projects, one inactive, and two workers.
 */
public abstract class ProjectSourceContract {
    protected static final String ANNA = "anna@example.com";
    protected static final String BEN = "ben@example.com";
    protected static final Project MAPLE = new Project("1001", "Maple St re-roof", "Active", true,
            "Maple Holdings", "12 Maple St, Springfield");
    protected static final Project HARBOR = new Project("1002", "Harbor warehouse", "Active", true,
            "Harbor Logistics", "4 Quay Rd, Springfield");
    protected static final Project CLOSED = new Project("1003", "Old school gutters", "Closed Won", false,
            "School District 9", "1 School Ln, Springfield");

    protected ProjectSource source;

    /** A source serving exactly {@code seed}: its projects (active or not) and its assignments. */
    protected abstract ProjectSource newSource(ProjectSnapshot seed);

    /** The seed every test starts from. */
    protected static ProjectSnapshot seed() {
        return new ProjectSnapshot(
                Map.of(MAPLE.id(), MAPLE, HARBOR.id(), HARBOR, CLOSED.id(), CLOSED),
                Map.of(ANNA, Set.of(MAPLE.id(), CLOSED.id()), BEN, Set.of(HARBOR.id())));
    }

    @BeforeEach
    void createSource() {
        source = newSource(seed());
    }

    @Nested
    @DisplayName("projectsFor(user)")
    class ProjectsFor {
        @Test
        @DisplayName("answers the user's active projects with their details")
        void activeOnly() {
            assertThat(source.projectsFor(ANNA)).containsExactly(MAPLE);
            assertThat(source.projectsFor(BEN)).containsExactly(HARBOR);
        }

        @Test
        @DisplayName("answers an empty list for an unknown user")
        void unknownUser() {
            assertThat(source.projectsFor("nobody@example.com")).isEmpty();
        }
    }

    @Nested
    @DisplayName("loadAll()")
    class LoadAll {
        @Test
        @DisplayName("answers every active project and each user's allowed active projects")
        void everything() {
            ProjectSnapshot snapshot = source.loadAll();
            assertThat(snapshot.projects()).containsKeys(MAPLE.id(), HARBOR.id()).doesNotContainKey(CLOSED.id());
            assertThat(snapshot.projects().get(MAPLE.id())).isEqualTo(MAPLE);
            assertThat(snapshot.projectsFor(ANNA)).containsExactly(MAPLE);
            assertThat(snapshot.projectsFor(BEN)).containsExactly(HARBOR);
        }
    }

    @Nested
    @DisplayName("project(id)")
    class OneProject {
        @Test
        @DisplayName("answers a project whatever its status, so a caller can see it closed")
        void anyStatus() {
            assertThat(source.project(CLOSED.id())).contains(CLOSED);
            assertThat(source.project(MAPLE.id())).contains(MAPLE);
        }

        @Test
        @DisplayName("answers empty for an id the source does not have")
        void miss() {
            assertThat(source.project("999999")).isEmpty();
        }
    }
}
