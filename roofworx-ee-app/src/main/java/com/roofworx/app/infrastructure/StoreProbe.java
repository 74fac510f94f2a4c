package com.roofworx.app.infrastructure;

import java.util.Map;

/** A readiness check of one backing service, for the health endpoint. */
public interface StoreProbe {

    /** The service's name in the health report: redis, postgresql or zoho. */
    String name();

    /** Checks the service; never throws. May block: {@link TimedProbes} bounds how long anyone waits for it. */
    Result check();

    /** What a service is fit for: UP, DEGRADED (works, but something is failing) or DOWN. */
    enum Status { UP, DEGRADED, DOWN }

    /**
     * @param detail for the server log only (it may hold host names or driver messages): never shown unauthenticated
     * @param counts numbers safe to show anyone, such as the queue depth
     */
    record Result(Status status, String detail, Map<String, Long> counts) {
        public Result {
            counts = Map.copyOf(counts);
        }

        public static Result up(String detail) {
            return new Result(Status.UP, detail, Map.of());
        }

        public static Result degraded(String detail) {
            return new Result(Status.DEGRADED, detail, Map.of());
        }

        public static Result down(String detail) {
            return new Result(Status.DOWN, detail, Map.of());
        }

        public boolean up() {
            return status != Status.DOWN;
        }

        public Result withCounts(Map<String, Long> more) {
            return new Result(status, detail, more);
        }
    }

    static StoreProbe fixed(String name, Result result) {
        return new StoreProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return result;
            }
        };
    }
}
