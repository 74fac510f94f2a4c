package com.roofworx.sdk.testkit.zoho;

import com.roofworx.sdk.spi.Clock;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stateful, in-process Zoho CRM (API v8) on a free loopback port: the OAuth token endpoint, records
 * reads with pagination, search, users, and upsert with duplicate check and per-record validation, plus
 * scripted {@link #faults() faults} (one-off errors, per-record locks, outage switches) and
 * {@link #counters() call counters}. One client grant
 * ({@link #CLIENT_ID}, {@link #CLIENT_SECRET}, {@link #REFRESH_TOKEN}) is registered from the start; the
 * token endpoint names the simulator's own base URL as {@code api_domain}.
 * <p>
 * The default module layout matches the Roofworx Zoho adapter's defaults: {@link #DEALS},
 * {@link #ASSIGNMENTS} (a Deal lookup and a user lookup) and {@link #TIME_ENTRIES} (unique
 * {@link #ENTRY_UUID}, a Deal lookup, a user lookup and mandatory fields). Workers may instead be
 * {@link #addContact Contacts} or records of a custom module: {@link #workerLookupsTo(String)} points both
 * worker lookups there. Close it to stop the server.
 */
public final class ZohoCrmSimulator implements AutoCloseable {
    public static final String CLIENT_ID = "1000.SIMULATORCLIENT";
    public static final String CLIENT_SECRET = "simulator-client-secret";
    public static final String REFRESH_TOKEN = "1000.simulator-refresh-token";

    public static final String DEALS = "Deals";
    public static final String ACCOUNTS = "Accounts";
    public static final String ASSIGNMENTS = "Project_Assignments";
    public static final String TIME_ENTRIES = "Time_Entries";
    public static final String DEAL_NAME = "Deal_Name";
    public static final String STAGE = "Stage";
    public static final String ACCOUNT_NAME = "Account_Name";
    public static final String SITE_ADDRESS = "Site_Address";
    public static final String ASSIGNMENT_DEAL = "Deal";
    public static final String ASSIGNMENT_WORKER = "Worker";
    public static final String ENTRY_UUID = "Entry_UUID";
    public static final String CONTACTS = "Contacts";
    /** The e-mail field of Contacts (and of the records {@link #addWorkerRecord} makes). */
    public static final String EMAIL = "Email";

    private final CrmStore store = new CrmStore();
    private final TokenService tokens = new TokenService();
    private final SimulatorFaults faults = new SimulatorFaults();
    private final CallCounters counters = new CallCounters();
    private final Set<String> locked = ConcurrentHashMap.newKeySet();
    private final UpsertProcessor upserts = new UpsertProcessor(store, locked, faults);
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private ZohoCrmSimulator(Clock clock, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "zoho-crm-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new SimulatorHandler(store, tokens, upserts, faults,
                counters, clock, () -> baseUrl));
        tokens.grant(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN);
        store.rules(ASSIGNMENTS).mandatory(ASSIGNMENT_DEAL, ASSIGNMENT_WORKER)
                .lookup(ASSIGNMENT_DEAL, DEALS).userLookup(ASSIGNMENT_WORKER);
        store.rules(TIME_ENTRIES).mandatory("Name", ENTRY_UUID, "Deal", "Worker", "Work_Date", "Hours")
                .unique(ENTRY_UUID).lookup("Deal", DEALS).userLookup("Worker");
        server.start();
    }

    /** Starts a simulator on the wall clock. */
    public static ZohoCrmSimulator start() {
        return start(Clock.system());
    }

    /** Starts a simulator whose token expiry and mint limit follow {@code clock}. */
    public static ZohoCrmSimulator start(Clock clock) {
        return start(clock, 0);
    }

    /** Starts a simulator on loopback port {@code port} (0 picks a free one). */
    public static ZohoCrmSimulator start(Clock clock, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
        }
        try {
            return new ZohoCrmSimulator(clock, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Zoho CRM simulator", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: both the accounts host and the API host. */
    public String baseUrl() {
        return baseUrl;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    public CallCounters counters() {
        return counters;
    }

    /** The write rules of {@code module}, to change them. */
    public ModuleRules module(String module) {
        return store.rules(module);
    }

    /**
     * How upserts match and enforce unique fields; {@link DuplicateCheck#MODULE_UNIQUE_FIELDS} (as Zoho)
     * unless changed. A client's own tests want {@link DuplicateCheck#REQUESTED_ONLY}, which makes a request
     * that forgets {@code duplicate_check_fields} create duplicates instead of being rescued by the simulator.
     */
    public ZohoCrmSimulator duplicateCheck(DuplicateCheck mode) {
        upserts.duplicateCheck(java.util.Objects.requireNonNull(mode, "mode"));
        return this;
    }

    /** Registers another OAuth client grant. */
    public void grant(String clientId, String clientSecret, String refreshToken) {
        tokens.grant(clientId, clientSecret, refreshToken);
    }

    /** Every access token issued so far stops working: the next API call answers 401 INVALID_TOKEN. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Adds an active user with a generated id. */
    public SimulatedUser addUser(String email, String fullName) {
        return addUser(new SimulatedUser(store.newId(), email, fullName, true));
    }

    public SimulatedUser addUser(SimulatedUser user) {
        store.putUser(user);
        return user;
    }

    /** Adds a Deal with a generated id, creating its Account by name when {@code account} is not blank. */
    public String addDeal(String name, String stage, String account, String address) {
        return addDeal(store.newId(), name, stage, account, address);
    }

    /** Adds (or replaces) the Deal {@code id}. */
    public String addDeal(String id, String name, String stage, String account, String address) {
        JsonObjectBuilder deal = Json.createObjectBuilder().add(DEAL_NAME, name).add(STAGE, stage);
        if (account != null && !account.isBlank()) {
            String accountId = store.findBy(ACCOUNTS, ACCOUNT_NAME, account)
                    .orElseGet(() -> store.put(ACCOUNTS, store.newId(),
                            Json.createObjectBuilder().add(ACCOUNT_NAME, account).build()).getString("id"));
            deal.add(ACCOUNT_NAME, Json.createObjectBuilder().add("id", accountId).add("name", account));
        }
        if (address != null && !address.isBlank()) {
            deal.add(SITE_ADDRESS, address);
        }
        store.put(DEALS, id, deal.build());
        return id;
    }

    /**
     * Adds a Contact (First_Name, Last_Name, Full_Name, {@link #EMAIL}) with a generated id; answers its id. A
     * Contact is a worker once {@link #workerLookupsTo(String) the worker lookups point at Contacts}.
     */
    public String addContact(String email, String fullName) {
        int space = fullName.lastIndexOf(' ');
        JsonObjectBuilder contact = Json.createObjectBuilder()
                .add("Last_Name", space < 0 ? fullName : fullName.substring(space + 1))
                .add("Full_Name", fullName);
        if (space > 0) {
            contact.add("First_Name", fullName.substring(0, space));
        }
        if (email != null) {
            contact.add(EMAIL, email);
        }
        return store.put(CONTACTS, store.newId(), contact.build()).getString("id");
    }

    /** Adds a record of a custom workers module ({@code Name} and {@link #EMAIL}); answers its id. */
    public String addWorkerRecord(String module, String email, String name) {
        return store.put(module, store.newId(), Json.createObjectBuilder().add("Name", name).add(EMAIL, email)
                .build()).getString("id");
    }

    /**
     * Points the worker lookups of {@link #ASSIGNMENTS} and {@link #TIME_ENTRIES} (both {@code Worker}) at the
     * records of {@code module} (e.g. {@link #CONTACTS}), as a deployer whose workers are not CRM users sets
     * them up; a written worker id must then be a record of that module. Null points them back at users.
     */
    public ZohoCrmSimulator workerLookupsTo(String module) {
        for (String junctionOrEntries : List.of(ASSIGNMENTS, TIME_ENTRIES)) {
            if (module == null) {
                store.rules(junctionOrEntries).userLookup(ASSIGNMENT_WORKER);
            } else {
                store.rules(junctionOrEntries).lookup(ASSIGNMENT_WORKER, module);
            }
        }
        return this;
    }

    /**
     * Assigns a worker to a Deal through the junction module; answers the junction record's id. The worker is
     * a user id, or (after {@link #workerLookupsTo(String)}) the id of a record of the workers module.
     */
    public String assign(String dealId, String workerId) {
        String dealName = store.get(DEALS, dealId).map(UpsertProcessor::displayName).orElse(dealId);
        String workerModule = store.rules(ASSIGNMENTS).lookupFields().get(ASSIGNMENT_WORKER);
        JsonObjectBuilder worker = Json.createObjectBuilder().add("id", workerId);
        String workerName;
        if (workerModule == null) {
            SimulatedUser user = store.user(workerId).orElseThrow(() -> new IllegalArgumentException("no user " + workerId));
            workerName = user.fullName();
            worker.add("name", workerName).add("email", user.email());
        } else {
            JsonObject record = store.get(workerModule, workerId).orElseThrow(() ->
                    new IllegalArgumentException("no " + workerModule + " record " + workerId));
            workerName = UpsertProcessor.displayName(record);
            worker.add("name", workerName);
        }
        return store.put(ASSIGNMENTS, store.newId(), Json.createObjectBuilder()
                .add("Name", dealName + " / " + workerName)
                .add(ASSIGNMENT_DEAL, Json.createObjectBuilder().add("id", dealId).add("name", dealName))
                .add(ASSIGNMENT_WORKER, worker)
                .build()).getString("id");
    }

    /** Stores a record as given (its "id" member, if any, is kept; otherwise one is generated). */
    public String addRecord(String module, JsonObject record) {
        String id = record.containsKey("id") ? record.getString("id") : store.newId();
        return store.put(module, id, record).getString("id");
    }

    /** Deletes a record; false when there was none. */
    public boolean removeRecord(String module, String id) {
        return store.remove(module, id);
    }

    /** Every record of {@code module}, in insertion order. */
    public List<JsonObject> records(String module) {
        return store.list(module);
    }

    public Optional<JsonObject> record(String module, String id) {
        return store.get(module, id);
    }

    /** The first record of {@code module} whose {@code field} holds {@code value} (a lookup matches by id). */
    public Optional<JsonObject> findRecord(String module, String field, String value) {
        return store.findBy(module, field, value).flatMap(id -> store.get(module, id));
    }

    /**
     * Upserts of a record holding {@code value} in a duplicate-check or unique field (for Time_Entries: the
     * entry UUID) answer RECORD_LOCKED until unlocked; the other records of the call are written. For "the
     * next N records", see {@link SimulatorFaults#recordLockedNext(int)}.
     */
    public void lock(String value) {
        locked.add(value);
    }

    public void unlock(String value) {
        locked.remove(value);
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
