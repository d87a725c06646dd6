package dev.finessesignout.broker;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default JMS broker: ActiveMQ Artemis inside this JVM, persistent in its own folder, reachable in-VM and, when a
 * TCP URL is configured, on that address (keep it on loopback unless other systems must send requests).
 */
public class EmbeddedBroker extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path dataDir;
    private final String tcpAcceptorUrl;
    private final int duplicateIdCacheSize;
    private final int maxDeliveryAttempts;
    private final long maxQueueMemoryBytes;
    private EmbeddedActiveMQ broker;

    public EmbeddedBroker(Path dataDir, String tcpAcceptorUrl, int duplicateIdCacheSize, int maxDeliveryAttempts,
            long maxQueueMemoryBytes) {
        this.dataDir = dataDir;
        this.tcpAcceptorUrl = tcpAcceptorUrl;
        this.duplicateIdCacheSize = duplicateIdCacheSize;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.maxQueueMemoryBytes = maxQueueMemoryBytes;
    }

    @Override
    protected void doStart() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("finesse-signout")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                // request ids already queued are remembered across restarts: a file read twice is queued once
                .setIDCacheSize(duplicateIdCacheSize)
                .setPersistIDCache(true)
                .addAcceptorConfiguration("in-vm", "vm://0");
        if (tcpAcceptorUrl != null && !tcpAcceptorUrl.isBlank()) {
            config.addAcceptorConfiguration("tcp", tcpAcceptorUrl);
        }
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                // a big backlog (a 100,000-line file) pages to disk instead of filling the heap
                .setMaxSizeBytes(maxQueueMemoryBytes)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        LOG.info("Embedded ActiveMQ Artemis broker started, data in {}{}", dataDir.toAbsolutePath(),
                tcpAcceptorUrl == null || tcpAcceptorUrl.isBlank() ? " (in-VM only)" : ", also on " + tcpAcceptorUrl);
    }

    @Override
    protected void doStop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }
}
