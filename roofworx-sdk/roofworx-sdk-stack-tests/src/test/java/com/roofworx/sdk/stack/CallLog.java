package com.roofworx.sdk.stack;

import com.roofworx.sdk.spi.Clock;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every call made through an adapter interface, with the test clock's time and its outcome. */
final class CallLog {
    /** One call: {@code items} is the size of a returned collection (-1 for anything else or a failure). */
    record Call(String method, Instant at, boolean failed, int items) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Clock clock;

    CallLog(Clock clock) {
        this.clock = clock;
    }

    <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Instant at = clock.now();
            try {
                Object result = method.invoke(target, args);
                calls.add(new Call(method.getName(), at, false, result instanceof Collection<?> c ? c.size() : -1));
                return result;
            } catch (InvocationTargetException e) {
                calls.add(new Call(method.getName(), at, true, -1));
                throw e.getCause();
            }
        }));
    }

    /** Calls of the named methods made at or after {@code from} and before {@code until}. */
    List<Call> between(Set<String> methods, Instant from, Instant until) {
        return calls.stream().filter(c -> methods.contains(c.method()) && !c.at().isBefore(from) && c.at().isBefore(until))
                .toList();
    }

    List<Call> all() {
        return List.copyOf(calls);
    }
}
