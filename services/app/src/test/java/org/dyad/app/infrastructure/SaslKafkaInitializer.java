package org.dyad.app.infrastructure;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a test's Dyad against {@link SaslKafkaInfrastructure} (instead of Dyad's own embedded, unsecured broker),
 * configured as an operator would: the brokers through {@code DYAD_KAFKA_BOOTSTRAP_SERVERS}'s property
 * {@code dyad.kafka.bootstrap-servers}, the security through environment variables
 * ({@code SPRING_KAFKA_SECURITY_PROTOCOL}, {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}), read the way Spring Boot reads the process environment.
 */
public class SaslKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    public static final String BEAN_NAME = "saslKafkaInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        SaslKafkaInfrastructure infrastructure = SaslKafkaInfrastructure.start(
                Path.of(env.getRequiredProperty("dyad.embedded.data-dir")));
        env.getPropertySources().addFirst(new MapPropertySource("saslKafkaInfrastructure", Map.of(
                "dyad.embedded.enabled", "false",
                // the tests sign in with the documented default passwords
                "dyad.security.allow-default-passwords", "true",
                "spring.datasource.url", infrastructure.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "dyad.kafka.bootstrap-servers", infrastructure.bootstrapServers())));
        // A source named like the process environment is read with the environment's naming rules
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "saslKafka-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", SaslKafkaInfrastructure.MECHANISM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", SaslKafkaInfrastructure.jaasConfig(
                        SaslKafkaInfrastructure.DYAD_USER, SaslKafkaInfrastructure.DYAD_PASSWORD))));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, infrastructure);
        beans.registerDisposableBean(BEAN_NAME, infrastructure::close);
    }

    /** After {@link TestInfrastructureInitializer}, before Dyad's own embedded infrastructure. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
