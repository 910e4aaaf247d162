package org.dyad.ledger.intake;

import org.dyad.intake.IntakeEngine;
import org.dyad.intake.TextSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine drafts with the designations on record, read once per refresh, and without them when they fail. */
class IntakeEnginesTest {

    private static final String TEXT = "Albania ordered three Bayraktar TB2 drones from Turkey in 2022.";
    private static final TextSource SOURCE = TextSource.publishedOn(LocalDate.parse("2022-12-30"));

    private static IntakeEngines engines(KnownDesignations designations) {
        return new IntakeEngines(new StaticListableBeanFactory(Map.of("designations", designations))
                .getBeanProvider(KnownDesignations.class));
    }

    private static String firstDesignation(IntakeEngine engine) {
        return engine.draft(TEXT, SOURCE).proposals().get(0).body().at("/items/0/designation").asText();
    }

    @Test
    void theDesignationsOnRecordAreKnownAndReadOncePerRefresh() {
        AtomicInteger reads = new AtomicInteger();
        IntakeEngines engines = engines(() -> {
            reads.incrementAndGet();
            return List.of("Bayraktar TB2");
        });
        IntakeEngine engine = engines.engine();
        assertThat(firstDesignation(engine)).isEqualTo("Bayraktar TB2");
        assertThat(engines.engine()).isSameAs(engine);
        assertThat(reads).hasValue(1);
    }

    @Test
    void withoutTheDesignationsOnRecordTheEngineDraftsWithItsOwn() {
        IntakeEngines failing = engines(() -> {
            throw new IllegalStateException("the views are not reachable");
        });
        assertThat(firstDesignation(failing.engine())).isEqualTo("UAV");
    }
}
