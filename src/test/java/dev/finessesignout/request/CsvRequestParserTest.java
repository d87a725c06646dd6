package dev.finessesignout.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvRequestParserTest {
    private final CsvRequestParser parser = new CsvRequestParser();

    private SignoutRequest line(String text, int index) {
        return parser.parse(text, index, "shift.csv", 100L, 1_700_000_000_000L, "shift-batch");
    }

    @Test
    void readsUserIdAndOptionalReasonCode() {
        SignoutRequest request = line("1042,12", 3);
        assertEquals("1042", request.userId());
        assertEquals("12", request.reasonCodeId());
        assertEquals(new RequestSource("file", "shift.csv", 4, null, null, "shift-batch"), request.source());
        assertNull(line("1042", 0).reasonCodeId());
        assertNull(line("1042,", 0).reasonCodeId());
        assertEquals("12", line("\"1042\" , \"12\"\r", 5).reasonCodeId());
    }

    @Test
    void skipsHeaderBlankAndCommentLines() {
        assertNull(line("\uFEFFuserId,reasonCodeId", 0));
        assertNull(line("loginId", 0));
        assertNull(line("   \r", 4));
        assertNull(line("# comment", 2));
        assertEquals("1042", line("\uFEFF1042", 0).userId(), "a BOM before data is not part of the id");
    }

    @Test
    void aHeaderWordAfterTheFirstLineIsAnOrdinaryBadOrGoodId() {
        assertEquals("id", line("id", 5).userId(), "'id' is a valid UCCX login name after line 1");
    }

    @Test
    void theRequestIdIsStableForTheSameFileAndLine() {
        assertEquals(line("1042", 1).requestId(), line("1042", 1).requestId());
        assertNotEquals(line("1042", 1).requestId(), line("1042", 2).requestId());
        assertNotEquals(line("1042", 1).requestId(), parser.parse("1042", 1, "shift.csv", 101L, 1_700_000_000_000L, "shift-batch").requestId());
    }

    @Test
    void badLinesCarryWhatCouldBeRead() {
        InvalidSignoutRequestException bad = assertThrows(InvalidSignoutRequestException.class, () -> line("10/42,12", 6));
        assertEquals("10/42", bad.getRequest().userId());
        assertEquals(7, bad.getRequest().source().line());
        assertThrows(InvalidSignoutRequestException.class, () -> line("1042,12,x", 1));
        assertThrows(InvalidSignoutRequestException.class, () -> line("1042,twelve", 1));
        assertThrows(InvalidSignoutRequestException.class, () -> line("x".repeat(10_000), 1));
    }
}
