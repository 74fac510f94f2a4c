package com.roofworx.sdk;

import java.time.Duration;

import static com.roofworx.sdk.Checks.atLeast;
import static com.roofworx.sdk.Checks.notNegative;
import static com.roofworx.sdk.Checks.notNull;
import static com.roofworx.sdk.Checks.positive;

/**
 * Immutable settings of the SDK engine. Build with {@link #builder()}, start from {@link #ofDefaults()} or copy
 * with {@link #from(RoofworxConfig)}. Every setter checks its value at once; a refused value throws a
 * {@link ValidationException} naming the field and the value ("batchSize must be >= 1 but was 0").
 */
public final class RoofworxConfig {

    public static final Duration DEFAULT_PROJECT_CACHE_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_BACKDATING_WINDOW = Duration.ofDays(60);
    public static final Duration DEFAULT_HOT_WINDOW = Duration.ofDays(30);
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);
    public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
    public static final double DEFAULT_BACKOFF_JITTER = 0.5;
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(5);
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BATCHES_PER_RUN = 100;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final boolean DEFAULT_SYNC_AFTER_SUBMIT = true;
    public static final Duration DEFAULT_PERMISSION_CACHE_TTL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PROJECT_STALE_IF_ERROR = Duration.ofDays(7);
    public static final boolean DEFAULT_CHECK_ID_OWNER = true;
    public static final Duration DEFAULT_COLD_LINGER = Duration.ofSeconds(30);
    public static final int DEFAULT_COLD_DAILY_CALL_BUDGET = 0;
    public static final Duration DEFAULT_CORRECTION_WINDOW = Duration.ofDays(7);

    private final Duration projectCacheTtl;
    private final Duration backdatingWindow;
    private final Duration hotWindow;
    private final Duration backoffInitial;
    private final double backoffMultiplier;
    private final double backoffJitter;
    private final Duration backoffMax;
    private final int batchSize;
    private final Duration lease;
    private final Duration syncInterval;
    private final int maxBatchesPerRun;
    private final Duration shutdownTimeout;
    private final boolean syncAfterSubmit;
    private final Duration permissionCacheTtl;
    private final Duration projectStaleIfError;
    private final boolean checkIdOwner;
    private final Duration coldLinger;
    private final int coldDailyCallBudget;
    private final Duration correctionWindow;

    private RoofworxConfig(Builder b) {
        projectCacheTtl = b.projectCacheTtl;
        backdatingWindow = b.backdatingWindow;
        hotWindow = b.hotWindow;
        backoffInitial = b.backoffInitial;
        backoffMultiplier = b.backoffMultiplier;
        backoffJitter = b.backoffJitter;
        backoffMax = b.backoffMax;
        batchSize = b.batchSize;
        lease = b.lease;
        syncInterval = b.syncInterval;
        maxBatchesPerRun = b.maxBatchesPerRun;
        shutdownTimeout = b.shutdownTimeout;
        syncAfterSubmit = b.syncAfterSubmit;
        permissionCacheTtl = b.permissionCacheTtl;
        projectStaleIfError = b.projectStaleIfError;
        checkIdOwner = b.checkIdOwner;
        coldLinger = b.coldLinger;
        coldDailyCallBudget = b.coldDailyCallBudget;
        correctionWindow = b.correctionWindow;
    }

    /**
     * Shortcut for {@code builder().build()}.
     *
     * @return the default settings, never null
     */
    public static RoofworxConfig ofDefaults() {
        return builder().build();
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding {@code base}'s values, to change a few of them.
     *
     * @param base the settings to start from
     * @return a new builder, never null
     */
    public static Builder from(RoofworxConfig base) {
        return new Builder(base);
    }

    /** How long a user's cached project list lives. */
    public Duration projectCacheTtl() {
        return projectCacheTtl;
    }

    /** How far back a work date may lie. */
    /**
     * @return how long after its work date an entry may be corrected or voided (see
     *         {@link Builder#correctionWindow}), never null
     */
    public Duration correctionWindow() {
        return correctionWindow;
    }

    public Duration backdatingWindow() {
        return backdatingWindow;
    }

    /** How many days of work dates the hot tier answers for; older ranges are read from the warm store only. */
    public Duration hotWindow() {
        return hotWindow;
    }

    /** The first pause after a destination fails; each further failure multiplies it by {@link #backoffMultiplier()}. */
    public Duration backoffInitial() {
        return backoffInitial;
    }

    /** The factor between two consecutive pauses, up to {@link #backoffMax()}. */
    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    /** Randomisation factor of the backoff: 0.5 spreads each wait over 50 % to 150 % of its nominal value. */
    public double backoffJitter() {
        return backoffJitter;
    }

    /**
     * The longest wait between two attempts of one entry, and between two probes of a paused destination.
     * Failures of a destination that is down never block an entry: it is retried at least this often until
     * the destination is back.
     */
    public Duration backoffMax() {
        return backoffMax;
    }

    /** Entries claimed and written per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** How long a claimed batch stays reserved for its worker. Must comfortably exceed one batch's work. */
    public Duration lease() {
        return lease;
    }

    /** Period of the scheduled sync run. */
    public Duration syncInterval() {
        return syncInterval;
    }

    /** Upper bound on batches one sync run takes, so a run ends even under constant load. */
    public int maxBatchesPerRun() {
        return maxBatchesPerRun;
    }

    /** How long {@link Roofworx#close()} lets the sync batch in hand finish. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** Whether a submit starts a background sync of that user's queue. */
    public boolean syncAfterSubmit() {
        return syncAfterSubmit;
    }

    /**
     * How long one instance remembers a user's bookable project ids for the submit check, saving a cache
     * round trip per submit. Zero turns it off; a withdrawn assignment bites after at most this long.
     */
    public Duration permissionCacheTtl() {
        return permissionCacheTtl;
    }

    /**
     * How long after its last successful load a user's project list may still be answered while the project
     * source is down (stale-if-error), so a worker can go on booking to yesterday's projects during a CRM
     * outage. Zero turns it off.
     */
    public Duration projectStaleIfError() {
        return projectStaleIfError;
    }

    /**
     * Whether a submit asks the warm store who owns the entry's id and refuses an id another worker already
     * used (409), instead of accepting an entry that could never be synced. Costs one indexed read of the
     * warm store per new entry; skipped while the warm store is paused.
     */
    public boolean checkIdOwner() {
        return checkIdOwner;
    }

    /**
     * How long a cold write may wait so that one call carries many entries (Zoho CRM meters calls, and one
     * upsert takes 100 records). Entries are sent by the cold sweep, which all instances share, once they
     * have waited this long, in full batches where the backlog allows. Zero sends each hot batch's entries
     * to the cold sink at once (lowest lag, one call per batch).
     */
    public Duration coldLinger() {
        return coldLinger;
    }

    /**
     * The most cold calls all instances together make per UTC day; zero means no limit. When it is used up,
     * the cold sink is paused until the next UTC day: entries wait in the warm store, none is dropped.
     */
    public int coldDailyCallBudget() {
        return coldDailyCallBudget;
    }

    @Override
    public String toString() {
        return "RoofworxConfig{projectCacheTtl=" + projectCacheTtl + ", backdatingWindow=" + backdatingWindow
                + ", hotWindow=" + hotWindow + ", backoff=" + backoffInitial
                + " x" + backoffMultiplier + " ±" + backoffJitter + " max " + backoffMax + ", batchSize=" + batchSize
                + ", lease=" + lease + ", syncInterval=" + syncInterval + ", maxBatchesPerRun=" + maxBatchesPerRun
                + ", shutdownTimeout=" + shutdownTimeout + ", syncAfterSubmit=" + syncAfterSubmit
                + ", permissionCacheTtl=" + permissionCacheTtl + ", projectStaleIfError=" + projectStaleIfError
                + ", checkIdOwner=" + checkIdOwner + ", coldLinger=" + coldLinger
                + ", coldDailyCallBudget=" + coldDailyCallBudget + ", correctionWindow=" + correctionWindow + "}";
    }

    /** Builder of {@link RoofworxConfig}; not thread-safe. */
    public static final class Builder {
        private Duration projectCacheTtl = DEFAULT_PROJECT_CACHE_TTL;
        private Duration backdatingWindow = DEFAULT_BACKDATING_WINDOW;
        private Duration hotWindow = DEFAULT_HOT_WINDOW;
        private Duration backoffInitial = DEFAULT_BACKOFF_INITIAL;
        private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
        private double backoffJitter = DEFAULT_BACKOFF_JITTER;
        private Duration backoffMax = DEFAULT_BACKOFF_MAX;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration lease = DEFAULT_LEASE;
        private Duration syncInterval = DEFAULT_SYNC_INTERVAL;
        private int maxBatchesPerRun = DEFAULT_MAX_BATCHES_PER_RUN;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private boolean syncAfterSubmit = DEFAULT_SYNC_AFTER_SUBMIT;
        private Duration permissionCacheTtl = DEFAULT_PERMISSION_CACHE_TTL;
        private Duration projectStaleIfError = DEFAULT_PROJECT_STALE_IF_ERROR;
        private boolean checkIdOwner = DEFAULT_CHECK_ID_OWNER;
        private Duration coldLinger = DEFAULT_COLD_LINGER;
        private int coldDailyCallBudget = DEFAULT_COLD_DAILY_CALL_BUDGET;
        private Duration correctionWindow = DEFAULT_CORRECTION_WINDOW;

        private Builder() {
        }

        private Builder(RoofworxConfig c) {
            projectCacheTtl = c.projectCacheTtl;
            backdatingWindow = c.backdatingWindow;
            hotWindow = c.hotWindow;
            backoffInitial = c.backoffInitial;
            backoffMultiplier = c.backoffMultiplier;
            backoffJitter = c.backoffJitter;
            backoffMax = c.backoffMax;
            batchSize = c.batchSize;
            lease = c.lease;
            syncInterval = c.syncInterval;
            maxBatchesPerRun = c.maxBatchesPerRun;
            shutdownTimeout = c.shutdownTimeout;
            syncAfterSubmit = c.syncAfterSubmit;
            permissionCacheTtl = c.permissionCacheTtl;
            projectStaleIfError = c.projectStaleIfError;
            checkIdOwner = c.checkIdOwner;
            coldLinger = c.coldLinger;
            coldDailyCallBudget = c.coldDailyCallBudget;
            correctionWindow = c.correctionWindow;
        }

        /**
         * Sets {@link RoofworxConfig#projectCacheTtl()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder projectCacheTtl(Duration value) {
            projectCacheTtl = positive("projectCacheTtl", value);
            return this;
        }

        /**
         * How long after its work date a worker may still correct or void an entry (default 7 days): allowed
         * while today (UTC) is on or before the work date plus this many whole days. Zero turns corrections off.
         *
         * @param value the new value, a whole number of days (calendar days are what the window counts), zero or more
         * @return this builder
         * @throws ValidationException when the value is null, negative or not whole days, naming the field and value
         */
        public Builder correctionWindow(Duration value) {
            if (value == null || value.isNegative() || !value.equals(Duration.ofDays(value.toDays()))) {
                throw ValidationException.of("correctionWindow", value, "must be a whole number of days, zero or more");
            }
            correctionWindow = value;
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#backdatingWindow()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder backdatingWindow(Duration value) {
            backdatingWindow = positive("backdatingWindow", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#hotWindow()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder hotWindow(Duration value) {
            hotWindow = positive("hotWindow", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#backoffInitial()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder backoffInitial(Duration value) {
            backoffInitial = positive("backoffInitial", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#backoffMultiplier()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder backoffMultiplier(double value) {
            if (!(value >= 1.0) || Double.isInfinite(value)) {
                throw ValidationException.of("backoffMultiplier", value, "must be >= 1.0");
            }
            backoffMultiplier = value;
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#backoffJitter()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder backoffJitter(double value) {
            if (!(value >= 0.0 && value < 1.0)) {
                throw ValidationException.of("backoffJitter", value, "must be in [0, 1)");
            }
            backoffJitter = value;
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#backoffMax()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder backoffMax(Duration value) {
            backoffMax = positive("backoffMax", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#batchSize()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder batchSize(int value) {
            batchSize = atLeast("batchSize", value, 1);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#lease()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder lease(Duration value) {
            lease = positive("lease", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#syncInterval()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder syncInterval(Duration value) {
            syncInterval = positive("syncInterval", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#maxBatchesPerRun()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder maxBatchesPerRun(int value) {
            maxBatchesPerRun = atLeast("maxBatchesPerRun", value, 1);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#shutdownTimeout()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder shutdownTimeout(Duration value) {
            shutdownTimeout = notNegative("shutdownTimeout", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#permissionCacheTtl()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder permissionCacheTtl(Duration value) {
            permissionCacheTtl = notNegative("permissionCacheTtl", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#projectStaleIfError()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder projectStaleIfError(Duration value) {
            projectStaleIfError = notNegative("projectStaleIfError", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#coldLinger()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder coldLinger(Duration value) {
            coldLinger = notNegative("coldLinger", value);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#coldDailyCallBudget()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder coldDailyCallBudget(int value) {
            coldDailyCallBudget = atLeast("coldDailyCallBudget", value, 0);
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#checkIdOwner()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder checkIdOwner(boolean value) {
            checkIdOwner = value;
            return this;
        }

        /**
         * Sets {@link RoofworxConfig#syncAfterSubmit()}.
         *
         * @param value the new value
         * @return this builder
         * @throws ValidationException when the value is out of range, naming the field and the value
         */
        public Builder syncAfterSubmit(boolean value) {
            syncAfterSubmit = value;
            return this;
        }

        /** Checks the settings against each other, then builds. */
        public RoofworxConfig build() {
            if (backoffMax.compareTo(backoffInitial) < 0) {
                throw ValidationException.of("backoffMax", backoffMax,
                        "must be >= backoffInitial (" + backoffInitial + ")");
            }
            return new RoofworxConfig(this);
        }
    }
}
