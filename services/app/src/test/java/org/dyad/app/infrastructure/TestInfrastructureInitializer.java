package org.dyad.app.infrastructure;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Gives a test's Dyad its PostgreSQL and Kafka from the chosen provider. With the embedded provider it does nothing:
 * Dyad's own embedded mode ({@code dyad.embedded.*}) starts them, as in a single-machine run. With containers it
 * switches the embedded mode off and adds {@link ContainerServices}, whose containers Spring Boot starts, connects
 * ({@code @ServiceConnection}) and stops with the context. It runs before Dyad's own initializer, which then sees
 * {@code dyad.embedded.enabled=false}.
 */
public class TestInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (TestInfrastructures.choose(env.getProperty(TestInfrastructures.PROPERTY))
                != TestInfrastructures.Kind.CONTAINERS) {
            return;
        }
        env.getPropertySources().addFirst(new MapPropertySource("dyadTestInfrastructure", Map.of(
                "dyad.embedded.enabled", "false",
                // the tests sign in with the documented default passwords
                "dyad.security.allow-default-passwords", "true")));
        ((GenericApplicationContext) context).registerBean(ContainerServices.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
