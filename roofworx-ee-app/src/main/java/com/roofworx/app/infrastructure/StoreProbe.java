package com.roofworx.app.infrastructure;

/** A readiness check of one backing service, for the health endpoint. Must answer within a few seconds. */
public interface StoreProbe {

    /** The service's name in the health report: redis, postgresql or zoho. */
    String name();

    /** Checks the service; never throws. */
    Result check();

    /** @param detail a short, secret-free description ("memory", "PONG", "token valid for 3512 s") */
    record Result(boolean up, String detail) {
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
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
