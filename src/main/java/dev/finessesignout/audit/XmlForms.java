package dev.finessesignout.audit;

import java.time.Instant;

import dev.finessesignout.request.RequestSource;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** How the audit record's Java types appear in XML: instants in ISO-8601 (as in JSON), the source as elements. */
final class XmlForms {
    private XmlForms() {
    }

    static final class InstantForm extends XmlAdapter<String, Instant> {
        @Override
        public Instant unmarshal(String text) {
            return text == null ? null : Instant.parse(text);
        }

        @Override
        public String marshal(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    /** JAXB cannot build records: RequestSource travels as this plain form. */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Source {
        String trigger;
        String file;
        Integer line;
        String messageId;
        String schedule;
        String batch;
        String replyTo;
        String correlationId;
    }

    static final class SourceForm extends XmlAdapter<Source, RequestSource> {
        @Override
        public RequestSource unmarshal(Source form) {
            return form == null ? null
                    : new RequestSource(form.trigger, form.file, form.line, form.messageId, form.schedule, form.batch,
                            form.replyTo, form.correlationId);
        }

        @Override
        public Source marshal(RequestSource source) {
            if (source == null) {
                return null;
            }
            Source form = new Source();
            form.trigger = source.trigger();
            form.file = source.file();
            form.line = source.line();
            form.messageId = source.messageId();
            form.schedule = source.schedule();
            form.batch = source.batch();
            form.replyTo = source.replyTo();
            form.correlationId = source.correlationId();
            return form;
        }
    }
}
