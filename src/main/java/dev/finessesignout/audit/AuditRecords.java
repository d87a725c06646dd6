package dev.finessesignout.audit;

import java.time.Duration;

import dev.finessesignout.request.Display;
import dev.finessesignout.signout.Signout;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the audit record of a finished request and says it in one log line an operator can read. */
public class AuditRecords {
    private static final Logger LOG = LoggerFactory.getLogger("finesse.signout.audit");

    public AuditRecord record(@ExchangeProperty(Signout.PROPERTY) Signout signout) {
        AuditRecord record = AuditRecord.of(signout);
        String line = String.format("%s user %s (%s, request %s)%s%s: %s", record.outcome(),
                Display.quote(record.userId()), Display.quote(String.valueOf(record.source())), record.requestId(),
                selfSignout(record), timing(record), record.detail());
        if (record.outcome().isSignedOut()) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
        return record;
    }

    private static String selfSignout(AuditRecord record) {
        boolean self = record.userId() != null && record.userId().equals(record.actingAccount());
        return !self ? "" : timing(record).isEmpty() ? " with its own credentials" : " with its own credentials,";
    }

    private static String timing(AuditRecord record) {
        if (record.sentAt() == null || record.answeredAt() == null) {
            return "";
        }
        return " side " + record.finesseNode() + " answered in "
                + Duration.between(record.sentAt(), record.answeredAt()).toMillis() + " ms"
                + (record.confirmationMillis() == null ? "" : ", confirmed " + record.confirmationMillis()
                + " ms later by " + record.confirmedBy());
    }
}
