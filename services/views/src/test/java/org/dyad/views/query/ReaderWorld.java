package org.dyad.views.query;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.AgreementSubject;
import org.dyad.contracts.agreement.event.AgreementEnteredIntoForce;
import org.dyad.contracts.agreement.event.AgreementSigned;
import org.dyad.contracts.agreement.event.WithdrawalNotified;
import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.DealCancelled;
import org.dyad.contracts.deal.event.DeliveryCompleted;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.statement.StatementKind;
import org.dyad.contracts.statement.event.StatementRecorded;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;

/**
 * A small world for the readers' tests, in the views of a fresh database:
 * <ul>
 * <li>{@code su30}: RUS → IND, reported 2000-10, USD 3 bn and TIV 1,000, delivered 2004-06 (recorded 2001–2004);</li>
 * <li>{@code s300}: RUS → IRN, reported 2007-12, contracted 2007-12-25, cancelled 2010-09-22 (recorded 2008–2010);</li>
 * <li>{@code c130}: USA → IND, reported 2008-01, USD 1 bn, pending (recorded 2008-02);</li>
 * <li>{@code kilo}: RUS → IND, reported 2012-05, pending (recorded 2012-06);</li>
 * <li>{@code abm}: the ABM Treaty, USA and RUS, in force 1972, USA withdrawal 2001-12-13 effective 2002-06-13;</li>
 * <li>{@code protest}: IRN protests to RUS on 2010-09-25 (recorded 2010-09-26).</li>
 * </ul>
 */
final class ReaderWorld {

    /** An instant before the cancellation of {@code s300}, the protest and {@code kilo} were recorded. */
    static final Instant KNOWN_IN_2009 = Instant.parse("2009-01-01T00:00:00Z");

    private ReaderWorld() {
    }

    static Readers build(ViewsDatabase database) {
        database.clear();
        EventFeed feed = new EventFeed(database);
        feed.publish(sale("su30", "RUS", "IND", "Su-30MKI", "2000-10", List.of(usd(3_000_000_000L), tiv(1000)),
                        "2001-01-01T00:00:00Z"),
                new DeliveryCompleted("su30", date("2004-06"), at("2004-07-01T00:00:00Z")));
        feed.publish(sale("s300", "RUS", "IRN", "S-300PMU1", "2007-12", List.of(), "2008-01-01T00:00:00Z"),
                new ContractConcluded("s300", date("2007-12-25"), null, at("2008-01-02T00:00:00Z")),
                sale("c130", "USA", "IND", "C-130J", "2008-01", List.of(usd(1_000_000_000L)), "2008-02-01T00:00:00Z"));
        feed.publish(new DealCancelled("s300", date("2010-09-22"), "UN embargo", at("2010-09-23T00:00:00Z")),
                new StatementRecorded("protest", "IRN", List.of("RUS"), StatementKind.PROTEST, date("2010-09-25"),
                        "protests the cancellation", null, null, "s300", null, at("2010-09-26T00:00:00Z")),
                sale("kilo", "RUS", "IND", "Kilo submarine", "2012-05", List.of(), "2012-06-01T00:00:00Z"));
        feed.publish(new AgreementSigned("abm", "Anti-Ballistic Missile Treaty", AgreementKind.TREATY,
                        List.of(AgreementSubject.values()[0]), List.of("USA", "RUS"), null, date("1972-05-26"),
                        "Moscow", true, false, null, null, at("1999-01-01T00:00:00Z")),
                new AgreementEnteredIntoForce("abm", date("1972-10-03"), List.of("USA", "RUS"),
                        at("1999-01-01T00:00:00Z")),
                new WithdrawalNotified("abm", "USA", date("2001-12-13"), date("2002-06-13"),
                        at("2001-12-14T00:00:00Z")));
        return new Readers(database);
    }

    private static SaleReported sale(String id, String supplier, String recipient, String designation,
                                     String reportedOn, List<Estimate> estimates, String recordedAt) {
        return new SaleReported(id, supplier, recipient, List.of(DealItem.of(designation, null, 1)),
                DealStage.REPORTED, date(reportedOn), null, estimates, at(recordedAt));
    }

    private static Estimate usd(long amount) {
        return new Estimate(BigDecimal.valueOf(amount), null, null, "USD", EstimateQualifier.ABOUT, null, null, null);
    }

    private static Estimate tiv(long amount) {
        return new Estimate(BigDecimal.valueOf(amount), null, null, "TIV", EstimateQualifier.EXACT, null, null, null);
    }
}
