package dev.finessesignout.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/** GET SystemInfo: whether a node is in service, and where its XMPP notification service lives. */
@XmlRootElement(name = "SystemInfo")
@XmlAccessorType(XmlAccessType.FIELD)
public class SystemInfo {
    public static final String IN_SERVICE = "IN_SERVICE";

    private String status;
    private String deploymentType;
    private String currentTimestamp;
    private String xmppDomain;
    private String xmppPubSubDomain;
    private Node primaryNode;
    private Node secondaryNode;

    public SystemInfo() {
    }

    public SystemInfo(String status, String xmppDomain, String primaryHost, String secondaryHost, String now) {
        this.status = status;
        this.deploymentType = "UCCE";
        this.currentTimestamp = now;
        this.xmppDomain = xmppDomain;
        this.xmppPubSubDomain = "pubsub." + xmppDomain;
        this.primaryNode = new Node(primaryHost);
        this.secondaryNode = new Node(secondaryHost);
    }

    public String getStatus() { return status; }
    public String getDeploymentType() { return deploymentType; }
    public String getCurrentTimestamp() { return currentTimestamp; }
    public String getXmppDomain() { return xmppDomain; }
    public String getXmppPubSubDomain() { return xmppPubSubDomain; }
    public Node getPrimaryNode() { return primaryNode; }
    public Node getSecondaryNode() { return secondaryNode; }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Node {
        private String host;

        public Node() {
        }

        public Node(String host) {
            this.host = host;
        }

        public String getHost() { return host; }
    }
}
