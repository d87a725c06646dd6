package dev.finessesignout.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.finessesignout.model.Team;
import dev.finessesignout.model.User;

/**
 * Writes the {@code <Update>} of a notification (contract section 5) in a chosen {@link NotificationStyle}, and wraps
 * it in the {@code <notification>} payload of a pubsub item.
 */
final class UpdateWriter {
    static final String PUBSUB_NS = "http://jabber.org/protocol/pubsub";
    private final Random random = new Random();

    /** The payload for a user's changed state. */
    String userChanged(User user, String teamId, String requestId, NotificationStyle style) {
        List<String> fields = new ArrayList<>();
        fields.add(element("loginId", user.getLoginId()));
        fields.add(element("loginName", user.getLoginName()));
        fields.add(element("state", user.getState()));
        fields.add(element("pendingState", user.getPendingState()));
        fields.add(element("stateChangeTime", user.getStateChangeTime()));
        fields.add(element("reasonCodeId", user.getReasonCodeId()));
        fields.add(element("teamId", teamId));
        fields.add(element("uri", user.getUri()));
        String userXml = wrap(style.userElementName(), order(fields, style));
        return notification(update("<data>" + userXml + "</data>", user.getUri(), requestId, style), style);
    }

    /** The payload of a whole-team update: the team with its signed-in users, as a Team node may carry it. */
    String teamChanged(Team team, String requestId, NotificationStyle style) {
        StringBuilder members = new StringBuilder();
        for (User user : team.getUsers()) {
            members.append(wrap("User", order(new ArrayList<>(List.of(element("loginId", user.getLoginId()),
                    element("state", user.getState()), element("pendingState", user.getPendingState()),
                    element("stateChangeTime", user.getStateChangeTime()), element("uri", user.getUri()))), style)));
        }
        String teamXml = wrap("team", element("id", team.getId()) + element("name", team.getName())
                + element("uri", team.getUri()) + wrap("users", members.toString()));
        return notification(update("<data>" + teamXml + "</data>", team.getUri(), requestId, style), style);
    }

    /** The payload of an asynchronous failure: an Update with data/apiErrors naming the failed request. */
    String requestFailed(String source, String requestId, String errorType, String errorMessage, NotificationStyle style) {
        String errors = "<apiErrors><apiError>" + element("errorType", errorType) + element("errorMessage", errorMessage)
                + element("errorData", "") + "</apiError></apiErrors>";
        return notification(update("<data>" + errors + "</data>", source, requestId, style), style);
    }

    private String update(String data, String source, String requestId, NotificationStyle style) {
        List<String> parts = new ArrayList<>(List.of(data, element("event", style.event("PUT")),
                element("requestId", style.leavesRequestIdEmpty() || requestId == null ? "" : requestId),
                element("source", source)));
        return wrap("Update", order(parts, style));
    }

    private static String notification(String update, NotificationStyle style) {
        String content = style.asChildElements() ? update : escape(update);
        return "<notification xmlns='" + PUBSUB_NS + "'>" + content + "</notification>";
    }

    private String order(List<String> parts, NotificationStyle style) {
        List<String> ordered = new ArrayList<>(parts);
        if (style.shufflesElements()) {
            synchronized (random) {
                Collections.shuffle(ordered, random);
            }
        }
        return String.join("", ordered);
    }

    private static String wrap(String name, String content) {
        return "<" + name + ">" + content + "</" + name + ">";
    }

    private static String element(String name, String value) {
        return value == null ? "" : "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
