package com.roofworx.sdk.internal;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;

import java.util.List;

/** Fans events out to listeners; a failing listener cannot break the work that raised the event. */
public final class Events {
    private final List<RoofworxEventListener> listeners;

    public Events(List<RoofworxEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(RoofworxEvent event) {
        for (RoofworxEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException ignored) {
                // A listener is observation only; its bug must not fail a submit or a sync.
            }
        }
    }

    public void storeFailed(String store, String operation, RuntimeException e) {
        publish(new RoofworxEvent.StoreFailed(store, operation, String.valueOf(e.getMessage()), e,
                Failures.kindOf(e)));
    }
}
