package com.roofworx.sdk.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The first {@code k} of a stream in an order, without sorting all of it: the in-memory stores answer
 * "the oldest 1,000 of 100,000" often (claims, pages), and a full sort per call made that quadratic.
 */
final class Oldest {
    private Oldest() {
    }

    static <T> List<T> first(Stream<T> items, int k, Comparator<? super T> order) {
        if (k <= 0) {
            return List.of();
        }
        // A max-heap of the k smallest seen so far: its head is the one to drop when a smaller one comes.
        PriorityQueue<T> kept = new PriorityQueue<>(Math.min(k, 1024) + 1, order.reversed());
        items.forEach(item -> {
            if (kept.size() < k) {
                kept.add(item);
            } else if (order.compare(item, kept.peek()) < 0) {
                kept.poll();
                kept.add(item);
            }
        });
        List<T> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }
}
