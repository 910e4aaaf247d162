package org.dyad.app.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test classes without a Spring context get Logback's default configuration (everything at DEBUG); this keeps
 * their output to what a reader of the test report needs.
 */
public final class ProcessTestLogging {

    private ProcessTestLogging() {
    }

    public static void quiet() {
        level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO);
        level("org.apache.kafka", Level.WARN);
        level("kafka", Level.WARN);
        level("state.change.logger", Level.WARN);
        level("io.zonky", Level.WARN);
        level("org.testcontainers", Level.INFO);
        level("com.github.dockerjava", Level.WARN);
    }

    private static void level(String logger, Level level) {
        ((Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }
}
