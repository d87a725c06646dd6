package dev.finessesignout.request;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finessesignout.model.FinesseXml;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/**
 * The entries of a dropped file read one at a time, so that its size never matters to memory: the lines of a CSV
 * file, the {@code <signoutRequest>} elements of an XML file (each as a {@link MessageRequest}), the values of a JSON
 * array (each as a tree, checked later). The splitter closes it when it is done.
 */
public abstract class FileEntries implements Iterator<Object>, Closeable {
    private final Reader reader;
    private Object next;
    private boolean done;

    FileEntries(Reader reader) {
        this.reader = reader;
    }

    /** UTF-8 text, refusing malformed bytes instead of replacing them, without the BOM a spreadsheet may write. */
    static BufferedReader open(File file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file.toPath()),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    public static FileEntries of(File file, FileFormat format, FinesseXml xml, JAXBContext jaxb, ObjectMapper json)
            throws IOException {
        Reader reader = open(file);
        try {
            return switch (format) {
                case CSV -> new Lines(reader);
                case XML -> new XmlRequests(reader, xml, jaxb);
                case JSON -> new JsonValues(reader, json);
            };
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next entry, or null at the end. */
    protected abstract Object fetch() throws Exception;

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = fetch();
            } catch (Exception e) {
                // it was read through once before: it changed, or the disk failed (requests before this one are queued)
                throw new IllegalStateException("the file could not be read to the end: " + e.getMessage(), e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object entry = next;
        next = null;
        return entry;
    }

    @Override
    public void close() throws IOException {
        done = true;
        reader.close();
    }

    private static final class Lines extends FileEntries {
        private final BufferedReader lines;

        Lines(Reader reader) {
            super(reader);
            this.lines = (BufferedReader) reader;
        }

        private boolean contentSeen;

        /** A header is the first line with content (wherever it is), shown as a blank line so numbering stays. */
        @Override
        protected Object fetch() throws IOException {
            String line = lines.readLine();
            if (line != null && !contentSeen && CsvRequestParser.hasContent(line)) {
                contentSeen = true;
                return CsvRequestParser.isHeader(line) ? "" : line;
            }
            return line;
        }
    }

    private static final class XmlRequests extends FileEntries {
        private final XMLStreamReader xml;
        private final JAXBContext jaxb;

        XmlRequests(Reader reader, FinesseXml safeXml, JAXBContext jaxb) throws IOException {
            super(reader);
            this.jaxb = jaxb;
            try {
                this.xml = safeXml.safeReader(reader);
            } catch (XMLStreamException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }

        /** Depth of the reader's position: 1 inside the root; requests are the root or its children, as checked. */
        private int depth;

        @Override
        protected Object fetch() throws XMLStreamException, JAXBException {
            while (xml.hasNext()) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT && depth <= 1
                        && "signoutRequest".equals(xml.getLocalName())) {
                    // the unmarshaller leaves the reader just after the element
                    return jaxb.createUnmarshaller().unmarshal(xml, MessageRequest.class).getValue();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
                xml.next();
            }
            return null;
        }
    }

    private static final class JsonValues extends FileEntries {
        private final JsonParser json;
        private boolean array;

        JsonValues(Reader reader, ObjectMapper mapper) throws IOException {
            super(reader);
            this.json = mapper.createParser(reader);
            array = json.nextToken() == JsonToken.START_ARRAY;
        }

        @Override
        protected Object fetch() throws IOException {
            if (!array) {
                // a single object: it is the only entry
                Object only = json.currentToken() == null ? null : json.readValueAsTree();
                json.clearCurrentToken();
                return only;
            }
            JsonToken token = json.nextToken();
            return token == null || token == JsonToken.END_ARRAY ? null : json.readValueAsTree();
        }
    }
}
