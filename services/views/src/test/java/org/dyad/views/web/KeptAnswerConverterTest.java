package org.dyad.views.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeptAnswerConverterTest {

    @Test
    void gzipIsSentWhenTheClientNamesItOrAnyCodingWithAWeightAboveZero() {
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("gzip"))).isTrue();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("gzip, deflate, br"))).isTrue();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("br;q=1.0, GZIP;q=0.5"))).isTrue();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("deflate", "x-gzip"))).isTrue();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("*"))).isTrue();
    }

    @Test
    void gzipIsNotSentWhenTheClientLeavesItOutOrRefusesIt() {
        assertThat(KeptAnswerConverter.acceptsGzip(List.of())).isFalse();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("identity"))).isFalse();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("deflate, br"))).isFalse();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("*;q=1, gzip;q=0"))).as("refused by name").isFalse();
        assertThat(KeptAnswerConverter.acceptsGzip(List.of("gzip;q=x"))).as("unreadable weight").isFalse();
    }
}
