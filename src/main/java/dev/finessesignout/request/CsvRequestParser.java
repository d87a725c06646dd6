package dev.finessesignout.request;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

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

    private static final int SNIFF_BYTES = 8192;

    /** Refuses a file that is not UTF-8 text (binary, another encoding) before any line of it is queued. */
    public void requireText(File file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        for (byte b : head) {
            if (b == 0) {
                throw new UnreadableFileException("it contains binary data (NUL bytes); expected a UTF-8 CSV text file");
            }
        }
        try {
            // a multi-byte character cut at the end of the sample is not an error
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, head.length < SNIFF_BYTES ? head.length : head.length - 3));
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("it is not UTF-8 text; save it as UTF-8 CSV and drop it again");
        }
    }

    /** Returns the request for the line, or null for a line that carries none (blank, comment, header). */
    public SignoutRequest parse(String line, @ExchangeProperty("CamelSplitIndex") int index,
            @Header("CamelFileName") String fileName, @Header("CamelFileLength") Long size,
            @Header("CamelFileLastModified") Long modified, @ExchangeProperty("intakeName") String batch) {
        int lineNumber = index + 1;
        String text = clean(line, lineNumber);
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        String[] columns = text.split(",", -1);
        String userId = unquote(columns[0]);
        if (lineNumber == 1 && HEADER_NAMES.contains(userId.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String reasonCodeId = columns.length > 1 ? unquote(columns[1]) : "";
        String requestId = UUID.nameUUIDFromBytes(
                String.join("|", "file", fileName, String.valueOf(size), String.valueOf(modified), String.valueOf(lineNumber))
                        .getBytes(StandardCharsets.UTF_8)).toString();
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
