package dev.finessesignout.model;

/** A pubsub event as received: which service sent it, for which node, and the Update it carries. */
public record Notification(String from, String node, Update update) {
}
