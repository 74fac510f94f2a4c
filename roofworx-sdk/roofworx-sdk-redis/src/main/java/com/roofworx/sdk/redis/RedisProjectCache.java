package com.roofworx.sdk.redis;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.redis.internal.FieldCodec;
import com.roofworx.sdk.redis.internal.ProjectCodec;
import com.roofworx.sdk.redis.internal.ProjectScripts;
import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.redis.internal.RedisOps;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ProjectCache;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ProjectCache} on Redis. Each user's list is denormalized into one hash (project id to compact
 * project details, plus a marker field), so a read is one HGETALL. Lists are swapped in whole by one script.
 * <p>
 * Time: the marker holds the instant the list stops being fresh, by the {@link Clock} given here, so a test
 * clock governs freshness as the wall clock does; the key's physical TTL is the keep time, set relative to
 * that clock ({@code PEXPIRE}). {@link #projectsFor} answers a list until its fresh time, {@link #lastKnown}
 * until its keep time (also checked by the clock, so a read never depends on Redis having expired it yet).
 * A per-project set of the users holding it lets {@link #updateProject} refresh every copy; it may name users
 * whose list no longer holds the project (those are skipped and dropped from the set).
 * <p>
 * Failure: Redis errors and timeouts are thrown as {@link com.roofworx.sdk.StoreUnavailableException}.
 */
public final class RedisProjectCache implements ProjectCache {
    private static final String STORE = "project-cache";
    /**
     * A field no project id can be (ids are never blank); present in every cached list, even an empty one. Its
     * value is {@code freshUntil | keptUntil | count} (FieldCodec instants). A marker without the two times
     * (written before lists went stale separately) reads as stale: it still answers {@link #lastKnown}.
     */
    private static final String MARKER = "";

    private final RedisOps ops;
    private final RedisKeys keys;
    private final Clock clock;

    RedisProjectCache(RedisOps ops, RedisAdapterConfig config, Clock clock) {
        this.ops = ops.forStore(STORE);
        this.keys = new RedisKeys(config.keyPrefix());
        this.clock = clock;
    }

    @Override
    public Optional<List<Project>> projectsFor(String user) {
        return read(user, true, "projectsFor");
    }

    @Override
    public Optional<List<Project>> lastKnown(String user) {
        return read(user, false, "lastKnown");
    }

    private Optional<List<Project>> read(String user, boolean freshOnly, String operation) {
        Map<String, String> hash = ops.await(ops.commands().hgetall(keys.projects(user)), operation);
        if (hash == null || !hash.containsKey(MARKER) || !current(hash.get(MARKER), freshOnly)) {
            return Optional.empty();
        }
        List<ProjectCodec.Ordered> ordered = new ArrayList<>(hash.size() - 1);
        hash.forEach((id, value) -> {
            if (!MARKER.equals(id)) {
                ordered.add(ProjectCodec.decode(id, value));
            }
        });
        ordered.sort(Comparator.comparingInt(ProjectCodec.Ordered::ordinal));
        return Optional.of(ordered.stream().map(ProjectCodec.Ordered::project).toList());
    }

    /** Whether the marker's fresh time (or, for a stale-if-error read, its keep time) is still ahead. */
    private boolean current(String marker, boolean freshOnly) {
        FieldCodec.Reader in = new FieldCodec.Reader(marker);
        if (in.size() < 3) {
            return !freshOnly;
        }
        Instant freshUntil = in.instant();
        Instant keptUntil = in.instant();
        return (freshOnly ? freshUntil : keptUntil).isAfter(clock.now());
    }

    @Override
    public void putUser(String user, List<Project> projects, Duration freshFor, Duration keepFor) {
        Lifetime lifetime = lifetime(freshFor, keepFor);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        write(user, projects, lifetime, writes);
        writes.forEach(write -> ops.await(write, "putUser"));
    }

    @Override
    public void replaceAll(ProjectSnapshot snapshot, Duration freshFor, Duration keepFor) {
        Lifetime lifetime = lifetime(freshFor, keepFor);
        Set<String> users = snapshot.allowedByUser().keySet();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (String user : users) {
            write(user, snapshot.projectsFor(user), lifetime, writes);
        }
        Set<String> dropped = new HashSet<>(ops.await(ops.commands().smembers(keys.cachedUsers()), "replaceAll"));
        dropped.removeAll(users);
        for (String user : dropped) {
            writes.add(ops.commands().del(keys.projects(user)).toCompletableFuture());
        }
        if (!dropped.isEmpty()) {
            writes.add(ops.commands().srem(keys.cachedUsers(), dropped.toArray(String[]::new)).toCompletableFuture());
        }
        writes.forEach(write -> ops.await(write, "replaceAll"));
    }

    @Override
    public void updateProject(Project project) {
        Set<String> holders = ops.await(ops.commands().smembers(keys.projectUsers(project.id())), "updateProject");
        String details = ProjectCodec.details(project);
        List<String> users = new ArrayList<>(holders);
        List<CompletableFuture<Long>> updates = new ArrayList<>(users.size());
        for (String user : users) {
            updates.add(ops.eval(ProjectScripts.UPDATE_PROJECT, ScriptOutputType.INTEGER,
                    new String[]{keys.projects(user)}, project.id(), details));
        }
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            if (ops.await(updates.get(i), "updateProject") == 0L) {
                stale.add(users.get(i));
            }
        }
        if (!stale.isEmpty()) {
            ops.await(ops.commands().srem(keys.projectUsers(project.id()), stale.toArray(String[]::new)),
                    "updateProject");
        }
    }

    @Override
    public boolean tryStartFullReload(Instant now, Duration minInterval) {
        Long taken = ops.await(ops.<Long>eval(ProjectScripts.TAKE_RELOAD_TURN, ScriptOutputType.INTEGER,
                new String[]{keys.reloadTurn()}, Long.toString(now.toEpochMilli()),
                Long.toString(minInterval.toMillis())), "tryStartFullReload");
        return taken == 1L;
    }

    @Override
    public void evictUser(String user) {
        CompletableFuture<Long> deleted = ops.commands().del(keys.projects(user)).toCompletableFuture();
        CompletableFuture<Long> forgotten = ops.commands().srem(keys.cachedUsers(), user).toCompletableFuture();
        ops.await(deleted, "evictUser");
        ops.await(forgotten, "evictUser");
    }

    /** Queues (pipelined) the list swap, the reverse-index additions and the registry entry of one user. */
    private void write(String user, List<Project> projects, Lifetime lifetime, List<CompletableFuture<?>> into) {
        long ttlMs = lifetime.keepMs;
        List<String> args = new ArrayList<>(3 + projects.size() * 2);
        args.add(Long.toString(ttlMs));
        args.add(MARKER);
        args.add(new FieldCodec.Writer().instant(lifetime.freshUntil).instant(lifetime.keptUntil)
                .number(projects.size()).toString());
        for (int i = 0; i < projects.size(); i++) {
            args.add(projects.get(i).id());
            args.add(ProjectCodec.encode(i, projects.get(i)));
        }
        into.add(ops.eval(ProjectScripts.PUT_LIST, ScriptOutputType.INTEGER, new String[]{keys.projects(user)},
                args.toArray(String[]::new)));
        String ttlArg = Long.toString(ttlMs);
        for (Project project : projects) {
            into.add(ops.eval(ProjectScripts.ADD_HOLDER, ScriptOutputType.INTEGER,
                    new String[]{keys.projectUsers(project.id())}, ttlArg, user));
        }
        into.add(ops.commands().sadd(keys.cachedUsers(), user).toCompletableFuture());
    }

    /** Keep time is at least the fresh time, as the SPI promises: a list is never fresh but gone. */
    private Lifetime lifetime(Duration freshFor, Duration keepFor) {
        long freshMs = positiveMillis("freshFor", freshFor);
        long keepMs = Math.max(freshMs, positiveMillis("keepFor", keepFor));
        Instant now = clock.now();
        return new Lifetime(now.plusMillis(freshMs), now.plusMillis(keepMs), keepMs);
    }

    private static long positiveMillis(String field, Duration value) {
        if (value == null || value.toMillis() < 1) {
            throw ValidationException.of(field, value, "must be at least 1 ms");
        }
        return value.toMillis();
    }

    private record Lifetime(Instant freshUntil, Instant keptUntil, long keepMs) {
    }
}
