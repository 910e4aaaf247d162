package org.dyad.app.embedded;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * The embedded PostgreSQL and Kafka live in the {@code dyad-embedded} module, which {@code spring-boot:run} and
 * the tests put on the classpath and the production jar leaves out. Asked for embedded mode ({@code DYAD_EMBEDDED}
 * true, its default) without that module, Dyad stops before it connects to anything and names the setting, rather
 * than looking for a PostgreSQL and a Kafka that nobody started.
 */
public class EmbeddedServersCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    /** The module's initializer, which starts the servers when it is on the classpath. */
    static final String EMBEDDED_SERVERS = "org.dyad.embedded.EmbeddedInfrastructureInitializer";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty("dyad.embedded.enabled", Boolean.class, true)
                && !ClassUtils.isPresent(EMBEDDED_SERVERS, context.getClassLoader())) {
            throw new EmbeddedServersMissingException();
        }
    }

    /** After the test setups' initializers, which may switch the embedded setup off; before every other check. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }
}
