package dev.finessesignout.model;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
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

    /** A reader of {@code xml} that refuses any DOCTYPE or entity reference (no XXE, no entity expansion). */
    public XMLStreamReader safeReader(String xml) throws XMLStreamException {
        return safeReader(new StringReader(xml));
    }

    /** The same for a document read as it streams in (a dropped file). */
    public XMLStreamReader safeReader(java.io.Reader xml) throws XMLStreamException {
        return new RefusingDtd(inputFactory.createXMLStreamReader(xml));
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
     * Reads an XMPP {@code <message>} carrying a pubsub event, with each Update in either documented form: XML-escaped
     * text inside {@code <notification>}, or child elements. Only the message's own {@code from} and a pubsub
     * {@code <event>} directly under it count (a message forwarded inside another cannot pass for one); an error
     * message, a chat or an event without notifications gives an empty list. One Notification per item.
     */
    public List<Notification> readNotifications(String messageXml) {
        XMLStreamReader raw = null;
        try {
            raw = inputFactory.createXMLStreamReader(new StringReader(messageXml));
            List<Notification> notifications = new ArrayList<>();
            String from = null;
            String node = null;
            int depth = 0;
            boolean inEvent = false;
            while (raw.hasNext()) {
                int event = refuseEntities(raw.next());
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    inEvent = inEvent && depth >= 2;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String name = raw.getLocalName();
                if (depth == 1) {
                    if (!"message".equals(name) || "error".equals(raw.getAttributeValue(null, "type"))) {
                        return List.of();
                    }
                    from = raw.getAttributeValue(null, "from");
                } else if (depth == 2 && "event".equals(name) && PUBSUB_EVENT_NS.equals(raw.getNamespaceURI())) {
                    inEvent = true;
                } else if (inEvent && depth == 3 && "items".equals(name)) {
                    node = raw.getAttributeValue(null, "node");
                } else if (inEvent && depth == 5 && "notification".equalsIgnoreCase(name)) {
                    Update update = readPayload(raw);
                    depth--; // readPayload consumed the notification's end
                    if (update != null) {
                        notifications.add(new Notification(from, node, update));
                    }
                }
            }
            return notifications;
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            throw new FinesseXmlException("Not a readable Finesse notification: " + rootCause(e), e);
        } finally {
            close(raw);
        }
    }

    /** The first notification of a message, or null when it carries none. */
    public Notification readNotification(String messageXml) {
        List<Notification> notifications = readNotifications(messageXml);
        return notifications.isEmpty() ? null : notifications.get(0);
    }

    /** At {@code <notification>}: the Update as child elements, or as escaped text parsed on its own. */
    private Update readPayload(XMLStreamReader raw) throws XMLStreamException, JAXBException {
        StringBuilder text = new StringBuilder();
        Update update = null;
        int depth = 0;
        while (raw.hasNext()) {
            int event = refuseEntities(raw.next());
            if (event == XMLStreamConstants.START_ELEMENT && depth == 0 && update == null) {
                update = context.createUnmarshaller().unmarshal(new CaseFoldingReader(raw), Update.class).getValue();
                // JAXB stops on the token after </Update>: that may already be </notification>
                if (raw.getEventType() == XMLStreamConstants.END_ELEMENT
                        && "notification".equalsIgnoreCase(raw.getLocalName())) {
                    break;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(raw.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                break;
            }
        }
        if (update != null) {
            return update;
        }
        return text.toString().isBlank() ? null : read(text.toString().strip(), Update.class);
    }

    private static int refuseEntities(int event) throws XMLStreamException {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("DOCTYPE and entity references are not allowed in a notification");
        }
        return event;
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

    /** Refuses DOCTYPEs and entity references as they come. */
    private static class RefusingDtd extends StreamReaderDelegate {
        RefusingDtd(XMLStreamReader reader) throws XMLStreamException {
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

        private static int refuseDtd(int event) throws XMLStreamException {
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("DOCTYPE and entity references are not allowed");
            }
            return event;
        }
    }

    /** Presents every element in the model's own spelling and without namespace; refuses DOCTYPEs. */
    private final class CaseFoldingReader extends RefusingDtd {
        CaseFoldingReader(XMLStreamReader reader) throws XMLStreamException {
            super(reader);
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
