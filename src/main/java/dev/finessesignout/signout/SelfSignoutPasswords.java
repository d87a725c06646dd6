package dev.finessesignout.signout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.finessesignout.request.RequestRules;
import dev.finessesignout.simulator.SimulatorPasswords;
import org.apache.camel.CamelContext;
import org.apache.camel.util.SensitiveUtils;

/**
 * The passwords of the users who sign themselves out, read once at start. {@code signout.self.users} lists their ids;
 * {@code signout.self.<id>.password} gives each one's password as a reference, never as the password: a Camel property
 * placeholder such as {@code {{env:FINESSE_PASSWORD_SUPERVISORA}}} (an environment variable) or {@code {{key}}} (a key
 * of the secrets file outside the repository, see FinesseSignoutMain), resolved here. A missing or
 * empty password stops the start with a message that names the setting, never a value.
 */
public final class SelfSignoutPasswords {
    /** A whole reference: {{env:NAME}} or {{sys:name}} (each with an optional :default), {{simulator-password:id}} or {{secrets-file key}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{((?:env:|sys:|simulator-password:)?[A-Za-z0-9._:@-]+)}}");

    private SelfSignoutPasswords() {
    }

    /** User id to password, in the order listed; empty when {@code users} is blank. */
    public static Map<String, String> resolve(CamelContext context, String users) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : Arrays.stream(users.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList()) {
            String problem = RequestRules.userIdProblem(user);
            if (problem != null) {
                throw new IllegalArgumentException("signout.self.users: " + problem);
            }
            passwords.put(user, password(context, user));
        }
        return passwords;
    }

    /** The setting that gives a user's password reference; it ends with "password", so Camel masks its value. */
    public static String setting(String user) {
        return "signout.self." + user + ".password";
    }

    private static String password(CamelContext context, String user) {
        String setting = setting(user);
        String reference;
        try {
            // the setting as written: Camel must not resolve what it names, as it would parse the password too
            reference = context.resolvePropertyPlaceholders("{{" + setting + "?nested=false}}");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting + " is not set: give the password reference of self "
                    + "sign-out user " + user + ", e.g. {{env:FINESSE_PASSWORD_"
                    + user.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "}} (see README, Self sign-out)");
        }
        Matcher named = REFERENCE.matcher(reference);
        if (!named.matches() && reference.contains("{{")) {
            throw new IllegalArgumentException(setting + " must be one reference, {{env:NAME}} or {{secrets-file key}}, "
                    + "or the password itself without '{{'");
        }
        // anything else is the password itself (given as an environment variable or -D, kept out of any file)
        String password = named.matches() ? resolveOnce(context, setting, named.group(1)) : reference;
        if (password.isEmpty()) {
            throw new IllegalArgumentException(setting + " resolves to an empty password for self sign-out user " + user);
        }
        return password;
    }

    /** What one reference names, looked up once: the value found is never read as placeholders in its turn. */
    private static String resolveOnce(CamelContext context, String setting, String name) {
        String problem = "The password reference " + setting + " could not be resolved: ";
        if (name.startsWith("env:") || name.startsWith("sys:")) {
            boolean env = name.startsWith("env:");
            String[] variable = name.substring(4).split(":", 2);
            String value = env ? System.getenv(variable[0]) : System.getProperty(variable[0]);
            if (value == null && variable.length == 1) {
                throw new IllegalArgumentException(problem + (env ? "the environment variable " : "the system property ")
                        + variable[0] + " is not set");
            }
            return value != null ? value : variable[1];
        }
        if (name.startsWith(SimulatorPasswords.NAME + ":")) {
            var function = context.getPropertiesComponent().getPropertiesFunction(SimulatorPasswords.NAME);
            String value = function == null ? null : function.apply(name.substring(SimulatorPasswords.NAME.length() + 1));
            if (value == null) {
                throw new IllegalArgumentException(problem + "{{" + name + "}} is the sandbox's reference to a "
                        + "simulated user's password: it works only with the built-in simulator "
                        + "(simulator.enabled=true) for a user of its setup file; for a real Finesse give {{env:...}} "
                        + "or a secrets-file key");
            }
            return value;
        }
        if (!SensitiveUtils.containsSensitive(name)) {
            // Camel's start-up summary shows every key it looked up, masking only names like these
            throw new IllegalArgumentException(problem + "the secrets-file key " + name + " must name a password "
                    + "(contain 'password', 'secret' or the like) so that Camel never shows its value");
        }
        try {
            return context.resolvePropertyPlaceholders("{{" + name + "?nested=false}}");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(problem + "no setting or secrets-file key " + name + " was found");
        }
    }
}
