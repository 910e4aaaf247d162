package org.dyad.subscriber;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A team that depends on the subscriber library gets kafka-clients, CloudEvents, Jackson and Dyad's event records:
 * none of the write side's framework or the reference data's parsers comes with them.
 */
class SubscriberDependenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "org.axonframework.messaging.Message",
            "org.axonframework.modelling.command.TargetAggregateIdentifier",
            "org.apache.commons.csv.CSVFormat",
            "org.apache.commons.text.similarity.LevenshteinDistance",
            "org.dyad.actors.ActorRegistry"})
    void theLibraryDoesNotBringInWriteSideOrReferenceDataClasses(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
