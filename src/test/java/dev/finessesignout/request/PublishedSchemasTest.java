package dev.finessesignout.request;

import java.io.File;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finessesignout.model.FinesseXml;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The XML sample is valid against the published XSD, the JSON Schema is well-formed JSON, and the bundle reads both samples. */
class PublishedSchemasTest {
    private final FileRequests files = new FileRequests(1024 * 1024, new CsvRequestParser(), new FinesseXml(),
            new ObjectMapper());

    PublishedSchemasTest() throws Exception {
    }

    @Test
    void theXmlSampleIsValidAgainstTheSchemaAndReadable() throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new File("src/main/resources/schemas/signout-requests.xsd")).newValidator()
                .validate(new StreamSource(new File("samples/end-of-shift.xml")));
        assertEquals(2, count("samples/end-of-shift.xml"));
    }

    @Test
    void theJsonSampleIsReadable() throws Exception {
        new ObjectMapper().readTree(new File("src/main/resources/schemas/signout-requests.schema.json"));
        assertEquals(2, count("samples/end-of-shift.json"));
    }

    private int count(String path) throws IOException {
        File file = new File(path);
        files.requireReadable(file, file.getName());
        int count = 0;
        try (FileEntries entries = files.entries(file, file.getName())) {
            while (entries.hasNext()) {
                entries.next();
                count++;
            }
        }
        return count;
    }
}
