package com.roofworx.bench;

import java.util.function.LongConsumer;

/** One thread issuing operations at a fixed rate, as a steady stream of users would. */
final class Paced {
    private Paced() {
    }

    /** Calls {@code op(i)} {@code perSecond * seconds} times, each at its due time; answers how many were sent. */
    static long run(int perSecond, int seconds, LongConsumer op) {
        long total = (long) perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            op.accept(i);
        }
        return total;
    }

    /** Waits (at most {@code seconds}) until {@code done} says so. */
    static void await(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
