package dev.finessesignout.confirm;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first sign-outs after start wait for the listener; later ones and a bundle without listener never do. */
class ListenerStartupTest {

    @Test
    void theFirstSignOutWaitsUntilTheListenerListens() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        new ListenerStartup(() -> looks.incrementAndGet() > 3, 60_000).await();
        assertEquals(4, looks.get(), "it returned as soon as the listener listened");
    }

    @Test
    void afterTheStartNoSignOutWaits() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        ListenerStartup startup = new ListenerStartup(() -> looks.incrementAndGet() < 0, 200);
        startup.await(); // the listener never comes: the wait ends at its limit
        int afterFirst = looks.get();
        assertTrue(afterFirst > 1, "it looked again while waiting");
        startup.await();
        assertEquals(afterFirst, looks.get(), "no look, no wait any more");
    }

    @Test
    void withoutListenerNothingWaits() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        new ListenerStartup(() -> looks.incrementAndGet() > 0, 0).await();
        assertEquals(0, looks.get());
    }
}
