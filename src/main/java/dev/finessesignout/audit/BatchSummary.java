package dev.finessesignout.audit;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.finessesignout.signout.Outcome;

/**
 * What an operator wants to know about a batch (a dropped file, a schedule run) once its last request is final: counts
 * per outcome, the slowest confirmation, and the requests that did not end signed out.
 */
public class BatchSummary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Beyond this many, the list of requests not signed out refers to the audit file. */
    static final int LISTED = 1000;

    private final String batch;
    private String file;
    private Integer expected;
    private int recorded;
    private int duplicates;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<String> notSignedOut = new ArrayList<>();
    private Long slowestMillis;
    private String slowest;
    private Instant firstReceivedAt;
    private Instant lastRecordedAt;

    public BatchSummary(String batch) {
        this.batch = batch;
    }

    public void add(AuditRecord record) {
        recorded++;
        counts.merge(record.outcome(), 1, Integer::sum);
        if (record.source() != null && record.source().file() != null) {
            file = record.source().file();
        } else if (record.source() != null && record.source().schedule() != null) {
            file = "schedule " + record.source().schedule();
        }
        if (!record.outcome().isSignedOut() && notSignedOut.size() < LISTED) {
            notSignedOut.add(record.outcome() + "  user " + record.userId() + "  request " + record.requestId()
                    + (record.source() != null && record.source().line() != null ? "  line " + record.source().line() : "")
                    + "  " + record.detail());
        }
        Long millis = record.confirmationMillis();
        if (millis != null && (slowestMillis == null || millis > slowestMillis)) {
            slowestMillis = millis;
            slowest = "user " + record.userId() + ", request " + record.requestId() + ", " + record.confirmedBy();
        }
        if (record.receivedAt() != null && (firstReceivedAt == null || record.receivedAt().isBefore(firstReceivedAt))) {
            firstReceivedAt = record.receivedAt();
        }
        lastRecordedAt = record.recordedAt();
    }

    /** The intake read the whole batch: it holds this many requests, and skipped this many repeated request ids. */
    public void closed(int requests, int duplicates) {
        expected = requests;
        this.duplicates = duplicates;
    }

    public boolean isComplete() {
        return expected != null && recorded >= expected;
    }

    public String getReport() {
        StringBuilder text = new StringBuilder();
        text.append("finesse-signout summary of ").append(batch).append(file != null ? " (" + file + ")" : "")
                .append('\n');
        if (!isComplete()) {
            text.append("INCOMPLETE: ").append(recorded).append(" of ")
                    .append(expected == null ? "an unknown number of" : expected)
                    .append(" requests have a final outcome; the others may still come: see the audit file\n");
        }
        text.append('\n').append("requests: ").append(recorded).append('\n');
        counts.forEach((outcome, count) -> text.append(String.format("  %-18s %d%n", outcome, count)));
        if (duplicates > 0) {
            text.append("request ids queued before, not sent again: ").append(duplicates).append('\n');
        }
        if (firstReceivedAt != null && lastRecordedAt != null) {
            text.append("from first request read to last outcome: ")
                    .append(Duration.between(firstReceivedAt, lastRecordedAt).toMillis()).append(" ms\n");
        }
        if (slowestMillis != null) {
            text.append("slowest confirmation: ").append(slowestMillis).append(" ms after the 202 (").append(slowest)
                    .append(")\n");
        }
        text.append('\n');
        long missing = recorded - counts.getOrDefault(Outcome.CONFIRMED, 0)
                - counts.getOrDefault(Outcome.ALREADY_SIGNED_OUT, 0);
        if (missing == 0) {
            text.append("Every request ended signed out.\n");
        } else {
            text.append("Not signed out (").append(missing).append("):\n");
            notSignedOut.forEach(line -> text.append("  ").append(line).append('\n'));
            if (missing > notSignedOut.size()) {
                text.append("  ... and ").append(missing - notSignedOut.size()).append(" more: see the audit file\n");
            }
        }
        return text.toString();
    }

    public String getBatch() { return batch; }
}
