package org.dyad.contracts.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidTimeOrderTest {

    /** A fact for these tests: its name and its date, in the order the list gives (the recording order). */
    private record Fact(String name, String date) {
        PartialDate validOn() {
            return date == null ? null : PartialDate.parse(date);
        }
    }

    private static List<String> order(Fact... recorded) {
        return ValidTimeOrder.of(List.of(recorded), Fact::validOn).stream().map(Fact::name).toList();
    }

    @Test
    void factsWhoseDatesDoNotOverlapGoInTheOrderOfTheirDates() {
        assertThat(order(new Fact("cancelled", "2015-08-05"), new Fact("suspended", "2014-11-25")))
                .containsExactly("suspended", "cancelled");
        assertThat(order(new Fact("cancelled", "2015"), new Fact("suspended", "2014-11-25")))
                .containsExactly("suspended", "cancelled");
    }

    @Test
    void overlappingFactsKeepTheOrderTheyWereRecordedIn() {
        assertThat(order(new Fact("suspended", "2014-11-25"), new Fact("cancelled", "2014")))
                .containsExactly("suspended", "cancelled");
        assertThat(order(new Fact("cancelled", "2014"), new Fact("suspended", "2014-11-25")))
                .containsExactly("cancelled", "suspended");
        assertThat(order(new Fact("second", "2014-11-25"), new Fact("first", "~2014-11-25")))
                .containsExactly("second", "first");
    }

    @Test
    void aFactSurelyBeforeAnotherGoesFirstEvenWhenBothOverlapAThird() {
        // "2015" overlaps both; 2015-02 is surely before 2015-09, whatever the recording order
        assertThat(order(new Fact("year", "2015"), new Fact("september", "2015-09"), new Fact("february", "2015-02")))
                .containsExactly("year", "february", "september");
    }

    @Test
    void aFactWithoutDateOverlapsEveryFact() {
        assertThat(order(new Fact("later", "2020"), new Fact("undated", null), new Fact("earlier", "2010")))
                .containsExactly("undated", "earlier", "later");
    }

    @Test
    void aFactIsSureFromTheLastDayItsDateMayDenoteAndPossibleFromTheFirst() {
        PartialDate year = PartialDate.parse("2015");
        assertThat(ValidTimeOrder.possiblyBy(year, LocalDate.parse("2014-12-31"))).isFalse();
        assertThat(ValidTimeOrder.possiblyBy(year, LocalDate.parse("2015-01-01"))).isTrue();
        assertThat(ValidTimeOrder.possiblyBy(year, LocalDate.parse("2015-12-30"))).isTrue();
        assertThat(ValidTimeOrder.surelyBy(year, LocalDate.parse("2015-12-30"))).isFalse();
        assertThat(ValidTimeOrder.surelyBy(year, LocalDate.parse("2015-12-31"))).isTrue();
        assertThat(ValidTimeOrder.possiblyBy(year, LocalDate.parse("2015-12-31"))).isFalse();
        PartialDate day = PartialDate.parse("2014-11-25");
        assertThat(ValidTimeOrder.surelyBy(day, LocalDate.parse("2014-11-25"))).isTrue();
        assertThat(ValidTimeOrder.possiblyBy(day, LocalDate.parse("2014-11-25"))).isFalse();
    }
}
