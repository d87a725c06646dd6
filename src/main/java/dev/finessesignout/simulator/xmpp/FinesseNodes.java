package dev.finessesignout.simulator.xmpp;

import java.util.ArrayList;
import java.util.List;

/**
 * The pubsub nodes a Finesse notification service holds from the start, and the subscriptions it makes itself:
 * every user to its own nodes and to SystemInfo (contract section 5). A supervisor's subscriptions to its teams'
 * nodes are not here: the supervisor makes them.
 */
public record FinesseNodes(List<String> nodes, List<Subscription> automaticSubscriptions) {
    public static final String SYSTEM_INFO = "/finesse/api/SystemInfo";

    /** A user (login id, bare JID on the service's domain) subscribed to a node by the server. */
    public record Subscription(String nodeId, String userId) {
    }

    /** The nodes of these teams and users, and each user's automatic subscriptions. */
    public static FinesseNodes of(List<String> teamIds, List<String> userIds) {
        List<String> nodes = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (String team : teamIds) {
            nodes.add(teamUsers(team));
        }
        nodes.add(SYSTEM_INFO);
        for (String user : userIds) {
            for (String node : List.of(user(user), "/finesse/api/User/" + user + "/Dialogs")) {
                nodes.add(node);
                subscriptions.add(new Subscription(node, user));
            }
            subscriptions.add(new Subscription(SYSTEM_INFO, user));
        }
        return new FinesseNodes(List.copyOf(nodes), List.copyOf(subscriptions));
    }

    public static String user(String userId) {
        return "/finesse/api/User/" + userId;
    }

    public static String teamUsers(String teamId) {
        return "/finesse/api/Team/" + teamId + "/Users";
    }
}
