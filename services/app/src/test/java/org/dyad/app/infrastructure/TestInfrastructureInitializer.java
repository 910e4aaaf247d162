package org.dyad.app.infrastructure;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Gives a test's Dyad its PostgreSQL and Kafka from the chosen provider. With the embedded provider it does nothing:
 * Dyad's own embedded mode ({@code dyad.embedded.*}) starts them, as in a single-machine run. With containers it
 * starts them, switches the embedded mode off and points Dyad at them; they stop with the context. It runs before
 * Dyad's own initializer, which then sees {@code dyad.embedded.enabled=false}.
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
        TestInfrastructure infrastructure = ContainerInfrastructure.start();
        env.getPropertySources().addFirst(new MapPropertySource("dyadTestInfrastructure", Map.of(
                "dyad.embedded.enabled", "false",
                // the tests sign in with the documented default passwords
                "dyad.security.allow-default-passwords", "true",
                "spring.datasource.url", infrastructure.jdbcUrl(),
                "spring.datasource.username", infrastructure.username(),
                "spring.datasource.password", infrastructure.password(),
                "dyad.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers())));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("testInfrastructure", infrastructure);
        beans.registerDisposableBean("testInfrastructure", infrastructure::close);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
