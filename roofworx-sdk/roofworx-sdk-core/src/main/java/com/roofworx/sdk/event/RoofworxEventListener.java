package com.roofworx.sdk.event;

import java.util.function.Consumer;

/**
 * Receives every {@link RoofworxEvent}. Called on the thread that did the work: keep it fast and do not
 * block. An exception thrown by a listener is swallowed so it cannot break a submit or a sync.
 */
@FunctionalInterface
public interface RoofworxEventListener {

    /**
     * Called once per event, on the thread that did the work.
     *
     * @param event the event, never null
     */
    void onEvent(RoofworxEvent event);

    /** A listener for one event type: {@code RoofworxEventListener.on(EntryBlocked.class, e -> alert(e))}. */
    static <E extends RoofworxEvent> RoofworxEventListener on(Class<E> type, Consumer<? super E> handler) {
        return event -> {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        };
    }
}
