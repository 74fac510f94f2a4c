package com.roofworx.app.infrastructure;

import com.roofworx.sdk.RoofworxException;
import com.roofworx.sdk.StoreUnavailableException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a store adapter (any SPI interface, through a dynamic proxy, so new SPI methods need no change here) to
 * <ul>
 *   <li>fail fast while the store is known to be down: after a failure, calls fail at once for
 *   {@code openFor} instead of each waiting out a pool or connect timeout; the first call after that tries the
 *   store again;</li>
 *   <li>turn every unexpected failure into the SDK's {@link StoreUnavailableException} (a 503), so a store
 *   error that the SDK passes through unchanged never reaches a client as a 500;</li>
 *   <li>tell the current request which stores failed under it ({@link StoreFailures}), so a read served from
 *   one tier only can say that it is partial.</li>
 * </ul>
 * The SDK's own rule failures ({@link RoofworxException}s other than unavailability) pass through untouched and
 * do not count as the store being down.
 */
public final class StoreGuard implements InvocationHandler {
    private final Object target;
    private final String store;
    private final Breaker breaker;

    private StoreGuard(Object target, String store, Breaker breaker) {
        this.target = target;
        this.store = store;
        this.breaker = breaker;
    }

    /** @param openFor how long calls fail fast after a failure; zero only converts and reports failures */
    public static <T> T guard(Class<T> spi, T target, String store, Duration openFor, LongSupplier nanoTime) {
        return guard(spi, target, store, new Breaker(openFor, nanoTime));
    }

    /** Guards with a breaker that others (the store's health probe) may trip and read too. */
    public static <T> T guard(Class<T> spi, T target, String store, Breaker breaker) {
        StoreGuard handler = new StoreGuard(target, store, breaker);
        return spi.cast(Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[]{spi}, handler));
    }

    /** Whether calls to the guarded store currently fail fast. */
    public static boolean isOpen(Object guarded) {
        return Proxy.isProxyClass(guarded.getClass())
                && Proxy.getInvocationHandler(guarded) instanceof StoreGuard g && g.breaker.isOpen();
    }

    /** "The store was found unreachable": open for a while after each outage, then closed for a new try. */
    public static final class Breaker {
        private final long openForNanos;
        private final LongSupplier nanoTime;
        private volatile long openUntil;
        private volatile boolean open;

        public Breaker(Duration openFor, LongSupplier nanoTime) {
            this.openForNanos = openFor.toNanos();
            this.nanoTime = nanoTime;
        }

        public boolean isOpen() {
            if (!open) {
                return false;
            }
            if (nanoTime.getAsLong() - openUntil >= 0) {
                open = false;
                return false;
            }
            return true;
        }

        /** Records an outage; calls fail fast from now on for the configured time. */
        public void trip() {
            if (openForNanos > 0) {
                openUntil = nanoTime.getAsLong() + openForNanos;
                open = true;
            }
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        if (breaker.isOpen()) {
            StoreFailures.record(store);
            throw StoreUnavailableException.of(store, method.getName() + " (failing fast after a recent failure)",
                    null);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RoofworxException r && !(r instanceof StoreUnavailableException)) {
                throw r;
            }
            if (isOutage(cause)) {
                breaker.trip();
            }
            StoreFailures.record(store);
            if (cause instanceof StoreUnavailableException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw StoreUnavailableException.of(store, method.getName(), r);
            }
            throw cause;
        }
    }

    /**
     * Whether a failure says the service cannot be reached (so fail fast for a while), rather than that one
     * call went wrong: only the former may make every caller fail, or one odd request could shut a store off.
     */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A pool's "no connection available" without a cause only says the pool is busy; with a cause
            // it carries the failure of its last attempt to connect.
            if (t instanceof java.sql.SQLTransientConnectionException && t.getCause() != null
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLTimeoutException
                    || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
