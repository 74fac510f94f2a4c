package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.StoreUnavailableException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The asynchronous commands of one connection (standalone or cluster), a bounded wait, and failures turned
 * into {@link StoreUnavailableException}. Commands are sent without waiting for earlier replies, so issuing
 * several before awaiting them pipelines them into one round trip. No MULTI/EXEC: the connection is shared by
 * many threads, whose transactions would interleave.
 */
public final class RedisOps {
    private final RedisClusterAsyncCommands<String, String> commands;
    private final Duration timeout;
    private final String store;
    private final boolean singleNode;

    /**
     * @param singleNode true for a standalone Redis, where one script may touch keys of several slots; false
     *                   for Redis Cluster, where each script stays in one slot
     */
    public RedisOps(RedisClusterAsyncCommands<String, String> commands, Duration timeout, String store,
                    boolean singleNode) {
        this.commands = commands;
        this.timeout = timeout;
        this.store = store;
        this.singleNode = singleNode;
    }

    public boolean singleNode() {
        return singleNode;
    }

    public RedisClusterAsyncCommands<String, String> commands() {
        return commands;
    }

    public RedisOps forStore(String otherStore) {
        return new RedisOps(commands, timeout, otherStore, singleNode);
    }

    /** Runs {@code script} by digest, and in full when Redis answers NOSCRIPT (first use, flush, restart). */
    public <T> CompletableFuture<T> eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        return eval(script, type, null, keys, args);
    }

    /**
     * As {@link #eval(Script, ScriptOutputType, String[], String...)}; when the full script had to be sent,
     * {@code afterResend} runs once it completed. Callers that pipelined a dependent command behind the
     * script use it to repeat that command, because the resent script ran after it.
     */
    public <T> CompletableFuture<T> eval(Script script, ScriptOutputType type, Supplier<CompletionStage<?>> afterResend,
                                         String[] keys, String... args) {
        CompletableFuture<T> bySha = commands.<T>evalsha(script.sha(), type, keys, args).toCompletableFuture();
        return bySha.exceptionallyCompose(failure -> {
            if (!(unwrap(failure) instanceof RedisNoScriptException)) {
                return CompletableFuture.failedFuture(unwrap(failure));
            }
            CompletableFuture<T> full = commands.<T>eval(script.text(), type, keys, args).toCompletableFuture();
            return afterResend == null ? full : full.thenCompose(result -> afterResend.get().thenApply(x -> result));
        });
    }

    /** Waits for {@code future} at most the command timeout. */
    public <T> T await(CompletionStage<T> future, String operation) {
        try {
            return future.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreUnavailableException.of(store, operation, e);
        } catch (ExecutionException e) {
            throw StoreUnavailableException.of(store, operation, unwrap(e.getCause()));
        } catch (TimeoutException e) {
            throw StoreUnavailableException.of(store, operation,
                    new TimeoutException("no answer within " + timeout.toMillis() + " ms"));
        } catch (RuntimeException e) {
            throw StoreUnavailableException.of(store, operation, e);
        }
    }

    /** Waits for a pipelined command that may be absent. */
    public void awaitIfPresent(CompletionStage<?> future, String operation) {
        if (future != null) {
            await(future, operation);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
