package dev.finessesignout.model;

import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A Finesse Team: GET Team answers it with summary users; a supervisor's User lists Teams without users. */
@XmlRootElement(name = "Team")
@XmlAccessorType(XmlAccessType.FIELD)
public class Team {
    private String id;
    private String name;
    private String uri;
    @XmlElementWrapper(name = "users")
    @XmlElement(name = "User")
    private List<User> users;

    public Team() {
    }

    public Team(String id, String name) {
        this.id = id;
        this.name = name;
        this.uri = "/finesse/api/Team/" + id;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getUri() { return uri; }
    public List<User> getUsers() { return users; }
    public void setUsers(List<User> users) { this.users = users; }
}
