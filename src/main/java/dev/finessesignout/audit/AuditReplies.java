package dev.finessesignout.audit;

import org.apache.camel.ExchangeProperty;

/** Where a final record goes besides the audit file: the reply destination a JMS caller named, with its correlation id. */
public class AuditReplies {

    public String destination(@ExchangeProperty("auditRecord") AuditRecord record) {
        return record == null || record.source() == null ? null : record.source().replyTo();
    }

    public String correlationId(@ExchangeProperty("auditRecord") AuditRecord record) {
        return record.source().correlationId();
    }
}
