package org.dyad.ledger.deal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.dyad.contracts.correction.event.RecordRetracted;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.command.LinkFramework;
import org.dyad.contracts.deal.event.FrameworkAgreementLinked;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.ledger.DyadCommandTargetResolver;
import org.dyad.ledger.IllegalTransitionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dyad.ledger.Sources.ANALYST;
import static org.dyad.ledger.Sources.B2;
import static org.dyad.ledger.Sources.LA_TIMES_2001;
import static org.dyad.ledger.Sources.date;
import static org.dyad.ledger.Sources.recorded;
import static org.hamcrest.Matchers.containsString;

/**
 * A deal's link to the framework agreement it implements: India's S-400 contract of 2018-10-05 was concluded under
 * the intergovernmental agreement signed at the same summit.
 */
class FrameworkLinkTest {

    private static final String DEAL = "rus-ind-s400";
    private static final String IGA = "rus-ind-2018-s400-iga";
    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerCommandTargetResolver(new DyadCommandTargetResolver());
    }

    private SaleReported contracted() {
        return new SaleReported(DEAL, "RUS", "IND", List.of(DealItem.of("S-400", "SAM system", 5)),
                DealStage.CONTRACTED, date("2018-10-05"), null, null, recorded(fixture));
    }

    private static LinkFramework link(String agreementId) {
        return new LinkFramework(DEAL, agreementId, LA_TIMES_2001, B2, ANALYST, null);
    }

    @Test
    void aDealNamesTheAgreementItImplements() {
        fixture.given(contracted())
                .when(link(IGA))
                .expectEvents(new FrameworkAgreementLinked(DEAL, IGA, recorded(fixture)));
    }

    @Test
    void aDealImplementsOneFramework() {
        fixture.given(contracted(), new FrameworkAgreementLinked(DEAL, IGA, recorded(fixture)))
                .when(link("another-agreement"))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage(containsString("already implements agreement '" + IGA + "'"))
                .expectNoEvents();
    }

    @Test
    void aRetractedLinkMakesRoomForAnother() {
        fixture.given(contracted(), new FrameworkAgreementLinked(DEAL, IGA, recorded(fixture)),
                        new RecordRetracted(DEAL, "e1", "FrameworkAgreementLinked", "wrong agreement",
                                recorded(fixture)))
                .when(link("another-agreement"))
                .expectEvents(new FrameworkAgreementLinked(DEAL, "another-agreement", recorded(fixture)));
    }

    @Test
    void aRetractedDealIsNotLinked() {
        fixture.given(contracted(), new RecordRetracted(DEAL, "e0", "SaleReported", "misread", recorded(fixture)))
                .when(link(IGA))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }
}
