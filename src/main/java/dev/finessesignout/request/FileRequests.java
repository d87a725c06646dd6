package dev.finessesignout.request;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finessesignout.model.FinesseXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The requests of a dropped file (CSV, XML or JSON, told by the extension). The file is first read through once as a
 * whole: too large, not UTF-8, binary, content that does not match the extension, malformed XML or JSON, or no request
 * at all refuse it before any request of it is queued. Then its entries are read one at a time, each becoming a
 * request (or an invalid one, audited, while the others go on). Request ids are derived from the file's name, size,
 * modification time and the entry's position, so a file read again after a crash yields the same ids.
 */
public class FileRequests {
    /** The dropped file itself, kept while the exchange's body is used for other things. */
    public static final String INTAKE_FILE = "intakeFile";
    private static final int SNIFF_CHARACTERS = 64 * 1024;
    private final long maxBytes;
    private final CsvRequestParser csv;
    private final FinesseXml xml;
    private final ObjectMapper json;
    private final JAXBContext jaxb;

    public FileRequests(long maxBytes, CsvRequestParser csv, FinesseXml xml, ObjectMapper json) throws JAXBException {
        this.maxBytes = maxBytes;
        this.csv = csv;
        this.xml = xml;
        this.json = json;
        this.jaxb = JAXBContext.newInstance(MessageRequest.class, MessageRequests.class);
    }

    /** Reads the file through once; throws {@link UnreadableFileException} saying what is wrong with it. */
    public void requireReadable(@ExchangeProperty(INTAKE_FILE) File file, @Header(Exchange.FILE_NAME) String name) throws IOException {
        if (file.length() > maxBytes) {
            throw new UnreadableFileException("it is " + megabytes(file.length()) + " MB; files of at most "
                    + megabytes(maxBytes) + " MB are read (intake.max-file-size-mb): split it into smaller files");
        }
        FileFormat format = FileFormat.of(name);
        try (BufferedReader reader = FileEntries.open(file)) {
            int first = firstCharacter(reader);
            if (first < 0) {
                throw new UnreadableFileException("it is empty");
            }
            String problem = format.contentProblem(first);
            if (problem != null) {
                throw new UnreadableFileException(problem);
            }
            long requests = switch (format) {
                case CSV -> csvRequests(reader);
                case XML -> xmlRequests(reader);
                case JSON -> jsonRequests(reader);
            };
            if (requests == 0) {
                throw new UnreadableFileException("it holds no request"
                        + (format == FileFormat.CSV ? " (only a header, comments or blank lines)" : ""));
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("it is not UTF-8 text; save it as UTF-8 and drop it again");
        }
    }

    /** Its entries, read as the splitter asks for them. */
    public FileEntries entries(@ExchangeProperty(INTAKE_FILE) File file, @Header(Exchange.FILE_NAME) String name) throws IOException {
        return FileEntries.of(file, FileFormat.of(name), xml, jaxb, json);
    }

    /** The request of one entry; null for a CSV line that carries none (blank, comment, header). */
    public SignoutRequest request(Exchange exchange, @ExchangeProperty("CamelSplitIndex") int index,
            @Header(Exchange.FILE_NAME) String name, @Header(Exchange.FILE_LENGTH) Long size,
            @Header(Exchange.FILE_LAST_MODIFIED) Long modified, @ExchangeProperty("intakeName") String batch) {
        Object entry = exchange.getIn().getBody();
        if (entry instanceof String line) {
            return csv.parse(line, index, name, size, modified, batch);
        }
        int position = index + 1;
        String derivedId = SignoutRequest.fileRequestId(name, size, modified, position);
        RequestSource source = RequestSource.fileLine(name, position, batch);
        MessageRequest item;
        try {
            item = entry instanceof JsonNode node ? MessageRequest.of(node, json) : (MessageRequest) entry;
        } catch (IllegalArgumentException e) {
            throw new InvalidSignoutRequestException("request " + position + ": " + e.getMessage(),
                    new MessageRequest().toRequest(derivedId, source));
        }
        return item.toRequest(derivedId, source).validated();
    }

    private long csvRequests(BufferedReader reader) throws IOException {
        long requests = 0;
        int lineNumber = 0;
        boolean contentSeen = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.indexOf('\0') >= 0) {
                throw new UnreadableFileException("it contains binary data (NUL bytes on line " + lineNumber
                        + "); expected UTF-8 CSV text");
            }
            if (CsvRequestParser.hasContent(line)) {
                // the first line with content may be a header, as the streaming read sees it
                requests += contentSeen || !CsvRequestParser.isHeader(line) ? 1 : 0;
                contentSeen = true;
            }
        }
        return requests;
    }

    private long xmlRequests(BufferedReader reader) throws IOException {
        try {
            XMLStreamReader document = xml.safeReader(reader);
            String root = document.nextTag() == XMLStreamConstants.START_ELEMENT ? document.getLocalName() : "";
            if (!root.equals("signoutRequests") && !root.equals("signoutRequest")) {
                throw new UnreadableFileException("its root element is <" + root
                        + ">; expected <signoutRequests> or <signoutRequest>");
            }
            long requests = root.equals("signoutRequest") ? 1 : 0;
            int depth = 1;
            while (document.hasNext()) {
                int event = document.next();
                if (event == XMLStreamConstants.START_ELEMENT && ++depth == 2
                        && document.getLocalName().equals("signoutRequest")) {
                    requests++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return requests;
        } catch (XMLStreamException e) {
            throw new UnreadableFileException("it is not well-formed XML (a DOCTYPE is refused): "
                    + e.getMessage().replace('\n', ' '));
        }
    }

    private long jsonRequests(BufferedReader reader) throws IOException {
        try (JsonParser parser = json.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                requireEnd(parser);
                return 1;
            }
            long requests = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new UnreadableFileException("it is not valid JSON: the array is not closed");
                }
                parser.skipChildren();
                requests++;
            }
            requireEnd(parser);
            return requests;
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException("it is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new UnreadableFileException("it is not valid JSON: more follows the first value (line "
                    + parser.currentLocation().getLineNr() + "); put several requests in one array");
        }
    }

    /** The first character that is not white space, looked at without consuming anything (lines keep their numbers). */
    private static int firstCharacter(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARACTERS);
        int c = reader.read();
        for (int read = 1; c >= 0 && Character.isWhitespace(c) && read < SNIFF_CHARACTERS; read++) {
            c = reader.read();
        }
        reader.reset();
        return c;
    }

    private static String megabytes(long bytes) {
        return String.valueOf(Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0);
    }
}
