package dev.finessesignout.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * The {@code <Update>} a Finesse notification carries (contract section 5): a changed user, a whole team, or the
 * {@code apiErrors} of a request that failed after its 202; the event, the requestId (empty when unsolicited) and the
 * source URI.
 */
@XmlRootElement(name = "Update")
@XmlAccessorType(XmlAccessType.FIELD)
public class Update {
    private Data data;
    private String event;
    private String requestId;
    private String source;

    public Data getData() { return data; }
    public String getEvent() { return event; }
    public String getSource() { return source; }

    /** The request id, or null when the notification was unsolicited. */
    public String getRequestId() {
        return requestId == null || requestId.isBlank() ? null : requestId.trim();
    }

    public boolean isPut() {
        return event != null && "PUT".equalsIgnoreCase(event.trim());
    }

    public User user() {
        return data == null ? null : data.user;
    }

    public Team team() {
        return data == null ? null : data.team;
    }

    public ApiErrors apiErrors() {
        return data == null ? null : data.apiErrors;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Data {
        @XmlElement(name = "User")
        private User user;
        @XmlElement(name = "Team")
        private Team team;
        @XmlElement(name = "ApiErrors")
        private ApiErrors apiErrors;
    }
}
