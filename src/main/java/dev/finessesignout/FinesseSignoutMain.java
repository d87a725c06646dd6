package dev.finessesignout;

import org.apache.camel.main.Main;

/**
 * Starts the bundle: routes from routes/, settings from application.properties, both on the file system, and the
 * settings of an optional secrets file outside the repository.
 */
public final class FinesseSignoutMain {
    /** Overridable with -Dfinesse.signout.config=... so one installation can hold several configurations. */
    public static final String CONFIG_LOCATION = propertyLocations(
            System.getProperty("finesse.signout.config", "application.properties"),
            System.getProperty("finesse.signout.secrets", System.getenv("FINESSE_SIGNOUT_SECRETS")));

    private FinesseSignoutMain() {
    }

    /**
     * The secrets file when one is named (-Dfinesse.signout.secrets=... or the environment variable
     * FINESSE_SIGNOUT_SECRETS), then the configuration file. The secrets file is a properties file outside the
     * repository whose keys password references name as {@code {{key}}}; as Camel takes a key from the first location
     * that has it, a key it shares with the configuration file (finesse.password...) is taken from it. A secrets file
     * that is named must exist.
     */
    public static String propertyLocations(String config, String secrets) {
        return (secrets == null || secrets.isBlank() ? "" : "file:" + secrets.strip() + ",") + "file:" + config;
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(FinesseSignoutMain.class);
        main.setDefaultPropertyPlaceholderLocation(CONFIG_LOCATION);
        System.exit(main.run(args));
    }
}
