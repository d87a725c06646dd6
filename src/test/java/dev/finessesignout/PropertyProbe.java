package dev.finessesignout;

import org.apache.camel.impl.DefaultCamelContext;

/** Prints how the bundle resolves one property: its configuration file, then environment and system properties. */
public final class PropertyProbe {
    private PropertyProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation(FinesseSignoutMain.CONFIG_LOCATION);
            System.out.println("RESOLVED=" + context.resolvePropertyPlaceholders("{{" + args[0] + "}}"));
        }
    }
}
