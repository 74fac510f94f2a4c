package com.roofworx.sdk.internal;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This instance's memory of each user's project list and when it was known to be current: what answers when
 * the shared cache cannot be reached (so a Redis outage does not turn every submit into a CRM call) and, within
 * the stale-if-error window, when the project source is down too. Bounded: when full it forgets everything,
 * like {@link PermissionNearCache}, rather than track recency on the hot path.
 */
final class KnownProjects {
    static final int MAX_USERS = 100_000;
    /** A cache hit renews a user's entry at most this often, so hits do not write the map every time. */
    private static final Duration RENEW_EVERY = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Known> byUser = new ConcurrentHashMap<>();
    private final Clock clock;

    KnownProjects(Clock clock) {
        this.clock = clock;
    }

    void remember(String user, List<Project> projects) {
        Instant now = clock.now();
        Known held = byUser.get(user);
        if (held != null && held.projects.equals(projects) && held.seenAt.plus(RENEW_EVERY).isAfter(now)) {
            return;
        }
        if (byUser.size() >= MAX_USERS) {
            byUser.clear();
        }
        byUser.put(user, new Known(List.copyOf(projects), now));
    }

    void rememberAll(ProjectSnapshot snapshot) {
        byUser.clear();
        Instant now = clock.now();
        snapshot.allowedByUser().keySet().stream().limit(MAX_USERS)
                .forEach(user -> byUser.put(user, new Known(snapshot.projectsFor(user), now)));
    }

    /** The user's list if it was current no longer than {@code maxAge} ago. */
    Optional<List<Project>> get(String user, Duration maxAge) {
        Known held = byUser.get(user);
        if (held == null || held.seenAt.plus(maxAge).isBefore(clock.now())) {
            return Optional.empty();
        }
        return Optional.of(held.projects);
    }

    void forget(String user) {
        byUser.remove(user);
    }

    private record Known(List<Project> projects, Instant seenAt) {
    }
}
