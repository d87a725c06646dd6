package dev.finessesignout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.finessesignout.audit.AuditRecords;
import dev.finessesignout.audit.BatchSummaries;
import dev.finessesignout.audit.ResultFiles;
import dev.finessesignout.broker.EmbeddedBroker;
import dev.finessesignout.confirm.AwaitedUsers;
import dev.finessesignout.confirm.Confirmations;
import dev.finessesignout.confirm.ListenerStartup;
import dev.finessesignout.confirm.NotificationEvidence;
import dev.finessesignout.confirm.NotificationSession;
import dev.finessesignout.confirm.XmppConnections;
import dev.finessesignout.model.FinesseXml;
import dev.finessesignout.request.CsvRequestParser;
import dev.finessesignout.request.FileRequests;
import dev.finessesignout.request.ProcessedFiles;
import dev.finessesignout.request.RequestRules;
import dev.finessesignout.schedule.ScheduleRuns;
import dev.finessesignout.signout.CredentialsGuard;
import dev.finessesignout.signout.FinesseAccounts;
import dev.finessesignout.signout.FinesseAnswers;
import dev.finessesignout.signout.FinesseSideCheck;
import dev.finessesignout.signout.FinesseSides;
import dev.finessesignout.signout.OnCallPolicy;
import dev.finessesignout.signout.SelfSignoutPasswords;
import dev.finessesignout.signout.SignoutSteps;
import dev.finessesignout.simulator.ExternalXmpp;
import dev.finessesignout.simulator.FinesseSimulator;
import dev.finessesignout.simulator.SimulatorPasswords;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.leveldb.LevelDBAggregationRepository;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every bean of the bundle, made from application.properties. */
public class FinesseSignoutConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(FinesseSignoutConfiguration.class);
    private static final int FINESSE_LOCKOUT_ATTEMPTS = 5;
    private static final int RECOVERY_ATTEMPTS = 10;
    private final FinesseXml finesseXml = new FinesseXml();
    private final CredentialsGuard credentialsGuard = new CredentialsGuard();

    @PropertyInject("broker.embedded")
    private boolean embeddedBroker;
    @PropertyInject("broker.data-dir")
    private String brokerDataDir;
    @PropertyInject(value = "broker.tcp-url", defaultValue = "")
    private String brokerTcpUrl;
    @PropertyInject("broker.duplicate-id-cache-size")
    private int duplicateIdCacheSize;
    @PropertyInject("broker.max-delivery-attempts")
    private int maxDeliveryAttempts;
    @PropertyInject("broker.max-queue-memory-mb")
    private int maxQueueMemoryMb;
    @PropertyInject("intake.dir")
    private String intakeDir;
    @PropertyInject("signout.max-in-flight")
    private int maxInFlight;
    @PropertyInject("audit.dir")
    private String auditDir;
    @PropertyInject("confirm.state-dir")
    private String stateDir;
    @PropertyInject("finesse.username")
    private String username;
    @PropertyInject("finesse.password")
    private String password;
    @PropertyInject(value = "signout.self.users", defaultValue = "")
    private String selfSignoutUsers;
    @PropertyInject(value = "signout.self.not-ready-first", defaultValue = "false")
    private boolean notReadyFirst;
    @PropertyInject("finesse.side-a.xmpp-host")
    private String sideAXmppHost;
    @PropertyInject("finesse.side-a.xmpp-port")
    private int sideAXmppPort;
    @PropertyInject("finesse.side-b.xmpp-host")
    private String sideBXmppHost;
    @PropertyInject("finesse.side-b.xmpp-port")
    private int sideBXmppPort;
    @PropertyInject("finesse.xmpp.tls")
    private String xmppTls;
    @PropertyInject(value = "finesse.tls.trust-all", defaultValue = "false")
    private boolean trustAll;
    @PropertyInject("confirm.listener.failover-after")
    private long failoverAfterMillis;
    @PropertyInject("finesse.xmpp.domain")
    private String xmppDomain;
    @PropertyInject("finesse.xmpp.resource")
    private String xmppResource;
    @PropertyInject("finesse.xmpp.tls-protocols")
    private String xmppTlsProtocols;
    @PropertyInject("finesse.xmpp.ping-seconds")
    private int pingSeconds;
    @PropertyInject(value = "confirm.listener.teams", defaultValue = "")
    private String listenerTeams;
    @PropertyInject("confirm.listener.enabled")
    private boolean listenerEnabled;
    @PropertyInject("confirm.listener.startup-wait")
    private long listenerStartupWaitMillis;
    @PropertyInject("confirm.clock-tolerance")
    private long clockToleranceMillis;
    @PropertyInject("confirm.notification-wait")
    private long notificationWaitMillis;
    @PropertyInject("confirm.pending-wait")
    private long pendingWaitMillis;
    @PropertyInject("audit.dedupe-size")
    private int auditDedupeSize;
    @PropertyInject("intake.max-file-size-mb")
    private long maxFileSizeMb;
    @PropertyInject("schedule.dir")
    private String scheduleDir;

    @PropertyInject("simulator.enabled")
    private boolean simulatorEnabled;
    @PropertyInject("simulator.setup-file")
    private String simulatorSetupFile;
    @PropertyInject("simulator.host")
    private String simulatorHost;
    @PropertyInject("simulator.side-a.http-port")
    private int sideAHttpPort;
    @PropertyInject("simulator.side-a.https-port")
    private int sideAHttpsPort;
    @PropertyInject("simulator.side-b.http-port")
    private int sideBHttpPort;
    @PropertyInject("simulator.side-b.https-port")
    private int sideBHttpsPort;
    @PropertyInject("simulator.admin-port")
    private int simulatorAdminPort;
    @PropertyInject("simulator.side-a.xmpp-port")
    private int simulatorSideAXmppPort;
    @PropertyInject("simulator.side-b.xmpp-port")
    private int simulatorSideBXmppPort;
    @PropertyInject(value = "simulator.xmpp.server", defaultValue = "embedded")
    private String simulatorXmppServer;
    @PropertyInject(value = "simulator.side-a.xmpp-host", defaultValue = "127.0.0.1")
    private String simulatorSideAXmppHost;
    @PropertyInject(value = "simulator.side-b.xmpp-host", defaultValue = "127.0.0.1")
    private String simulatorSideBXmppHost;
    @PropertyInject(value = "simulator.xmpp.publisher", defaultValue = "")
    private String simulatorXmppPublisher;
    @PropertyInject(value = "simulator.xmpp.publisher.password", defaultValue = "")
    private String simulatorXmppPublisherPassword;
    @PropertyInject(value = "simulator.xmpp.tls", defaultValue = "starttls")
    private String simulatorXmppTls;
    @PropertyInject(value = "simulator.xmpp.trust-store", defaultValue = "")
    private String simulatorXmppTrustStore;
    @PropertyInject(value = "simulator.xmpp.trust-store-password", defaultValue = "")
    private String simulatorXmppTrustStorePassword;
    @PropertyInject("simulator.trust-store")
    private String simulatorTrustStore;
    @PropertyInject("simulator.trust-store-password")
    private String simulatorTrustStorePassword;

    @Override
    public void configure(CamelContext context) throws Exception {
        // services start before the routes and stop after them, in this order
        if (embeddedBroker) {
            context.addService(new EmbeddedBroker(Path.of(brokerDataDir), brokerTcpUrl, duplicateIdCacheSize,
                    maxDeliveryAttempts, maxQueueMemoryMb * 1024L * 1024L), true, true);
        }
        FinesseSimulator simulator = null;
        if (simulatorEnabled) {
            simulator = new FinesseSimulator(Path.of(simulatorSetupFile), simulatorHost,
                    new FinesseSimulator.Ports(sideAHttpPort, sideAHttpsPort, sideBHttpPort, sideBHttpsPort,
                            simulatorAdminPort, simulatorSideAXmppPort, simulatorSideBXmppPort),
                    Path.of(simulatorTrustStore), simulatorTrustStorePassword,
                    ExternalXmpp.of(simulatorXmppServer, simulatorSideAXmppHost, simulatorSideBXmppHost,
                            simulatorXmppPublisher, simulatorXmppPublisherPassword, simulatorXmppTls,
                            simulatorXmppTrustStore, simulatorXmppTrustStorePassword));
            simulator.init(); // its trust store must exist before the HTTPS endpoints are created
            context.addService(simulator, true, true);
        }
        // the sandbox's password reference {{simulator-password:<id>}}; it refuses to resolve without the simulator
        context.getPropertiesComponent().addPropertiesFunction(new SimulatorPasswords(simulator));
        accounts(context);
        FinesseTrust trust = trust(context);
        confirmation(context, trust);
        if (maxInFlight >= FINESSE_LOCKOUT_ATTEMPTS) {
            LOG.warn("signout.max-in-flight is {}: if the service password is wrong, that many requests reach Finesse "
                    + "before the first 401 stops the others, and {} wrong passwords lock the account", maxInFlight,
                    FINESSE_LOCKOUT_ATTEMPTS);
        }
        LOG.info("Sign-out requests: drop CSV files into {}; audit records go to {}", Path.of(intakeDir, "inbox")
                .toAbsolutePath(), Path.of(auditDir, "audit-<date>.jsonl").toAbsolutePath());
    }

    /**
     * The accounts every Finesse call is made with (the service account, and the users who sign themselves out, whose
     * password references are resolved now, so that a missing one stops the start), and the answers' reader that
     * names them. The http and https components take their credentials from finesseAccounts.
     */
    private void accounts(CamelContext context) {
        FinesseAccounts accounts = new FinesseAccounts(username, password,
                SelfSignoutPasswords.resolve(context, selfSignoutUsers));
        context.getRegistry().bind("finesseAccounts", accounts);
        context.getRegistry().bind("finesseAnswers", new FinesseAnswers(finesseXml, credentialsGuard, accounts,
                notReadyFirst));
        if (!accounts.selfSignoutUsers().isEmpty()) {
            LOG.info("Self sign-out: requests for {} are sent with the user's own credentials (every other request "
                    + "with the service account {}); an agent among them who is READY is {}", accounts.selfSignoutUsers(),
                    username, notReadyFirst ? "set NOT_READY first" : "not signed out (Finesse refuses it)");
        }
    }

    /**
     * The confirmation side, made here because it needs the trust store (which the simulator writes first): the
     * listener's XMPP connection settings, its session keeper, the persistent repositories of the two aggregators
     * (requests awaiting proof, batches awaiting their last outcome) and the beans around them.
     */
    private void confirmation(CamelContext context, FinesseTrust trust) throws Exception {
        XmppConnections connections = new XmppConnections(trust, xmppTls, xmppDomain, username, password, xmppResource,
                xmppTlsProtocols);
        XMPPTCPConnectionConfiguration sideA = connections.forNode(sideAXmppHost, sideAXmppPort);
        XMPPTCPConnectionConfiguration sideB = connections.forNode(sideBXmppHost, sideBXmppPort);
        var routes = context.getRouteController();
        NotificationSession session = new NotificationSession(Map.of(sideA, FinesseSides.A, sideB, FinesseSides.B),
                new NotificationSession.ListenerRoutes() {
                    @Override
                    public void start(String side) throws Exception {
                        routes.startRoute("notification-listener-" + side);
                    }

                    @Override
                    public void stop(String side) throws Exception {
                        routes.stopRoute("notification-listener-" + side);
                    }
                }, "pubsub." + xmppDomain, pingSeconds, credentialsGuard, username);
        ProducerTemplate template = context.createProducerTemplate();
        session.supervisedTeams(watchedTeams(template));
        context.getManagementStrategy().addEventNotifier(session);
        FinesseSides sides = new FinesseSides();
        if (listenerEnabled) {
            session.startOn(sides::active);
            sides.onMove(session::listenOn);
        }

        Files.createDirectories(Path.of(stateDir));
        LevelDBAggregationRepository awaiting = repository("confirmations", "direct:confirmation-dead-letter");
        AwaitedUsers awaited = new AwaitedUsers(awaiting, context);
        var registry = context.getRegistry();
        registry.bind("finesseXmppConnectionA", sideA);
        registry.bind("finesseXmppConnectionB", sideB);
        registry.bind("notificationSession", session);
        registry.bind("finesseSides", sides);
        registry.bind("finesseSideCheck", new FinesseSideCheck(sides, template, session::listeningSide, session::notListeningFor,
                () -> credentialsGuard.isRefused(username), Duration.ofMillis(failoverAfterMillis)));
        // nothing to wait for once Finesse refused the service account: the listener will not log in
        registry.bind("listenerStartup", new ListenerStartup(
                () -> session.isListening() || credentialsGuard.isRefused(username),
                listenerEnabled ? listenerStartupWaitMillis : 0));
        registry.bind("confirmationRepository", awaiting);
        registry.bind("batchRepository", repository("batches",
                "log:finesse.signout.batch-summary?level=ERROR&showBody=false"));
        registry.bind("awaitedUsers", awaited);
        // completions (some poll Finesse, with retries) run here, never on the listener's or time-out checker's thread
        registry.bind("confirmationCompletions", context.getExecutorServiceManager().newThreadPool(this,
                "confirmations", new ThreadPoolProfileBuilder("confirmations").poolSize(4).maxPoolSize(4)
                        .maxQueueSize(-1).build()));
        // one final record per request, even when a completion is replayed after a crash
        registry.bind("auditedRequests", idempotentRepository("audited-requests.txt", auditDedupeSize));
        // each request id queued once, each dropped file processed once
        registry.bind("queuedRequests", idempotentRepository("queued-requests.txt", duplicateIdCacheSize));
        RecentIds processedFiles = idempotentRepository("processed-files.txt", duplicateIdCacheSize);
        context.addService(processedFiles, true, true); // no EIP starts it: loaded from its file at start
        registry.bind("processedFiles", new ProcessedFiles(processedFiles));
        registry.bind("notificationEvidence", new NotificationEvidence(finesseXml, "pubsub." + xmppDomain, awaited));
        registry.bind("confirmations", new Confirmations(Duration.ofMillis(clockToleranceMillis),
                Duration.ofMillis(notificationWaitMillis), Duration.ofMillis(pendingWaitMillis), session, finesseXml));
    }

    /**
     * Trust in Finesse's certificates for HTTPS and XMPP: finesseTls's trust store with host names checked, or with
     * finesse.tls.trust-all nothing at all, said loudly. The https component checks host names with
     * finesseHostnames (camel.component.https.x509-hostname-verifier).
     */
    private FinesseTrust trust(CamelContext context) throws Exception {
        SSLContextParameters tls = context.getRegistry().lookupByNameAndType("finesseTls", SSLContextParameters.class);
        TrustManagersParameters store = tls.getTrustManagers();
        if (store != null) {
            store.setCamelContext(context);
            store.getKeyStore().setCamelContext(context);
        }
        FinesseTrust trust = FinesseTrust.of(store == null ? null : store.createTrustManagers(), trustAll);
        if (trustAll) {
            TrustManagersParameters everything = new TrustManagersParameters();
            everything.setTrustManager(trust.trustManager());
            tls.setTrustManagers(everything);
            LOG.warn("""

                    ***************************************************************************************
                    *  TLS VERIFICATION IS OFF (finesse.tls.trust-all=true)
                    *  Every certificate and host name is accepted for Finesse's HTTPS and XMPP services:
                    *  anyone on the way can pose as Finesse and receive the service account's password.
                    *  For a lab only. Name a trust store (finesse.tls.trust-store) and set it to false.
                    ***************************************************************************************""");
        }
        context.getRegistry().bind("finesseHostnames", trust.hostnameVerifier());
        return trust;
    }

    /** The supervised teams from GET User, narrowed to confirm.listener.teams when that is set. */
    private Supplier<List<String>> watchedTeams(ProducerTemplate template) {
        List<String> only = Arrays.stream(listenerTeams.split("\\s*,\\s*")).filter(team -> !team.isBlank()).toList();
        return () -> {
            @SuppressWarnings("unchecked")
            List<String> supervised = template.requestBody("direct:finesse-supervised-teams", null, List.class);
            return only.isEmpty() ? supervised : supervised.stream().filter(only::contains).toList();
        };
    }

    private RecentIds idempotentRepository(String file, int size) {
        return new RecentIds(Path.of(stateDir, file).toFile(), size);
    }

    /**
     * A LevelDB aggregation repository in confirm.state-dir, written synchronously (as durable as the broker's
     * journal), whose completions that keep failing (the audit disk is full...) are retried, then handed over.
     */
    private LevelDBAggregationRepository repository(String name, String deadLetterUri) {
        LevelDBAggregationRepository repository = new LevelDBAggregationRepository(name,
                Path.of(stateDir, name + ".leveldb").toString());
        repository.setSync(true);
        repository.setMaximumRedeliveries(RECOVERY_ATTEMPTS);
        repository.setDeadLetterUri(deadLetterUri);
        return repository;
    }

    @BindToRegistry
    public dev.finessesignout.audit.AuditReplies auditReplies() {
        return new dev.finessesignout.audit.AuditReplies();
    }

    @BindToRegistry
    public BatchSummaries batchSummaries() {
        return new BatchSummaries(Path.of(intakeDir, "done"), Path.of(scheduleDir));
    }

    @BindToRegistry
    public OnCallPolicy onCallPolicy(@PropertyInject("schedule.defer-check-interval") long checkIntervalMillis) {
        return new OnCallPolicy(finesseXml, checkIntervalMillis);
    }

    @BindToRegistry
    public ScheduleRuns scheduleRuns() {
        return new ScheduleRuns();
    }

    @BindToRegistry
    public ResultFiles resultFiles() {
        return new ResultFiles();
    }

    @BindToRegistry
    public FileRequests fileRequests() throws Exception {
        return new FileRequests(maxFileSizeMb * 1024 * 1024, csvRequestParser(), finesseXml, objectMapper());
    }

    @BindToRegistry(destroyMethod = "stop")
    public ConnectionFactory jmsConnectionFactory(@PropertyInject("jms.broker-url") String url,
            @PropertyInject(value = "jms.username", defaultValue = "") String username,
            @PropertyInject(value = "jms.password", defaultValue = "") String password,
            @PropertyInject("jms.max-connections") int maxConnections) {
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(new ActiveMQConnectionFactory(url, blankToNull(username), blankToNull(password)));
        pool.setMaxConnections(maxConnections);
        return pool;
    }

    /** Trust for Finesse's HTTPS port: the configured trust store, or the JVM's default trust when none is set. */
    @BindToRegistry
    public SSLContextParameters finesseTls(@PropertyInject(value = "finesse.tls.trust-store", defaultValue = "") String path,
            @PropertyInject(value = "finesse.tls.trust-store-password", defaultValue = "") String password,
            @PropertyInject(value = "finesse.tls.trust-store-type", defaultValue = "PKCS12") String type) {
        SSLContextParameters tls = new SSLContextParameters();
        if (!path.isBlank()) {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource(path.contains(":") ? path : "file:" + path);
            store.setPassword(password);
            store.setType(type);
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            tls.setTrustManagers(trust);
        }
        return tls;
    }

    /** Used by every Jackson data format of the routes (autoDiscoverObjectMapper): ISO-8601 times. */
    @BindToRegistry
    public ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @BindToRegistry
    public FinesseXml finesseXml() {
        return finesseXml;
    }

    @BindToRegistry
    public CredentialsGuard credentialsGuard() {
        return credentialsGuard;
    }

    @BindToRegistry
    public dev.finessesignout.request.MessageRequestParser messageRequestParser() throws Exception {
        return new dev.finessesignout.request.MessageRequestParser(objectMapper(), finesseXml);
    }

    @BindToRegistry
    public CsvRequestParser csvRequestParser() {
        return new CsvRequestParser();
    }

    @BindToRegistry
    public SignoutSteps signoutSteps(
            @PropertyInject(value = "signout.self.not-ready-reason-code-id", defaultValue = "") String reasonCodeId) {
        String problem = reasonCodeId.isBlank() ? null : RequestRules.reasonCodeIdProblem(reasonCodeId.strip());
        if (problem != null) {
            throw new IllegalArgumentException("signout.self.not-ready-reason-code-id: " + problem);
        }
        return new SignoutSteps(blankToNull(reasonCodeId.strip()));
    }

    @BindToRegistry
    public AuditRecords auditRecords() {
        return new AuditRecords();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
