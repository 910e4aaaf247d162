package org.dyad.views.query;

import org.dyad.support.web.ApiProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyGateTest {

    @Test
    void aTokenNamesARecordAndAVersionAndTheHighestVersionOfARecordCounts() {
        assertThat(ConsistencyGate.parse(List.of("deal-1@3", "sipri-0a1b2c3d4e5f6071@0", "deal-1@5")))
                .isEqualTo(Map.of("deal-1", 5L, "sipri-0a1b2c3d4e5f6071", 0L));
        assertThat(ConsistencyGate.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "deal-1", "deal-1@", "@1", "Deal-1@1", "ab@1", "-deal@1", "deal-1@-1", "deal-1@1.5",
            "deal-1@1234567890123456789", "deal 1@1", "deal-1@1@2", "deal-1@1;drop"})
    void aMalformedTokenIsRefusedNamingWaitFor(String token) {
        assertThatThrownBy(() -> ConsistencyGate.parse(List.of(token)))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("waitFor");
                        assertThat(p.reason()).contains("<id>@<version>");
                    });
                });
    }

    @Test
    void tooManyTokensAreRefused() {
        List<String> tokens = Collections.nCopies(ConsistencyGate.MAX_TOKENS + 1, "deal-1@1");
        assertThatThrownBy(() -> ConsistencyGate.parse(tokens)).isInstanceOf(ApiProblemException.class)
                .hasMessageContaining("waitFor");
    }
}
