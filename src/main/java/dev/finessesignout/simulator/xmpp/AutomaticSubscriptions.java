package dev.finessesignout.simulator.xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.model.CollectionNode;
import org.apache.vysper.xmpp.modules.extension.xep0060_pubsub.model.LeafNode;

/**
 * The pubsub subscriptions the server makes itself (as Finesse subscribes every user to its own nodes), told apart
 * from those clients make: Vysper's LeafNode keeps each subscription under a subscription id, and only the ids made
 * here are remembered. A restart of an in-memory server keeps the first kind (Finesse makes them again) and loses the
 * second; {@link #dropClientSubscriptions(CollectionNode)} does the same without restarting Vysper.
 */
final class AutomaticSubscriptions {
    private final Set<String> subscriptionIds = ConcurrentHashMap.newKeySet();

    /** Subscribes the entity unless it already is, and remembers the subscription as the server's own. */
    void subscribe(LeafNode node, Entity subscriber) {
        if (!node.isSubscribed(subscriber)) {
            String subscriptionId = UUID.randomUUID().toString();
            subscriptionIds.add(subscriptionId);
            node.subscribe(subscriptionId, subscriber);
        }
    }

    /**
     * Removes every subscription of every node that was not made here. Vysper's in-memory store is a plain TreeMap,
     * so call this only while no client can touch subscriptions (no session open). Returns how many were removed.
     */
    int dropClientSubscriptions(CollectionNode nodes) {
        List<LeafNode> leaves = new ArrayList<>();
        nodes.acceptNodes(leaves::add);
        int dropped = 0;
        for (LeafNode node : leaves) {
            List<ClientSubscription> others = new ArrayList<>();
            // collected first: unsubscribing while Vysper iterates its map would fail
            node.acceptSubscribers((nodeName, subscriptionId, subscriber) -> {
                if (!subscriptionIds.contains(subscriptionId)) {
                    others.add(new ClientSubscription(subscriptionId, subscriber));
                }
            });
            for (ClientSubscription other : others) {
                if (node.unsubscribe(other.subscriptionId(), other.subscriber())) {
                    dropped++;
                }
            }
        }
        return dropped;
    }

    private record ClientSubscription(String subscriptionId, Entity subscriber) {
    }
}
