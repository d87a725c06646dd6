package dev.finessesignout.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How the simulator writes its XMPP notifications, covering the variants the contract lists (section 5). Null fields
 * take the default: escaped text, {@code user}, {@code PUT}, requestId filled, Finesse's usual element order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationStyle(Boolean childElements, String userElement, String eventCase, Boolean emptyRequestId,
        Boolean shuffled, Boolean duplicated, Boolean dropped, Boolean beforeAnswer, Boolean wholeTeam) {

    public static NotificationStyle defaults() {
        return new NotificationStyle(null, null, null, null, null, null, null, null, null);
    }

    /** Every notification published twice, as a server may redeliver. */
    public boolean duplicates() {
        return Boolean.TRUE.equals(duplicated);
    }

    /** No notification at all: the change happens, nobody hears of it. */
    public boolean drops() {
        return Boolean.TRUE.equals(dropped);
    }

    /** The team node also gets a whole-team update (data/team with users/User) after each change. */
    public boolean publishesWholeTeam() {
        return Boolean.TRUE.equals(wholeTeam);
    }

    /** Published before the HTTP answer is sent, so that it can arrive before the 202. */
    public boolean publishesBeforeAnswer() {
        return Boolean.TRUE.equals(beforeAnswer);
    }

    /** The Update as child elements of {@code notification} (real captures), not as escaped text (Cisco samples). */
    public boolean asChildElements() {
        return Boolean.TRUE.equals(childElements);
    }

    public String userElementName() {
        return userElement == null ? "user" : userElement;
    }

    /** {@code PUT}, {@code put} or {@code Put}. */
    public String event(String event) {
        if ("lower".equalsIgnoreCase(eventCase)) {
            return event.toLowerCase();
        }
        if ("capitalized".equalsIgnoreCase(eventCase)) {
            return event.charAt(0) + event.substring(1).toLowerCase();
        }
        return event;
    }

    public boolean leavesRequestIdEmpty() {
        return Boolean.TRUE.equals(emptyRequestId);
    }

    public boolean shufflesElements() {
        return Boolean.TRUE.equals(shuffled);
    }
}
