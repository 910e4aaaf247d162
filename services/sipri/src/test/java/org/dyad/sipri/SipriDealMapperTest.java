package org.dyad.sipri;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.ValueBasis;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.DealTerms;
import org.dyad.contracts.deal.ItemCondition;
import org.dyad.contracts.deal.Tranche;
import org.dyad.contracts.deal.TrancheItem;
import org.dyad.contracts.deal.UnRegisterCategory;
import org.dyad.contracts.deal.WeaponCategory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SipriDealMapperTest {

    private static SipriDeal deal(SipriRow row) {
        SipriMapping mapping = SipriDealMapper.map(row);
        assertThat(mapping.rejection()).isNull();
        return mapping.deal();
    }

    private static PartialDate year(String text) {
        return PartialDate.parse(text);
    }

    @Test
    void everySampleRowMaps() {
        Map<Integer, String> rejections = Sample.read().rows().stream()
                .collect(Collectors.toMap(SipriRow::line, row -> String.valueOf(SipriDealMapper.map(row).rejection())));

        assertThat(rejections).allSatisfy((line, rejection) -> assertThat(rejection).isEqualTo("null"));
    }

    @Test
    void aFullyDeliveredRowBecomesADeliveredDeal() {
        SipriRow mi17 = Sample.row("Algeria", "Russia", "Mi-17");

        SipriDeal deal = deal(mi17);

        assertThat(deal).isEqualTo(new SipriDeal(mi17, "RUS", "DZA",
                new DealItem("Mi-17", "transport helicopter", WeaponCategory.AIRCRAFT, null, 42, null, false,
                        ItemCondition.NEW),
                new DealTerms(false, false, false), year("2002"), DealStage.DELIVERED, false,
                new Tranche(year("2002"), List.of(year("2002"), year("2003"), year("2004")),
                        List.of(new TrancheItem("Mi-17", 42, true))),
                year("2004"),
                List.of(new Estimate(new BigDecimal("180000000"), null, null, "USD", EstimateQualifier.EXACT, null,
                                ValueBasis.CURRENT, "value in SIPRI comment"),
                        new Estimate(new BigDecimal("304.5"), null, null, "TIV", EstimateQualifier.EXACT, null,
                                ValueBasis.TIV, "SIPRI TIV for total order"))));
    }

    @Test
    void anUncertainOrderYearIsApproximate() {
        SipriDeal deal = deal(Sample.row("Algeria", "UAE", "Yabhon United-40"));

        assertThat(deal.orderedOn()).isEqualTo(year("~2013"));
        assertThat(deal.item().quantityUncertain()).isTrue();
        assertThat(deal.item().category()).isEqualTo(WeaponCategory.AIRCRAFT);
        assertThat(deal.item().unCategory()).isEqualTo(UnRegisterCategory.IV_COMBAT_AIRCRAFT);
        assertThat(deal.terms().licensedProduction()).isTrue();
    }

    @Test
    void aSingleDeliveryYearIsNotSpreadOver() {
        SipriDeal deal = deal(Sample.row("Albania", "Turkiye", "Bayraktar TB2"));

        assertThat(deal.delivery()).isEqualTo(Tranche.on(year("2024"),
                List.of(new TrancheItem("Bayraktar TB2", 3, false))));
        assertThat(deal.completedOn()).isEqualTo(year("2024"));
    }

    @Test
    void uncertainDeliveryYearsAreApproximate() {
        SipriRow row = new SipriRow(13, "Iran", "Russia", 2001, false, 4, false, "S-300PMU1", "SAM system", 2,
                false, List.of(2002, 2001), true, "New", null, null, null, null);

        SipriDeal deal = deal(row);

        assertThat(deal.delivery().deliveredOn()).isEqualTo(year("~2001"));
        assertThat(deal.delivery().spreadOver()).containsExactly(year("~2001"), year("~2002"));
    }

    @Nested
    class Stages {

        @Test
        void somethingDeliveredIsDelivering() {
            SipriDeal deal = deal(Sample.row("Germany", "Sweden", "RBS-15 Mk-3"));

            assertThat(deal.stage()).isEqualTo(DealStage.DELIVERING);
            assertThat(deal.delivery().items()).containsExactly(new TrancheItem("RBS-15 Mk-3", 45, false));
            assertThat(deal.delivery().spreadOver()).containsExactly(year("2022"), year("2023"), year("2024"));
            assertThat(deal.completedOn()).isNull();
        }

        @Test
        void nothingDeliveredIsContracted() {
            SipriDeal deal = deal(Sample.row("Germany", "Norway", "NSM"));

            assertThat(deal.stage()).isEqualTo(DealStage.CONTRACTED);
            assertThat(deal.delivery()).isNull();
            assertThat(deal.completedOn()).isNull();
            assertThat(deal.item().quantity()).isNull();
        }

        @Test
        void deliveriesWithoutANumberOrderedAreDelivering() {
            SipriDeal deal = deal(Sample.row("Ecuador", "unknown supplier(s)", "vehicle engine"));

            assertThat(deal.stage()).isEqualTo(DealStage.DELIVERING);
            assertThat(deal.supplier()).isEqualTo("XUS");
        }
    }

    @Nested
    class Actors {

        @Test
        void siprisMarkedNamesAreAliases() {
            assertThat(deal(Sample.row("Hezbollah (Lebanon)*", "Iran", 10, 10, List.of(2006), null)).recipient())
                    .isEqualTo("XHZ");
            assertThat(deal(Sample.row("United Nations**", "Israel", "Hermes-900")).recipient()).isEqualTo("QUN");
            assertThat(deal(Sample.row("NATO**", "United States", 1, 1, List.of(2001), null)).recipient())
                    .isEqualTo("QNA");
            assertThat(deal(Sample.row("unknown recipient(s)", "Israel", "ROTEM")).recipient()).isEqualTo("XUR");
        }

        @Test
        void anActorThatDidNotYetExistIsLeftToTheDomain() {
            SipriRow row = Sample.row("Iran", "Russia", 4, 4, List.of(1960), null);

            assertThat(deal(new SipriRow(row.line(), row.recipient(), row.supplier(), 1955, false, 4, false,
                    row.designation(), row.description(), 4, false, row.deliveryYears(), false, "New", null, null,
                    null, null)).supplier()).isEqualTo("RUS");
        }

        @Test
        void anUnknownNameIsRejectedWithTheClosestNames() {
            SipriMapping mapping = SipriDealMapper.map(Sample.row("Iran", "Rusia", 4, 0, List.of(), null));

            assertThat(mapping.accepted()).isFalse();
            assertThat(mapping.rejection()).startsWith("unknown supplier name 'Rusia'; closest: RUS (Russia)");
        }

        @Test
        void missingNamesAndDesignationAreRejected() {
            SipriRow row = new SipriRow(13, null, "Russia", 2001, false, 1, false, null, "SAM system", 0, false,
                    List.of(), false, null, null, null, null, null);

            assertThat(SipriDealMapper.map(row).rejection())
                    .isEqualTo("missing recipient name; missing designation");
        }
    }

    @Nested
    class Comments {

        private final Function<String, SipriDeal> withComment =
                comment -> deal(Sample.row("Iran", "Russia", 4, 2, List.of(2002), comment));

        @Test
        void termsAreWholeWords() {
            assertThat(withComment.apply("Produced under licence in Iran").terms())
                    .isEqualTo(new DealTerms(true, false, false));
            assertThat(withComment.apply("Licensed production; 3-year lease; aid").terms())
                    .isEqualTo(new DealTerms(true, true, true));
            assertThat(withComment.apply("Second-hand; Aid").terms()).isEqualTo(new DealTerms(false, false, true));
            assertThat(withComment.apply("Aided by the release of unused stock; licenceless").terms())
                    .isEqualTo(new DealTerms(false, false, false));
            assertThat(withComment.apply("Rest cancelled after withdrawal of export licence in 1990").terms())
                    .isEqualTo(new DealTerms(false, false, false));
        }

        @Test
        void cancellationOfThisOrderCounts() {
            assertThat(Sample.read().rows().stream().filter(row -> deal(row).cancelled()).map(SipriRow::line))
                    .containsExactly(89, 197, 310, 361);
            assertThat(withComment.apply("Deal canceled 2015").cancelled()).isTrue();
            assertThat(withComment.apply("Cancellation announced 2016").cancelled()).isTrue();
        }

        @Test
        void cancellationOfSomethingElseDoesNot() {
            assertThat(List.of("1-3 more planned but cancelled",
                    "Originally built for Poland and Romania but cancelled",
                    "$9.8 m deal (originally ordered by Yemen but canceled 2015 and sold to Jordan)",
                    "Planned production in Iraq cancelled", "2 more cancelled",
                    "For trials; expected order for 562 reduced to 378 then cancelled"))
                    .allSatisfy(comment -> assertThat(withComment.apply(comment).cancelled()).isFalse());
        }

        @Test
        void moneyComesBeforeTheTiv() {
            SipriDeal deal = withComment.apply("INR390 b ($5.4 b) deal");

            assertThat(deal.estimates()).extracting(Estimate::currency).containsExactly("INR", "USD", "TIV");
        }

        @Test
        void noTivEstimateWithoutANumberOrdered() {
            SipriDeal deal = deal(Sample.row("Germany", "Norway", "NSM"));

            assertThat(deal.row().tivTotalOrder()).isZero();
            assertThat(deal.estimates()).isEmpty();
        }
    }

    @Nested
    class DealIds {

        @Test
        void anIdIsStableAndShort() {
            SipriRow row = Sample.row("Algeria", "Russia", "Mi-17");

            assertThat(SipriDealMapper.dealId(row, 1)).matches("sipri-[0-9a-f]{16}")
                    .isEqualTo(SipriDealMapper.dealId(row, 1))
                    .isNotEqualTo(SipriDealMapper.dealId(row, 2));
        }

        @Test
        void onlyIdentifyingFieldsCount() {
            SipriRow row = Sample.row("Algeria", "Russia", "Mi-17");
            SipriRow revised = new SipriRow(99, row.recipient(), row.supplier(), row.orderYear(), true,
                    row.numberOrdered(), true, row.designation(), row.description(), 40, false, List.of(2003), false,
                    row.status(), "revised", null, null, null);
            SipriRow otherNumber = new SipriRow(row.line(), row.recipient(), row.supplier(), row.orderYear(), false,
                    43, false, row.designation(), row.description(), row.numberDelivered(), false,
                    row.deliveryYears(), false, row.status(), row.comments(), null, null, null);

            assertThat(SipriDealMapper.dealId(revised, 1)).isEqualTo(SipriDealMapper.dealId(row, 1));
            assertThat(SipriDealMapper.dealId(otherNumber, 1)).isNotEqualTo(SipriDealMapper.dealId(row, 1));
        }

        @Test
        void rowsAlikeInAFileAreCountedApart() {
            SipriRow row = Sample.row("Algeria", "Russia", "Mi-17");

            assertThat(SipriDealMapper.dealIds(List.of(row, Sample.row("Albania", "Turkiye", "Bayraktar TB2"), row)))
                    .containsExactly(SipriDealMapper.dealId(row, 1),
                            SipriDealMapper.dealId(Sample.row("Albania", "Turkiye", "Bayraktar TB2"), 1),
                            SipriDealMapper.dealId(row, 2));
        }

        @Test
        void theSampleGivesTheSameDistinctIdsEveryTime() {
            List<String> ids = SipriDealMapper.dealIds(Sample.read().rows());

            assertThat(new HashSet<>(ids)).hasSize(ids.size());
            assertThat(SipriDealMapper.dealIds(Sample.read(Sample.bytes()).rows())).isEqualTo(ids);
        }
    }
}
