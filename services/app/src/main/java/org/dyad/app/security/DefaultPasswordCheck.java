package org.dyad.app.security;

import org.dyad.support.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Local users still on their default passwords ({@code <name>-local}, the ones the README gives) are a door anyone
 * can open. With the embedded PostgreSQL and Kafka (the single-machine default, {@code DYAD_EMBEDDED} unset) Dyad
 * logs a warning for each; without them ({@code DYAD_EMBEDDED=false}: a container, a shared server) it refuses to
 * start, before it connects to anything, naming the variable to set. {@code DYAD_ALLOW_DEFAULT_PASSWORDS=true}
 * lets such a Dyad start anyway, for test setups whose clients use the documented defaults. In {@code jwt} mode
 * local users sign nobody in and are not checked.
 */
public class DefaultPasswordCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DefaultPasswordCheck.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        SecurityProperties security = Binder.get(env).bind("dyad.security", SecurityProperties.class)
                .orElse(null);
        if (security == null) {
            return;
        }
        List<String> defaults = usersWithDefaultPasswords(security);
        if (defaults.isEmpty()) {
            return;
        }
        boolean embedded = env.getProperty("dyad.embedded.enabled", Boolean.class, true);
        boolean allowed = env.getProperty("dyad.security.allow-default-passwords", Boolean.class, false);
        if (embedded || allowed) {
            defaults.forEach(user -> log.warn("{}: anyone who has read the README can sign in as this user", user));
            return;
        }
        throw new IllegalStateException("Dyad refuses to start with default passwords outside the embedded setup "
                + "(DYAD_EMBEDDED=false): " + String.join("; ", defaults)
                + ". Set the variables named to passwords of your own, or use DYAD_SECURITY_MODE=jwt");
    }

    /** For each local user whose password is its default, which variable sets it; none in jwt mode. */
    static List<String> usersWithDefaultPasswords(SecurityProperties security) {
        List<String> found = new ArrayList<>();
        if (!"local".equals(security.mode())) {
            return found;
        }
        for (int i = 0; i < security.users().size(); i++) {
            SecurityProperties.User user = security.users().get(i);
            if (user.name() != null && (user.name() + "-local").equals(user.password())) {
                found.add("local user '" + user.name() + "' has its default password; set "
                        + variableFor(user.name(), i));
            }
        }
        return found;
    }

    /** The environment variable application.yml reads for the standard users, else the property itself. */
    private static String variableFor(String userName, int index) {
        return switch (userName) {
            case "viewer", "analyst", "admin" -> "DYAD_" + userName.toUpperCase(Locale.ROOT) + "_PASSWORD";
            default -> "dyad.security.users[" + index + "].password";
        };
    }

    /** After the test setups' initializers, which may switch the embedded setup off. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
