package org.dyad.watch;

import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchlistRequestTest {

    private static final List<String> LOCAL = List.of("127.0.0.1");

    private static String refusedField(WatchlistRequest request) {
        Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> request.validate(LOCAL));
        assertThat(refusal).isInstanceOf(ApiProblemException.class);
        return ((ApiProblemException) refusal).problems().stream().map(FieldProblem::field).findFirst().orElseThrow();
    }

    private static WatchlistRequest with(Criteria criteria) {
        return new WatchlistRequest("w", criteria, null);
    }

    @Test
    void nullsInListsAreRefusedNamingTheirPlace() {
        assertThat(refusedField(with(new Criteria(Arrays.asList("IND", null), null, null, null, null, null, null,
                null)))).isEqualTo("criteria.actors[1]");
        assertThat(refusedField(with(new Criteria(null, Arrays.asList((Criteria.Pair) null), null, null, null, null,
                null, null)))).isEqualTo("criteria.pairs[0]");
        assertThat(refusedField(with(new Criteria(null, null, Arrays.asList((String) null), null, null, null, null,
                null)))).isEqualTo("criteria.designations[0]");
        assertThat(refusedField(with(new Criteria(null, null, null, Arrays.asList((String) null), null, null, null,
                null)))).isEqualTo("criteria.categories[0]");
        assertThat(refusedField(with(new Criteria(null, null, null, null,
                new Criteria.Changes(Arrays.asList((String) null)), null, null, null))))
                .isEqualTo("criteria.stageChanges.to[0]");
        assertThat(refusedField(with(new Criteria(null, null, null, null, null,
                new Criteria.Changes(Arrays.asList((String) null)), null, null))))
                .isEqualTo("criteria.agreementStatusChanges.to[0]");
        assertThat(refusedField(with(new Criteria(null, null, null, null, null, null,
                new Criteria.Threshold(null, "USD"), null)))).isEqualTo("criteria.estimateOver.amount");
    }

    @Test
    void webhooksMustBeHttpsOrPlainHttpToAnAllowedHost() {
        Criteria india = new Criteria(List.of("IND"), null, null, null, null, null, null, null);
        new WatchlistRequest("w", india, "https://hooks.example.org/x").validate(LOCAL);
        new WatchlistRequest("w", india, "http://127.0.0.1:8080/x").validate(LOCAL);
        for (String url : List.of("http://example.org/x", "ftp://127.0.0.1/x", "https://user:pw@example.org/x",
                "not a url", "/relative")) {
            assertThat(refusedField(new WatchlistRequest("w", india, url))).as(url).isEqualTo("webhookUrl");
        }
    }

    @Test
    void aGoodWatchlistPasses() {
        new WatchlistRequest("India and France", new Criteria(null, List.of(new Criteria.Pair("IND", "FRA", false)),
                List.of("Rafale"), List.of("AIRCRAFT"), new Criteria.Changes(List.of("CONTRACTED")),
                new Criteria.Changes(List.of("IN_FORCE")), new Criteria.Threshold(BigDecimal.TEN, "USD"), true), null)
                .validate(LOCAL);
        assertThatThrownBy(() -> new WatchlistRequest("x", new Criteria(null, null, null, null, null, null, null,
                false), null).validate(LOCAL)).isInstanceOf(ApiProblemException.class);
    }
}
