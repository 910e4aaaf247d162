package org.dyad.ledger.register;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Provenance;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.register.RegisterImportCounts;
import org.dyad.contracts.register.command.RecordRegisterRelease;
import org.dyad.contracts.register.command.RecordRegisterReleaseImport;
import org.dyad.contracts.register.event.RegisterReleaseImported;
import org.dyad.contracts.register.event.RegisterReleaseRecorded;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegisterReleaseTest {

    private static final String RELEASE = "sipri-2025-03-13";
    private static final String REGISTER = "SIPRI Arms Transfers Database: trade register";
    private static final PartialDate GENERATED = PartialDate.parse("2025-03-13");
    private static final Source SIPRI = new Source("SIPRI", REGISTER, "https://www.sipri.org/databases/armstransfers",
            GENERATED, null, "en");
    private static final AdmiraltyGrade A2 = AdmiraltyGrade.parse("A2");
    private static final String DIGEST = "9c2d7f0e4b1a6c3d8e5f2a7b0c9d4e1f6a3b8c5d2e7f0a9b4c1d6e3f8a5b2c7d";
    /** The shared sample of the register: 484 rows, one of them a fragment of a broken row. */
    private static final RegisterImportCounts SAMPLE = new RegisterImportCounts(484, 483, 0, 0, 0, 1, 0, 0);

    private AggregateTestFixture<RegisterRelease> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegisterRelease.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private Provenance provenance() {
        return new Provenance(SIPRI, A2, fixture.currentTime(), "analyst");
    }

    @Test
    void aReleaseAndEachImportOfItAreRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordRegisterRelease(RELEASE, REGISTER, GENERATED, SIPRI, A2, "analyst"))
                .expectEvents(new RegisterReleaseRecorded(RELEASE, REGISTER, GENERATED, provenance()));
        fixture.given(new RegisterReleaseRecorded(RELEASE, REGISTER, GENERATED, provenance()))
                .when(new RecordRegisterReleaseImport(RELEASE, "job-1", "trade-register.csv", DIGEST, "ISO-8859-1",
                        SAMPLE, SIPRI, A2, "analyst"))
                .expectEvents(new RegisterReleaseImported(RELEASE, "job-1", "trade-register.csv", DIGEST,
                        "ISO-8859-1", SAMPLE, provenance()));
    }

    @Test
    void aReleaseNeedsADateAndAnImportItsFilesDigest() {
        fixture.givenNoPriorActivity()
                .when(new RecordRegisterRelease(RELEASE, REGISTER, null, SIPRI, A2, "analyst"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("releasedOn: the date is required")
                .expectNoEvents();
        fixture.given(new RegisterReleaseRecorded(RELEASE, REGISTER, GENERATED, provenance()))
                .when(new RecordRegisterReleaseImport(RELEASE, "job-1", "trade-register.csv", "not a digest",
                        "ISO-8859-1", SAMPLE, SIPRI, A2, "analyst"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("fileSha256: give the file's SHA-256 digest as 64 lower-case hexadecimal "
                        + "digits")
                .expectNoEvents();
    }
}
