package org.dyad.views.web;

import org.dyad.support.web.ApiProblemException;
import org.dyad.support.web.FieldProblem;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dyad.views.testing.RegisterEvents.imported;
import static org.dyad.views.testing.RegisterEvents.recorded;

/** {@code asReleased} stands for the instant of the release's first completed import; anything else is refused. */
class ReleaseTimesTest extends ViewsTest {

    private ReleaseTimes times;

    @BeforeEach
    void releases() {
        times = new ReleaseTimes(readers.releases);
        feed.publish(recorded("2024-03-11", "2024-04-01T10:00:00Z"),
                imported("2024-03-11", "job-1", 10, "2024-04-01T11:00:00Z"),
                imported("2024-03-11", "job-2", 10, "2024-05-01T11:00:00Z"),
                recorded("2025-03-13", "2025-04-01T10:00:00Z"));
    }

    private static FieldProblem refusal(Runnable asking, HttpStatus status) {
        ApiProblemException problem = catchThrowableOfType(asking::run, ApiProblemException.class);
        assertThat(problem).isNotNull();
        assertThat(problem.status()).isEqualTo(status);
        return problem.problems().isEmpty() ? null : problem.problems().get(0);
    }

    @Test
    void aReleaseByIdOrDateIsTheInstantOfItsFirstImport() {
        Instant first = Instant.parse("2024-04-01T11:00:00Z");
        assertThat(times.knownAt(null, "sipri-2024-03-11")).isEqualTo(first);
        assertThat(times.knownAt("", "2024-03-11")).isEqualTo(first);
        assertThat(times.knownAt("2024-06-01T00:00:00Z", null)).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(times.knownAt(null, null)).isNull();
    }

    @Test
    void anUnknownMalformedOrNotYetImportedReleaseOrOneWithKnownAtIsRefusedNamingAsReleased() {
        assertThat(refusal(() -> times.knownAt(null, "2023-03-13"), HttpStatus.BAD_REQUEST))
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("asReleased");
                    assertThat(p.reason()).contains("no release 2023-03-13");
                });
        assertThat(refusal(() -> times.knownAt(null, "March 2024"), HttpStatus.BAD_REQUEST).field())
                .isEqualTo("asReleased");
        assertThat(refusal(() -> times.knownAt(null, "2024-02-30"), HttpStatus.BAD_REQUEST).field())
                .isEqualTo("asReleased");
        assertThat(refusal(() -> times.knownAt(null, "sipri-2025-03-13"), HttpStatus.BAD_REQUEST).reason())
                .contains("no completed import");
        assertThat(refusal(() -> times.knownAt("2024-06-01T00:00:00Z", "2024-03-11"), HttpStatus.BAD_REQUEST)
                .field()).isEqualTo("asReleased");
    }

    @Test
    void aReleaseInAPathThatIsNotOnRecordIsNotFound() {
        refusal(() -> times.release("sipri-2022-03-14", "a", true), HttpStatus.NOT_FOUND);
        assertThat(times.release("2024-03-11", "a", true).releaseId()).isEqualTo("sipri-2024-03-11");
    }
}
