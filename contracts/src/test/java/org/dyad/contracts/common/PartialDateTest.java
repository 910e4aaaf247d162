package org.dyad.contracts.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartialDateTest {

    @Test
    void aYearOnlyDateSpansTheWholeYear() {
        PartialDate year = PartialDate.parse("1989");
        assertThat(year.earliest()).isEqualTo(LocalDate.of(1989, 1, 1));
        assertThat(year.latest()).isEqualTo(LocalDate.of(1989, 12, 31));
        assertThat(year.toString()).isEqualTo("1989");
    }

    @Test
    void aMonthDateSpansTheMonthIncludingLeapDays() {
        PartialDate month = PartialDate.parse("2000-02");
        assertThat(month.earliest()).isEqualTo(LocalDate.of(2000, 2, 1));
        assertThat(month.latest()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void anApproximateDateKeepsItsMarkThroughARoundTrip() {
        PartialDate approximate = PartialDate.parse("~1995-06");
        assertThat(approximate.approximate()).isTrue();
        assertThat(PartialDate.parse(approximate.toString())).isEqualTo(approximate);
    }

    @Test
    void monthsAndDaysAreWrittenWithTwoDigits() {
        assertThat(PartialDate.parse("2001-03-05")).hasToString("2001-03-05");
        assertThat(PartialDate.parse("~1999-11-30")).hasToString("~1999-11-30");
        assertThat(PartialDate.parse("2000-10")).hasToString("2000-10");
    }

    @Test
    void datesOrderByTheirFirstPossibleDayThenByTheirLast() {
        assertThat(PartialDate.parse("2001")).isLessThan(PartialDate.parse("2001-03-12"));
        assertThat(PartialDate.parse("2001-03-12")).isLessThan(PartialDate.parse("2001-03-13"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001-13", "2001-02-30", "01-03-12", "2001/03/12", "March 2001", "", "2001-3"})
    void malformedOrImpossibleDatesAreRefused(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001-13|there is no month 13; months run from 01 to 12",
            "2001-00-05|there is no month 0; months run from 01 to 12",
            "2023-02-29|there is no day 29 in February 2023, which has 28 days",
            "2001-04-31|there is no day 31 in April 2001, which has 30 days"})
    void anImpossibleDateIsExplainedInTheCalendarsTerms(String text, String message) {
        assertThatThrownBy(() -> PartialDate.parse(text)).hasMessage(message);
        assertThat(PartialDate.parse("2024-02-29").day()).isEqualTo(29);
    }
}
