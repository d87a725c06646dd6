package dev.finessesignout;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Everything logged in this JVM from the moment it is attached: messages and stack traces, as text. */
final class CapturedLog extends AbstractAppender {
    private final StringBuffer text = new StringBuffer();

    private CapturedLog() {
        super("captured", null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturedLog attach() {
        CapturedLog log = new CapturedLog();
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(log, null, null);
        // an additive logger hands its events to the root's appenders already: attached there too, each would be twice
        context.getConfiguration().getLoggers().values().stream().filter(logger -> !logger.isAdditive()
                && logger != context.getConfiguration().getRootLogger()).forEach(logger -> logger.addAppender(log, null,
                null));
        context.updateLoggers();
        return log;
    }

    @Override
    public void append(LogEvent event) {
        text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage()).append('\n');
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
    }

    String text() {
        return text.toString();
    }
}
