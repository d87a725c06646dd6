package dev.finessesignout.request;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Turns one line of a sign-out CSV file into a request: {@code userId[,reasonCodeId]}, an optional header line, blank
 * lines and {@code #} comments skipped. The request id is derived from the file and line, so a file read again after a
 * crash yields the same ids and the broker's duplicate detection keeps them from being sent twice.
 */
public class CsvRequestParser {
    private static final Set<String> HEADER_NAMES = Set.of("userid", "user_id", "user id", "loginid", "login_id",
            "user", "id", "agent", "agentid");

    /** Whether the line carries a request (blank lines, comments and a header line do not). */
    public boolean carriesRequest(String line, int lineNumber) {
        return hasContent(line) && !(lineNumber == 1 && isHeader(line));
    }

    /** Neither blank nor a comment. */
    public static boolean hasContent(String line) {
        String text = clean(line, 1);
        return !text.isEmpty() && !text.startsWith("#");
    }

    /** A header line: its first column names the user id column. */
    public static boolean isHeader(String line) {
        return HEADER_NAMES.contains(unquote(clean(line, 1).split(",", -1)[0]).toLowerCase(Locale.ROOT));
    }

    /** Returns the request for the line, or null for a line that carries none (blank, comment, header). */
    public SignoutRequest parse(String line, @ExchangeProperty("CamelSplitIndex") int index,
            @Header("CamelFileName") String fileName, @Header("CamelFileLength") Long size,
            @Header("CamelFileLastModified") Long modified, @ExchangeProperty("intakeName") String batch) {
        int lineNumber = index + 1;
        if (!carriesRequest(line, lineNumber)) {
            return null;
        }
        String[] columns = clean(line, lineNumber).split(",", -1);
        String userId = unquote(columns[0]);
        String reasonCodeId = columns.length > 1 ? unquote(columns[1]) : "";
        String requestId = SignoutRequest.fileRequestId(fileName, size, modified, lineNumber);
        SignoutRequest request = new SignoutRequest(requestId, userId, reasonCodeId.isEmpty() ? null : reasonCodeId,
                RequestSource.fileLine(fileName, lineNumber, batch), Instant.now());
        if (columns.length > 2) {
            throw new InvalidSignoutRequestException("line has " + columns.length
                    + " columns; expected user id and an optional reason code id", request);
        }
        return request.validated();
    }

    private static String clean(String line, int lineNumber) {
        String text = line;
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.strip();
    }

    private static String unquote(String column) {
        String value = column.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}
