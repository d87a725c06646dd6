package dev.finessesignout.audit;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.finessesignout.request.SignoutRequest;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The result file of a batch, {@code <batch>.result.csv}: one line per request with its final outcome, in the order
 * the outcomes became final (sort by position to follow the file). UTF-8 with a BOM and RFC 4180 quoting, so that a
 * spreadsheet opens it as it is.
 */
public class ResultFiles {
    static final String DUPLICATE = "DUPLICATE_REQUEST_ID";

    public String header() {
        return "\uFEFF" + row("position", "request_id", "user_id", "reason_code_id", "outcome", "confirmed_by", "detail",
                "recorded_at");
    }

    public String line(@ExchangeProperty("auditRecord") AuditRecord record) {
        return row(record.source() == null ? null : record.source().line(), record.requestId(), record.userId(),
                record.reasonCodeId(), record.outcome(), record.confirmedBy(), record.detail(), record.recordedAt());
    }

    /** A request whose id was queued before: it is not sent again, and its outcome is the first one's. */
    public String duplicate(@Body SignoutRequest request) {
        return row(request.source() == null ? null : request.source().line(), request.requestId(), request.userId(),
                request.reasonCodeId(), DUPLICATE, null, "this request id was queued before: not sent again; "
                        + "see the first request's record", Instant.now());
    }

    private static String row(Object... values) {
        return Stream.of(values).map(ResultFiles::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        // a leading = + - @ would be read as a formula by a spreadsheet
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
