package org.dyad.sipri;

import org.dyad.contracts.register.RegisterFieldChange;
import org.dyad.sipri.SipriReleaseMatching.Decision;
import org.dyad.sipri.SipriReleaseMatching.KnownDeal;
import org.dyad.sipri.SipriReleaseMatching.Outcome;
import org.dyad.sipri.SipriReleaseMatching.ReleaseRow;
import org.dyad.sipri.SipriReleaseMatching.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of the sample as two releases write them, with the kinds of change SIPRI's releases make. */
class SipriReleaseMatchingTest {

    private static final String FIRST = "sipri-2025-03-13";
    private static final String SECOND = "sipri-2026-03-09";

    /** The sample's line (1-based), each cell changed as {@code change} says, read as a row. */
    private static SipriRow line(int number, UnaryOperator<String[]> change) {
        String[] cells = Sample.lines().get(number - 1).split(",", -1);
        String text = String.join(",", change.apply(Arrays.copyOf(cells, cells.length)));
        SipriReadResult read = Sample.read(Sample.preambleAndHeader() + text + "\n");
        assertThat(read.rows()).as(text).hasSize(1);
        return read.rows().get(0);
    }

    private static SipriRow line(int number) {
        return line(number, cells -> cells);
    }

    private static ReleaseRow release(SipriRow row) {
        SipriDeal deal = SipriDealMapper.map(row).deal();
        return new ReleaseRow(row, deal.recipient(), deal.supplier());
    }

    private static KnownDeal known(String dealId, SipriRow row, String releaseId) {
        ReleaseRow mapped = release(row);
        return new KnownDeal(dealId, mapped.recipient(), mapped.supplier(), row.orderYear(),
                SipriReleaseMatching.designationKey(row.designation()), row.written(), releaseId, false);
    }

    private static Result second(List<KnownDeal> known, SipriRow... rows) {
        return SipriReleaseMatching.match(SECOND, known, Arrays.stream(rows).map(SipriReleaseMatchingTest::release)
                .toList());
    }

    private static List<String> changedFields(Decision decision) {
        return decision.changes().stream().map(RegisterFieldChange::field).toList();
    }

    @Test
    void aRewordedDescriptionRevisesTheDealInsteadOfAddingOne() {
        // Algeria, UAE, 2021, Hafeet-2, APC
        SipriRow before = line(16);
        SipriRow after = line(16, cells -> {
            cells[7] = "armoured personnel carrier";
            return cells;
        });

        Decision decision = second(List.of(known("sipri-hafeet", before, FIRST)), after).decisions().get(0);

        assertThat(decision.outcome()).isEqualTo(Outcome.REVISED);
        assertThat(decision.dealId()).isEqualTo("sipri-hafeet");
        assertThat(decision.changes()).containsExactly(new RegisterFieldChange("weaponDescription",
                "Weapon description", "APC", "armoured personnel carrier"));
    }

    @Test
    void changedNumbersOrderedAndDeliveredAndDeliveryYearsAreRevisionsOfTheSameDeal() {
        // Belgium, United States, 2020, 322 L-ATV of which 198 delivered in 2023; 2024
        SipriRow before = line(53);
        SipriRow after = line(53, cells -> {
            cells[4] = "435";
            cells[8] = "322";
            cells[10] = "2023; 2024; 2025";
            cells[14] = "78.3";
            cells[15] = "57.96";
            return cells;
        });

        Result result = second(List.of(known("sipri-latv", before, FIRST)), after);

        assertThat(result.decisions().get(0).outcome()).isEqualTo(Outcome.REVISED);
        assertThat(changedFields(result.decisions().get(0))).containsExactly("numberOrdered", "numberDelivered",
                "yearsOfDelivery", "tivForTotalOrder", "tivOfDeliveredWeapons");
        assertThat(result.decisions().get(0).changes().get(2).before()).isEqualTo("2023; 2024");
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void aRespelledCountryIsTheSameActorAndSoTheSameDeal() {
        // Albania, Turkiye, 2022, Bayraktar TB2
        SipriRow before = line(14);
        SipriRow after = line(14, cells -> {
            cells[1] = "Turkey";
            return cells;
        });

        Decision decision = second(List.of(known("sipri-tb2", before, FIRST)), after).decisions().get(0);

        assertThat(decision.outcome()).isEqualTo(Outcome.REVISED);
        assertThat(changedFields(decision)).containsExactly("supplier");
    }

    @Test
    void aDesignationWrittenWithOtherCaseSpacesOrPunctuationIsTheSameDesignation() {
        assertThat(SipriReleaseMatching.designationKey("S-70 Black Hawk"))
                .isEqualTo(SipriReleaseMatching.designationKey("S70 BLACK-HAWK"));
        assertThat(SipriReleaseMatching.designationKey("Mi-17")).isNotEqualTo(
                SipriReleaseMatching.designationKey("Mi-171"));
        SipriRow before = line(17);
        SipriRow after = line(17, cells -> {
            cells[6] = "MI 17";
            return cells;
        });

        assertThat(second(List.of(known("sipri-mi17", before, FIRST)), after).decisions().get(0).outcome())
                .isEqualTo(Outcome.REVISED);
    }

    @Test
    void anIdenticalRowIsUnchangedAndANewDealKeepsItsContentId() {
        SipriRow hafeet = line(16);
        SipriRow added = line(42);

        Result result = second(List.of(known("sipri-hafeet", hafeet, FIRST)), hafeet, added);

        assertThat(result.decisions()).extracting(Decision::outcome).containsExactly(Outcome.UNCHANGED,
                Outcome.IMPORTED);
        assertThat(result.decisions().get(0).matched().dealId()).isEqualTo("sipri-hafeet");
        assertThat(result.decisions().get(1).dealId()).isEqualTo(SipriDealMapper.dealId(added, 1));
        assertThat(result.decisions().get(1).occurrence()).isEqualTo(1);
    }

    @Test
    void ofTwoAlikeOrdersInOnePairTheUnchangedOnePairsWithItselfAndTheOtherIsRevised() {
        // Bahrain, United States, 2011: 121 M-113, and a second order alike but for 40
        SipriRow first = line(42);
        SipriRow second = line(42, cells -> {
            cells[4] = "40";
            cells[8] = "40";
            cells[14] = "4";
            cells[15] = "4";
            return cells;
        });
        SipriRow secondDelivered = line(42, cells -> {
            cells[4] = "40";
            cells[8] = "40";
            cells[10] = "2019";
            cells[14] = "4";
            cells[15] = "4";
            return cells;
        });
        List<KnownDeal> known = List.of(known("sipri-m113-a", first, FIRST), known("sipri-m113-b", second, FIRST));

        Result result = second(known, secondDelivered, first);

        assertThat(result.decisions()).extracting(Decision::outcome).containsExactly(Outcome.REVISED,
                Outcome.UNCHANGED);
        assertThat(result.decisions()).extracting(Decision::dealId).containsExactly("sipri-m113-b", "sipri-m113-a");
        assertThat(changedFields(result.decisions().get(0))).containsExactly("yearsOfDelivery");
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void aRowEquallyLikeTwoDealsIsAmbiguousAndNeitherDealIsDropped() {
        SipriRow five = line(42, cells -> {
            cells[4] = "50";
            return cells;
        });
        SipriRow seven = line(42, cells -> {
            cells[4] = "70";
            return cells;
        });
        SipriRow six = line(42, cells -> {
            cells[4] = "60";
            return cells;
        });
        List<KnownDeal> known = List.of(known("sipri-m113-50", five, FIRST), known("sipri-m113-70", seven, FIRST));

        Result result = second(known, six);

        Decision decision = result.decisions().get(0);
        assertThat(decision.outcome()).isEqualTo(Outcome.AMBIGUOUS);
        assertThat(decision.dealId()).isNull();
        assertThat(decision.candidates()).containsExactlyInAnyOrder("sipri-m113-50", "sipri-m113-70");
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void aDealMissingFromANewReleaseIsDroppedOnlyWhenTheReleaseListsItsPair() {
        // two orders of Algeria from Russia (Mi-17, AK-630), one from Italy
        SipriRow mi17 = line(17);
        SipriRow ak630 = line(20);
        SipriRow italian = line(18);
        List<KnownDeal> known = List.of(known("sipri-mi17", mi17, FIRST), known("sipri-ak630", ak630, FIRST),
                known("sipri-gun", italian, FIRST));

        Result result = second(known, mi17);

        assertThat(result.dropped()).extracting(KnownDeal::dealId).containsExactly("sipri-ak630");
    }

    @Test
    void aRowTheReleaseListsButThatCannotBeReadDropsNoDealItMayBe() {
        SipriRow mi17 = line(17);
        SipriRow ak630 = line(20);
        List<KnownDeal> known = List.of(known("sipri-mi17", mi17, FIRST), known("sipri-ak630", ak630, FIRST));
        List<ReleaseRow> rows = List.of(release(mi17));

        // the AK-630 row was refused (say, a broken status cell): it may still be that deal
        Result unread = SipriReleaseMatching.match(SECOND, known, rows,
                List.of(new SipriReleaseMatching.UnreadRow("RUS", "DZA")));
        assertThat(unread.dropped()).isEmpty();
        // a recipient whose name is no actor's may be any of Russia's deals
        Result unknownRecipient = SipriReleaseMatching.match(SECOND, known, rows,
                List.of(new SipriReleaseMatching.UnreadRow("RUS", null)));
        assertThat(unknownRecipient.dropped()).isEmpty();
        // a refused row of another pair leaves the drop as it was
        Result elsewhere = SipriReleaseMatching.match(SECOND, known, rows,
                List.of(new SipriReleaseMatching.UnreadRow("FRA", "DZA")));
        assertThat(elsewhere.dropped()).extracting(KnownDeal::dealId).containsExactly("sipri-ak630");
    }

    @Test
    void importingTheSameReleaseAgainChangesNothingAndDropsNothing() {
        SipriRow mi17 = line(17);
        SipriRow ak630 = line(20);
        List<KnownDeal> known = List.of(known("sipri-mi17", mi17, SECOND), known("sipri-ak630", ak630, SECOND));

        Result result = second(known, mi17);

        assertThat(result.decisions().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(result.dropped()).as("a partial file of the same release").isEmpty();
    }

    @Test
    void aRowOfTheSameReleaseThatDiffersFromTheDealItListedIsAnotherDeal() {
        SipriRow mi17 = line(17);
        SipriRow other = line(17, cells -> {
            cells[4] = "12";
            return cells;
        });

        Result result = second(List.of(known("sipri-mi17", mi17, SECOND)), other);

        assertThat(result.decisions().get(0).outcome()).isEqualTo(Outcome.IMPORTED);
    }

    @Test
    void aNewDealWhoseContentIdAKnownDealHoldsTakesTheNextOccurrence() {
        SipriRow mi17 = line(17);
        String contentId = SipriDealMapper.dealId(mi17, 1);
        SipriRow revised = line(17, cells -> {
            cells[4] = "44";
            return cells;
        });
        // the deal recorded from mi17's content was revised since; the same content again is another deal
        KnownDeal earlier = known(contentId, revised, SECOND);

        Decision decision = second(List.of(earlier), mi17).decisions().get(0);

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(decision.dealId()).isEqualTo(SipriDealMapper.dealId(mi17, 2));
    }

    @Test
    void theWholeSampleAgainstItselfIsUnchangedAndDropsNothing() {
        List<SipriRow> rows = Sample.read().rows();
        List<KnownDeal> known = new ArrayList<>();
        List<String> ids = SipriDealMapper.dealIds(rows);
        List<ReleaseRow> mapped = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SipriMapping mapping = SipriDealMapper.map(rows.get(i));
            if (mapping.accepted()) {
                known.add(known(ids.get(i), rows.get(i), FIRST));
                mapped.add(release(rows.get(i)));
            }
        }

        Result result = SipriReleaseMatching.match(SECOND, known, mapped);

        assertThat(mapped).hasSizeGreaterThan(400);
        assertThat(result.decisions()).extracting(Decision::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(result.dropped()).isEmpty();
    }

    /** Bahrain's M-113 order (line 42) with other numbers ordered and delivered. */
    private static SipriRow m113(int ordered, int delivered) {
        return line(42, cells -> {
            cells[4] = Integer.toString(ordered);
            cells[8] = Integer.toString(delivered);
            return cells;
        });
    }

    @Test
    void ofDealsWrittenAlikeAnyOneIsTheDealAChangedRowRevisesAndTheOtherIsDropped() {
        // SIPRI lists some orders twice, word for word: two deals no cell tells apart
        SipriRow order = m113(20, 20);
        List<KnownDeal> known = List.of(known("sipri-twin-1", order, FIRST), known("sipri-twin-2", order, FIRST));

        Result result = second(known, m113(20, 18));

        assertThat(result.decisions().get(0).outcome()).isEqualTo(Outcome.REVISED);
        assertThat(result.decisions().get(0).dealId()).isEqualTo("sipri-twin-1");
        assertThat(result.dropped()).extracting(KnownDeal::dealId).containsExactly("sipri-twin-2");
    }

    @Test
    void inALargeIdentityEachRowRevisesTheDealMostLikeIt() {
        List<KnownDeal> known = new ArrayList<>();
        List<SipriRow> rows = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            known.add(known("sipri-order-" + i, m113(10 * i, 10 * i), FIRST));
            rows.add(m113(10 * i, 10 * i - 1));
        }

        Result result = second(known, rows.toArray(SipriRow[]::new));

        for (int i = 0; i < 9; i++) {
            assertThat(result.decisions().get(i).outcome()).isEqualTo(Outcome.REVISED);
            assertThat(result.decisions().get(i).dealId()).isEqualTo("sipri-order-" + (i + 1));
        }
        assertThat(result.dropped()).isEmpty();
    }

    @Test
    void inALargeIdentityARowAsLikeOneDealAsAnotherIsAmbiguousToo() {
        List<KnownDeal> known = new ArrayList<>();
        List<SipriRow> rows = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            known.add(known("sipri-order-" + i, m113(10 * i, 10 * i), FIRST));
            // each row differs from every deal in the same two cells
            rows.add(m113(10 * i + 5, 10 * i + 5));
        }

        Result result = second(known, rows.toArray(SipriRow[]::new));

        assertThat(result.decisions()).extracting(Decision::outcome).containsOnly(Outcome.AMBIGUOUS);
        assertThat(result.decisions().get(0).candidates()).hasSize(9);
        assertThat(result.dropped()).isEmpty();
    }
}
