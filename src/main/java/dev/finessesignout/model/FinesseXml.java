package dev.finessesignout.model;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * Reads and writes the Finesse model with JAXB, as tolerantly as the contract asks: element names are matched without
 * regard to case ({@code User}/{@code user}, {@code ReasonCode}/{@code reasonCode}, {@code ErrorType}/{@code errorType}),
 * namespaces are ignored, order does not matter and unknown elements are skipped. A DOCTYPE is refused, so neither
 * external entities (XXE) nor entity expansion can happen.
 */
public final class FinesseXml {
    private static final Class<?>[] ROOTS = {User.class, ApiErrors.class, SystemInfo.class, Team.class, Update.class};
    private static final String PUBSUB_EVENT_NS = "http://jabber.org/protocol/pubsub#event";

    private final JAXBContext context;
    private final Map<String, String> canonicalNames = new HashMap<>();
    private final XMLInputFactory inputFactory;

    public FinesseXml() {
        try {
            context = JAXBContext.newInstance(ROOTS);
        } catch (JAXBException e) {
            throw new IllegalStateException("Finesse JAXB model is broken", e);
        }
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> root : ROOTS) {
            collectNames(root, seen);
        }
        inputFactory = XMLInputFactory.newFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputFactory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    /** Reads {@code xml} as {@code type}, whatever the spelling of its root element. */
    public <T> T read(String xml, Class<T> type) {
        XMLStreamReader reader = null;
        try {
            reader = new CaseFoldingReader(inputFactory.createXMLStreamReader(new StringReader(xml)));
            return context.createUnmarshaller().unmarshal(reader, type).getValue();
        } catch (JAXBException | XMLStreamException | RuntimeException e) {
            throw new FinesseXmlException("Not a readable Finesse " + type.getSimpleName() + ": " + rootCause(e), e);
        } finally {
            close(reader);
        }
    }

    /**
     * Reads an XMPP {@code <message>} carrying a pubsub event, with the Update in either documented form: XML-escaped
     * text inside {@code <notification>}, or child elements. Returns null for any other message (chat, normal
     * message, an event without a notification). Whitespace or other content around the payload does not matter.
     */
    public Notification readNotification(String messageXml) {
        XMLStreamReader raw = null;
        try {
            raw = inputFactory.createXMLStreamReader(new StringReader(messageXml));
            String from = null;
            String node = null;
            boolean inEvent = false;
            while (raw.hasNext()) {
                int event = raw.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("DOCTYPE and entity references are not allowed in a notification");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = raw.getLocalName();
                if ("message".equals(name)) {
                    from = raw.getAttributeValue(null, "from");
                } else if ("event".equals(name) && PUBSUB_EVENT_NS.equals(raw.getNamespaceURI())) {
                    inEvent = true;
                } else if (inEvent && "items".equals(name)) {
                    node = raw.getAttributeValue(null, "node");
                } else if (inEvent && "notification".equalsIgnoreCase(name)) {
                    Update update = readPayload(raw);
                    return update == null ? null : new Notification(from, node, update);
                }
            }
            return null;
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            throw new FinesseXmlException("Not a readable Finesse notification: " + rootCause(e), e);
        } finally {
            close(raw);
        }
    }

    /** At {@code <notification>}: the Update as child elements, or as escaped text parsed on its own. */
    private Update readPayload(XMLStreamReader raw) throws XMLStreamException, JAXBException {
        StringBuilder text = new StringBuilder();
        while (raw.hasNext()) {
            int event = raw.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return context.createUnmarshaller().unmarshal(new CaseFoldingReader(raw), Update.class).getValue();
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(raw.getText());
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return text.toString().isBlank() ? null : read(text.toString().strip(), Update.class);
    }

    public String write(Object model) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            StringWriter out = new StringWriter();
            marshaller.marshal(model, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new FinesseXmlException("Cannot write " + model.getClass().getSimpleName(), e);
        }
    }

    private void collectNames(Class<?> type, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        XmlRootElement root = type.getAnnotation(XmlRootElement.class);
        if (root != null) {
            addName(root.name());
        }
        for (Field field : type.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(XmlTransient.class)) {
                continue;
            }
            XmlElement element = field.getAnnotation(XmlElement.class);
            addName(element != null && !"##default".equals(element.name()) ? element.name() : field.getName());
            XmlElementWrapper wrapper = field.getAnnotation(XmlElementWrapper.class);
            if (wrapper != null) {
                addName(wrapper.name());
            }
            Class<?> valueType = field.getType();
            if (field.getGenericType() instanceof ParameterizedType list) {
                valueType = (Class<?>) list.getActualTypeArguments()[0];
            }
            if (valueType.getPackage() == FinesseXml.class.getPackage()) {
                collectNames(valueType, seen);
            }
        }
    }

    private void addName(String name) {
        canonicalNames.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void close(XMLStreamReader reader) {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }

    /** Presents every element in the model's own spelling and without namespace; refuses DOCTYPEs. */
    private final class CaseFoldingReader extends StreamReaderDelegate {
        CaseFoldingReader(XMLStreamReader reader) throws XMLStreamException {
            super(reader);
            refuseDtd(reader.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            return refuseDtd(super.next());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            return refuseDtd(super.nextTag());
        }

        private int refuseDtd(int event) throws XMLStreamException {
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("DOCTYPE and entity references are not allowed in Finesse XML");
            }
            return event;
        }

        @Override
        public String getLocalName() {
            String name = super.getLocalName();
            return canonicalNames.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        }

        @Override
        public javax.xml.namespace.QName getName() {
            return new javax.xml.namespace.QName(getLocalName());
        }

        @Override
        public String getNamespaceURI() {
            return "";
        }

        @Override
        public String getPrefix() {
            return "";
        }
    }
}
