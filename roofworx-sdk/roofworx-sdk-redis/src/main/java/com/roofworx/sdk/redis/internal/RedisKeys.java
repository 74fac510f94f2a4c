package com.roofworx.sdk.redis.internal;

import java.util.UUID;

/**
 * Every key the adapter writes (see docs/redis-keys.md). Per-user keys carry the user in a {@code {...}} hash
 * tag, so every atomic step on one user's data stays in one Redis Cluster slot; the global queue keys share
 * the {@code {q}} tag. The step methods return exactly the KEYS each script is called with.
 */
public final class RedisKeys {
    /** Suffixes of the per-user keys; entry keys end in a 22-character id instead, so they cannot clash. */
    private static final String BY_DATE = "d";
    private static final String QUEUE = "q";
    private static final String LEASES = "l";
    private static final String PROJECTS = "p";

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /**
     * A hash tag must not contain braces (the first closing brace would end it), so they are percent-escaped;
     * the escaping is injective, so two users never share keys.
     */
    static String tag(String value) {
        return value.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
    }

    /** The common start of every key of {@code user}; scripts append an entry id to it. */
    public String userBase(String user) {
        return prefix + "{" + tag(user) + "}:";
    }

    public String entry(String user, UUID id) {
        return userBase(user) + Ids.encode(id);
    }

    public String byDate(String user) {
        return userBase(user) + BY_DATE;
    }

    public String queue(String user) {
        return userBase(user) + QUEUE;
    }

    public String leases(String user) {
        return userBase(user) + LEASES;
    }

    public String projects(String user) {
        return userBase(user) + PROJECTS;
    }

    /** Users with queued work, scored by their earliest due time (a hint; see docs/redis-design.md). */
    public String due() {
        return prefix + "{q}:due";
    }

    /** Per-user change counters guarding updates of {@link #due()}. */
    public String dueVersions() {
        return prefix + "{q}:ver";
    }

    /** Blocked entries of every user, scored by created-at. */
    public String blocked() {
        return prefix + "{q}:blocked";
    }

    /**
     * Owner of each listed blocked entry: {@code <id>} to owner, so an entry is found by id alone in one
     * {@code HGET} (the zset's members start with the id but cannot be looked up by it).
     */
    public String blockedOwners() {
        return prefix + "{q}:bo";
    }

    /** The destination pauses every instance shares: destination name to the encoded pause. */
    public String pauses() {
        return prefix + "{q}:pause";
    }

    /** Users whose cached project list holds {@code projectId} (the reverse index of the project cache). */
    public String projectUsers(String projectId) {
        return prefix + "pu:{" + tag(projectId) + "}";
    }

    /** Users that have a cached project list, so a full replace can drop the ones a snapshot no longer names. */
    public String reloadTurn() {
        return prefix + "pc:reload";
    }

    public String cachedUsers() {
        return prefix + "pc:users";
    }

    public String token(String key) {
        return prefix + "tok:{" + tag(key) + "}";
    }

    public String tokenLock(String key) {
        return prefix + "tok:{" + tag(key) + "}:lock";
    }

    /** KEYS of the entry scripts (insert, complete, requeue, range). */
    public String[] entryStep(String user, UUID id) {
        return new String[]{entry(user, id), byDate(user), queue(user), leases(user)};
    }

    /**
     * KEYS of the insert script on a single-node Redis: the entry step plus the global due keys, which are in
     * another slot. Never used on Redis Cluster.
     */
    public String[] insertStepSingleNode(String user, UUID id) {
        return new String[]{entry(user, id), byDate(user), queue(user), leases(user), due(), dueVersions()};
    }

    /** KEYS of the range script (index read plus entry fetch). */
    public String[] rangeStep(String user) {
        return new String[]{byDate(user)};
    }

    /** KEYS of the per-user queue scripts (claim, release). */
    public String[] queueStep(String user) {
        return new String[]{queue(user), leases(user)};
    }

    /** KEYS of the global queue scripts (pick, settle, touch). */
    public String[] globalStep() {
        return new String[]{due(), dueVersions(), blocked()};
    }

    /** KEYS of the blocked-list scripts (block, unblock, scan). */
    public String[] blockedStep() {
        return new String[]{blocked(), blockedOwners()};
    }

    /** Calls made to {@code destination} on the UTC day {@code day} (yyyy-mm-dd), by all instances. */
    public String calls(String destination, String day) {
        return prefix + "{q}:calls:" + destination + ":" + day;
    }

    /** KEYS of the pause scripts (probe). */
    public String[] pauseStep() {
        return new String[]{pauses()};
    }
}
