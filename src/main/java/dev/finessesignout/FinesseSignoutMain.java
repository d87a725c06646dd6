package dev.finessesignout;

import org.apache.camel.main.Main;

/** Starts the bundle: routes from routes/, settings from application.properties, both on the file system. */
public final class FinesseSignoutMain {
    /** Overridable with -Dfinesse.signout.config=... so one installation can hold several configurations. */
    public static final String CONFIG_LOCATION = "file:" + System.getProperty("finesse.signout.config", "application.properties");

    private FinesseSignoutMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(FinesseSignoutMain.class);
        main.setDefaultPropertyPlaceholderLocation(CONFIG_LOCATION);
        System.exit(main.run(args));
    }
}
