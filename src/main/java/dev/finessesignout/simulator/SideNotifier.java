package dev.finessesignout.simulator;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.finessesignout.simulator.xmpp.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side's notifications: its notification service and a queue with a thread of its own, so that a side whose
 * service is down (its publisher waiting for the server to come back) never delays the other side's. Items leave in
 * the order they were queued.
 */
final class SideNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SideNotifier.class);
    private final String side;
    private final NotificationService service;
    private final ExecutorService queue;

    SideNotifier(String side, NotificationService service) {
        this.side = side;
        this.service = service;
        queue = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "finesse-simulator-notifications-" + side);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues the items of one change ({@code about} names it in a warning). When one cannot be published (the server
     * stayed away longer than the publisher waits), the change's remaining items are skipped with a warning.
     */
    void submit(String about, List<Publication> items) {
        try {
            queue.execute(() -> {
                try {
                    for (Publication item : items) {
                        service.publish(item.nodeId(), item.payload());
                    }
                } catch (Exception e) {
                    LOG.warn("Side {}: could not publish the notification for {}: {}", side, about, e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Simulator stopping: side {} does not publish the notification for {}", side, about);
        }
    }

    /** Runs the task on the side's queue, after what is queued; the future fails as the task does. */
    Future<?> run(ThrowingTask task) {
        return queue.submit(() -> {
            task.run();
            return null;
        });
    }

    /** A future that completes once everything queued before it is published (or given up). */
    Future<?> drained() {
        return queue.submit(() -> { });
    }

    /** Work for the side's queue. */
    @FunctionalInterface
    interface ThrowingTask {
        void run() throws Exception;
    }

    NotificationService service() {
        return service;
    }

    String side() {
        return side;
    }

    /** Stops taking items; the queued ones still go out. */
    void shutdown() {
        queue.shutdown();
    }

    /** Waits for the queued items to go out, then ends the service's session (and its server, if the simulator's). */
    void close(long waitMillis) throws InterruptedException {
        queue.shutdown();
        queue.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        service.close(); // a publisher still waiting for its server gives up now
        queue.shutdownNow();
    }
}
