package dev.finessesignout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every password the test suite uses, in one place, so that SecretsNotInLogsIT can look for each of them in what the
 * suite wrote. Tests take their made-up passwords from here; the simulated users' come from the setup file.
 */
public final class TestSecrets {
    // ')' ends Camel's RAW(...) masking, '&' and '%' are special in URIs: none of them may leak
    public static final String WRONG_SERVICE_PASSWORD = "Wr0ng)Se&cret%7731";
    public static final String WRONG_LISTENER_PASSWORD = "Wr0ng)Xmpp&cret%7731";
    public static final String WRONG_SUPERVISOR_PASSWORD = "Sup3r)A&wrong%42";
    public static final String ENVIRONMENT_PASSWORD = "s3cret)&%";
    public static final String SHORT_ENVIRONMENT_PASSWORD = "s3cret";
    public static final String SECRETS_FILE_SERVICE_PASSWORD = "s3rvice";
    public static final String PASSWORD_WITH_PLACEHOLDER = "ab{{signout.self.users}}cd";

    private TestSecrets() {
    }

    /** Account (or "" when any) to password: the made-up ones, each simulated user's, and the Prosody publisher's. */
    public static Map<String, String> all(Path projectRoot) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String made : new String[] {WRONG_SERVICE_PASSWORD, WRONG_LISTENER_PASSWORD, WRONG_SUPERVISOR_PASSWORD,
                ENVIRONMENT_PASSWORD, SHORT_ENVIRONMENT_PASSWORD, SECRETS_FILE_SERVICE_PASSWORD,
                PASSWORD_WITH_PLACEHOLDER}) {
            secrets.put(made, "");
        }
        try {
            JsonNode setup = new ObjectMapper().readTree(projectRoot.resolve("samples/simulator-setup.json").toFile());
            setup.path("users").forEach(user -> secrets.put(user.path("password").asText(), user.path("id").asText()));
            Path prosody = projectRoot.resolve("target/prosody/servers.properties");
            if (Files.exists(prosody)) {
                Properties servers = new Properties();
                try (var in = Files.newBufferedReader(prosody)) {
                    servers.load(in);
                }
                servers.stringPropertyNames().stream().filter(name -> name.endsWith("password")
                        && !name.contains("trust")).forEach(name -> secrets.put(servers.getProperty(name), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }
}
