package dev.finessesignout.request;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a sign-out request came from: the trigger, and the file and line, message or schedule that carried it. A
 * request that belongs to a batch (one dropped file, one schedule run) names it: the batch gets a summary. A JMS
 * request whose message named a reply destination gets its final record there, with the caller's correlation id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestSource(String trigger, String file, Integer line, String messageId, String schedule, String batch,
        String replyTo, String correlationId) implements java.io.Serializable {

    public RequestSource(String trigger, String file, Integer line, String messageId, String schedule, String batch) {
        this(trigger, file, line, messageId, schedule, batch, null, null);
    }

    public static RequestSource fileLine(String file, int line, String batch) {
        return new RequestSource("file", file, line, null, null, batch);
    }

    public static RequestSource file(String file) {
        return new RequestSource("file", file, null, null, null, null);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(trigger);
        if (file != null) {
            text.append(' ').append(file);
        }
        if (line != null) {
            text.append(" line ").append(line);
        }
        if (messageId != null) {
            text.append(" message ").append(messageId);
        }
        if (schedule != null) {
            text.append(" schedule ").append(schedule);
        }
        return text.toString();
    }
}
