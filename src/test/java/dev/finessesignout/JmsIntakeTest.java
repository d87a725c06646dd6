package dev.finessesignout;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests sent as JMS messages to the request queue, as an enterprise service bus would: JSON or XML, one or a
 * batch; bad requests audited next to good ones; messages without a usable request in the dead letter queue.
 */
class JmsIntakeTest extends SignoutTestSupport {

    @Override
    protected void overrideProperties(java.util.Properties properties) {
        properties.put("audit.topic.enabled", "true");
    }

    private static final CapturedLog LOG = CapturedLog.attach();
    private static final String QUEUE = "jms:queue:finesse.signout.intake";
    private static final String DEAD_LETTERS = "jms:queue:finesse.signout.intake.DLQ";

    @Test
    void oneJsonRequestAndAJsonBatch() {
        send("{\"userId\": \"1001\", \"requestId\": \"esb-1\"}");
        send("[{\"userId\": \"1002\"}, {\"userId\": 1004, \"reasonCodeId\": \"12\"}]");
        List<JsonNode> records = awaitAudit(3);
        assertEquals("esb-1", recordOf(records, "1001").path("requestId").asText());
        for (String user : List.of("1001", "1002", "1004")) {
            JsonNode record = recordOf(records, user);
            assertEquals("CONFIRMED", record.path("outcome").asText(), record.toString());
            assertEquals("jms", record.path("source").path("trigger").asText());
            assertTrue(record.path("source").hasNonNull("messageId"), record.toString());
        }
        assertEquals(2, recordOf(records, "1004").path("source").path("line").asInt(), "its place in the batch");
    }

    @Test
    void oneXmlRequestAndAnXmlBatchWithABadRequestInIt() {
        send("<signoutRequest><userId>1005</userId><reasonCodeId>12</reasonCodeId></signoutRequest>");
        send("<signoutRequests><signoutRequest><userId>1007</userId></signoutRequest>"
                + "<signoutRequest><userId>../1008</userId></signoutRequest></signoutRequests>");
        List<JsonNode> records = awaitAudit(3);
        assertEquals("CONFIRMED", recordOf(records, "1005").path("outcome").asText());
        assertEquals("12", recordOf(records, "1005").path("reasonCodeId").asText());
        assertEquals("CONFIRMED", recordOf(records, "1007").path("outcome").asText());
        assertEquals("INVALID_REQUEST", recordOf(records, "../1008").path("outcome").asText());
        assertEquals(0, SIMULATOR.signOutCalls("1008"));
    }

    @Test
    void messagesWithoutAUsableRequestGoToTheDeadLetterQueueWithTheReason() {
        Map<String, String> poison = Map.of(
                "", "no body",
                "userId=1001", "neither JSON nor XML",
                "{\"userId\": [\"1001\"]}", "must be a string",
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><signoutRequest><userId>&e;</userId></signoutRequest>",
                "DOCTYPE and entity references are not allowed",
                "<order><id>1</id></order>", "unexpected element",
                "<!DOCTYPE signoutRequest><signoutRequest><userId>1001</userId></signoutRequest>",
                "DOCTYPE and entity references are not allowed");
        poison.keySet().forEach(this::send);
        ConsumerTemplate consumer = context.createConsumerTemplate();
        for (int i = 0; i < poison.size(); i++) {
            Exchange dead = consumer.receive(DEAD_LETTERS, 30_000);
            assertNotNull(dead, "message " + (i + 1) + " of " + poison.size() + " in the dead letter queue");
            String body = dead.getMessage().getBody(String.class);
            String reason = dead.getMessage().getHeader("finesseSignoutError", String.class);
            String expected = poison.get(body == null ? "" : body);
            assertNotNull(expected, "the original body is kept: " + body);
            assertTrue(reason.contains(expected), reason);
        }
        List<JsonNode> records = awaitAudit(poison.size());
        records.forEach(r -> assertEquals("INVALID_REQUEST", r.path("outcome").asText(), r.toString()));
        records.forEach(r -> assertEquals("jms", r.path("source").path("trigger").asText(), r.toString()));
        send("{\"userId\": \"1009\"}");
        assertEquals("CONFIRMED", recordOf(awaitAudit(poison.size() + 1), "1009").path("outcome").asText(),
                "the queue goes on");
    }

    @Test
    void aCallerThatNamesAReplyQueueGetsTheFinalRecordWithItsCorrelationIdAndTheTopicGetsItToo() throws Exception {
        ConsumerTemplate consumer = context.createConsumerTemplate();
        var onTopic = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> consumer.receive("jms:topic:finesse.signout.audit", 30_000));
        pause(1000); // the topic subscription is up
        template.sendBodyAndHeader(QUEUE + "?replyTo=esb.replies&exchangePattern=InOnly&preserveMessageQos=true",
                "{\"userId\": \"1010\"}", "JMSCorrelationID", "esb-corr-7");
        Exchange reply = consumer.receive("jms:queue:esb.replies", 30_000);
        assertNotNull(reply, "the final record came back");
        assertEquals("esb-corr-7", reply.getMessage().getHeader("JMSCorrelationID"));
        JsonNode record = JSON.readTree(reply.getMessage().getBody(String.class));
        assertEquals("1010", record.path("userId").asText());
        assertEquals("CONFIRMED", record.path("outcome").asText(), "sent once the outcome is final: " + record);
        Exchange published = onTopic.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(published, "the record was published on the audit topic");
        assertEquals(record.path("requestId").asText(),
                JSON.readTree(published.getMessage().getBody(String.class)).path("requestId").asText());
    }

    @Test
    void aMessageOfAnotherKindGoesToTheDeadLetterQueue() {
        template.sendBody(QUEUE, new java.util.HashMap<>(Map.of("userId", "1012")));
        Exchange dead = context.createConsumerTemplate().receive(DEAD_LETTERS, 30_000);
        assertNotNull(dead, "a map message is dead-lettered, not redelivered forever");
        assertTrue(dead.getMessage().getHeader("finesseSignoutError", String.class).contains("expected a text or bytes"));
        assertEquals("INVALID_REQUEST", awaitAudit(1).get(0).path("outcome").asText());
        assertEquals(0, SIMULATOR.signOutCalls("1012"));
    }

    @Test
    void theSameRequestIdDeliveredTwiceSignsOutOnce() {
        send("{\"userId\": \"1011\", \"requestId\": \"esb-twice-1\"}");
        assertEquals("CONFIRMED", recordOf(awaitAudit(1), "1011").path("outcome").asText());
        send("{\"userId\": \"1011\", \"requestId\": \"esb-twice-1\"}");
        send("{\"userId\": \"1003\"}");
        awaitAudit(2);
        pause(500);
        assertEquals(2, readAudit().size(), "no second record: " + readAudit());
        assertEquals(1, SIMULATOR.signOutCalls("1011"));
        assertTrue(LOG.text().contains("Request esb-twice-1 (jms message"), "said, not dropped silently by the broker");
        assertTrue(LOG.text().contains("was queued before: not queued again"), "said, not dropped silently by the broker");
    }

    @Test
    void aMessageRolledBackAfterItsRequestsWereQueuedLosesNoneAndSendsNoneTwice() throws Exception {
        // the message's transaction fails once, after its requests are queued: the broker delivers it again
        org.apache.camel.builder.AdviceWith.adviceWith(context, "jms-intake", route -> route.weaveAddLast()
                .process(exchange -> {
                    if ("fail-once".equals(exchange.getMessage().getHeader("test"))
                            && !exchange.getMessage().getHeader("JMSRedelivered", false, Boolean.class)) {
                        throw new IllegalStateException("failing before the commit, as a crash would");
                    }
                }));
        template.sendBodyAndHeader(QUEUE, "[{\"userId\": \"1005\"}, {\"userId\": \"1006\"}]", "test", "fail-once");
        List<JsonNode> records = awaitAudit(2);
        pause(1000);
        assertEquals(2, readAudit().size(), "one record each: " + readAudit());
        for (String user : List.of("1005", "1006")) {
            assertEquals("CONFIRMED", recordOf(records, user).path("outcome").asText());
            assertEquals(1, SIMULATOR.signOutCalls(user));
        }
    }

    private void send(String body) {
        template.sendBody(QUEUE, body);
    }
}
