package com.roofworx.sdk.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Wraps any adapter interface and injects failures: fail the next N calls, fail every call, or add latency.
 * Failures happen before the call reaches the adapter, so a failed call has written nothing, which is what
 * an unreachable server looks like. Thread-safe.
 * <pre>{@code
 * Faults<WarmEntryStore> warmFaults = Faults.wrap(WarmEntryStore.class, new InMemoryWarmEntryStore());
 * WarmEntryStore warm = warmFaults.proxy();
 * warmFaults.failAlways();   // the warm store is down
 * warmFaults.heal();         // and back
 * }</pre>
 */
public final class Faults<T> {
    private final T proxy;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong latencyMillis = new AtomicLong();
    private volatile boolean failAlways;
    private volatile Predicate<Method> appliesTo = m -> true;

    private Faults(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> invoke(target, method, args);
        this.proxy = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }

    public static <T> Faults<T> wrap(Class<T> type, T target) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException("type must be an interface but was " + type.getName());
        }
        return new Faults<>(type, target);
    }

    /** The wrapped adapter to hand to the code under test. */
    public T proxy() {
        return proxy;
    }

    /** The next {@code n} calls throw. */
    public Faults<T> failNext(int n) {
        failNext.set(n);
        return this;
    }

    public Faults<T> failAlways() {
        failAlways = true;
        return this;
    }

    /** Only calls of methods with these names are affected (others pass through). */
    public Faults<T> onlyMethod(String... names) {
        java.util.Set<String> chosen = java.util.Set.of(names);
        appliesTo = m -> chosen.contains(m.getName());
        return this;
    }

    /** Every call waits this long first (a slow network). */
    public Faults<T> latency(Duration delay) {
        latencyMillis.set(delay.toMillis());
        return this;
    }

    /** Back to normal: no failures, no latency, every method. */
    public Faults<T> heal() {
        failAlways = false;
        failNext.set(0);
        latencyMillis.set(0);
        appliesTo = m -> true;
        return this;
    }

    /** Calls that reached the proxy, failed or not (Object methods excluded). */
    public int calls() {
        return calls.get();
    }

    private Object invoke(T target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        calls.incrementAndGet();
        if (appliesTo.test(method)) {
            long delay = latencyMillis.get();
            if (delay > 0) {
                Thread.sleep(delay);
            }
            if (failAlways || failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new InjectedFault(method.getName());
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The failure {@link Faults} throws: recognisable in assertions. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InjectedFault(String method) {
            super("injected fault in " + method);
        }
    }
}
