package dev.finessesignout.audit;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.finessesignout.request.InvalidSignoutRequestException;
import dev.finessesignout.request.RequestSource;
import dev.finessesignout.request.SignoutRequest;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Batches (a dropped file, a schedule run): the intake counts the requests of a batch and closes it when it has read
 * the last one; the summary aggregator collects each final audit record of the batch until they are all in. A batch's
 * summary and result file go to the done folder (files) or the schedule folder (schedule runs).
 */
public class BatchSummaries implements AggregationStrategy {
    public static final String BATCH = "finesseBatch";
    private static final String COUNT = "batchRequests";
    private static final String DUPLICATES = "batchDuplicates";
    private static final String USERS = "batchUsers";
    private final Path doneFolder;
    private final Path scheduleFolder;

    public BatchSummaries(Path doneFolder, Path scheduleFolder) {
        this.doneFolder = doneFolder;
        this.scheduleFolder = scheduleFolder;
    }

    /** Before the first request: counters and the users seen, which the split's requests share. */
    public void open(Exchange exchange) {
        exchange.setProperty(COUNT, new AtomicInteger());
        exchange.setProperty(DUPLICATES, new AtomicInteger());
        exchange.setProperty(USERS, new ConcurrentHashMap<String, Integer>());
    }

    /** A request of the batch was queued, or audited as invalid. */
    public void counted(@ExchangeProperty(COUNT) AtomicInteger count) {
        if (count != null) {
            count.incrementAndGet();
        }
    }

    /** A request whose id was queued before: it gets no record of its own, so the batch does not wait for one. */
    public void duplicate(@ExchangeProperty(DUPLICATES) AtomicInteger duplicates) {
        if (duplicates != null) {
            duplicates.incrementAndGet();
        }
    }

    /** A user is signed out once per batch: a second request for the same user is invalid and names the first. */
    public void requireFirstOfUser(@Body SignoutRequest request, @ExchangeProperty(USERS) Map<String, Integer> users) {
        if (users == null) {
            return;
        }
        Integer position = request.source() == null || request.source().line() == null ? 0 : request.source().line();
        Integer first = users.putIfAbsent(request.userId(), position);
        if (first != null) {
            throw new InvalidSignoutRequestException("user " + request.userId() + " is already requested"
                    + (first > 0 ? " at position " + first : "") + " of this batch; it is signed out once", request);
        }
    }

    /** After the last request: the batch holds this many requests. */
    public BatchClosed closed(@ExchangeProperty(COUNT) AtomicInteger count,
            @ExchangeProperty(DUPLICATES) AtomicInteger duplicates) {
        return new BatchClosed(count.get(), duplicates.get());
    }

    /** The batch a final record counts towards, or null. */
    public String batchOf(@ExchangeProperty("auditRecord") AuditRecord record) {
        return record == null || record.source() == null ? null : record.source().batch();
    }

    /** Where the summary and result file of the record's batch go. */
    public String folderOf(@ExchangeProperty("auditRecord") AuditRecord record) {
        return folder(record == null ? null : record.source());
    }

    /** Where the summary and result file of the request's batch go. */
    public String folderOfRequest(@Body SignoutRequest request) {
        return folder(request.source());
    }

    private String folder(RequestSource source) {
        boolean schedule = source != null && "schedule".equals(source.trigger());
        return (schedule ? scheduleFolder : doneFolder).toString();
    }

    @Override
    public Exchange aggregate(Exchange group, Exchange item) {
        Exchange target = group == null ? item : group;
        BatchSummary summary = group == null ? new BatchSummary(item.getIn().getHeader(BATCH, String.class))
                : group.getIn().getBody(BatchSummary.class);
        Object body = item.getIn().getBody();
        if (body instanceof AuditRecord record) {
            summary.add(record);
        } else if (body instanceof BatchClosed closed) {
            summary.closed(closed.requests(), closed.duplicates());
        }
        target.getIn().setBody(summary);
        return target;
    }

    /** The intake's last word on a batch. */
    public record BatchClosed(int requests, int duplicates) implements java.io.Serializable {
    }
}
