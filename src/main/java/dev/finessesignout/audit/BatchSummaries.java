package dev.finessesignout.audit;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Batches: the intake counts the requests of a file and closes the batch when it has read the last line; the summary
 * aggregator collects each final audit record of the batch until they are all in.
 */
public class BatchSummaries implements AggregationStrategy {
    public static final String BATCH = "finesseBatch";
    private static final String COUNT = "batchRequests";

    /** Before the first line: a counter the split's lines share. */
    public void open(Exchange exchange) {
        exchange.setProperty(COUNT, new AtomicInteger());
    }

    /** A line became a request (queued, or audited as invalid). */
    public void counted(@ExchangeProperty(COUNT) AtomicInteger count) {
        count.incrementAndGet();
    }

    /** After the last line: the batch holds this many requests. */
    public BatchClosed closed(@ExchangeProperty(COUNT) AtomicInteger count) {
        return new BatchClosed(count.get());
    }

    /** The batch a final record counts towards, or null. */
    public String batchOf(@ExchangeProperty("auditRecord") AuditRecord record) {
        return record == null || record.source() == null ? null : record.source().batch();
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
            summary.closed(closed.requests());
        }
        target.getIn().setBody(summary);
        return target;
    }

    /** The intake's last word on a batch. */
    public record BatchClosed(int requests) implements java.io.Serializable {
    }
}
