package com.roofworx.app.infrastructure;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.ValidationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreGuardTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();

    /** A store whose behaviour the test scripts per call. */
    interface Store {
        String read();
    }

    private Store guarded(Supplier<String> behaviour) {
        Store real = () -> {
            calls.incrementAndGet();
            return behaviour.get();
        };
        return StoreGuard.guard(Store.class, real, "warm", Duration.ofSeconds(5), nanos::get);
    }

    private static RuntimeException outage() {
        return StoreUnavailableException.of("warm", "range",
                new SQLTransientConnectionException("roofworx - Connection is not available",
                        new java.net.ConnectException("Connection refused")));
    }

    @Test
    void afterAnOutageCallsFailFastUntilTheWindowEndsThenTryAgain() {
        boolean[] down = {true};
        Store store = guarded(() -> {
            if (down[0]) {
                throw outage();
            }
            return "rows";
        });
        assertThatThrownBy(store::read).isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreGuard.isOpen(store)).isTrue();
        assertThatThrownBy(store::read).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("failing fast");
        assertThat(calls).hasValue(1);
        down[0] = false;
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(store.read()).isEqualTo("rows");
        assertThat(calls).hasValue(2);
        assertThat(StoreGuard.isOpen(store)).isFalse();
    }

    @Test
    void aFailureThatIsNotAnOutageDoesNotShutTheStoreOffButIsStillA503() {
        Store store = guarded(() -> {
            throw new IllegalStateException("ERROR: value out of range");
        });
        assertThatThrownBy(store::read).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(store::read).isInstanceOf(StoreUnavailableException.class)
                .hasMessageNotContaining("failing fast");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aBusyPoolIsNotAnOutage() {
        Store store = guarded(() -> {
            throw StoreUnavailableException.of("warm", "range",
                    new SQLTransientConnectionException("roofworx - Connection is not available"));
        });
        assertThatThrownBy(store::read).isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreGuard.isOpen(store)).isFalse();
    }

    @Test
    void theSdksRuleFailuresPassThroughUntouched() {
        ValidationException rule = ValidationException.of("from", "x", "must be a date");
        Store store = guarded(() -> {
            throw rule;
        });
        assertThatThrownBy(store::read).isSameAs(rule);
        assertThat(StoreGuard.isOpen(store)).isFalse();
    }

    @Test
    void theRequestLearnsWhichStoresFailedUnderIt() {
        Store store = guarded(() -> {
            throw outage();
        });
        try (StoreFailures tracked = StoreFailures.track()) {
            assertThat(tracked.failed()).isEmpty();
            assertThatThrownBy(store::read).isInstanceOf(StoreUnavailableException.class);
            assertThat(tracked.failed()).containsExactly("warm");
        }
        try (StoreFailures tracked = StoreFailures.track()) {
            assertThat(tracked.failed()).as("a new request starts clean").isEmpty();
        }
    }
}
