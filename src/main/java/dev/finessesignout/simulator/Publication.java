package dev.finessesignout.simulator;

/** One pubsub item to publish: the node and its {@code <notification>} payload. */
record Publication(String nodeId, String payload) {
}
