package org.dyad.sipri;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.EstimateQualifier;
import org.dyad.contracts.common.ValueBasis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.contracts.common.EstimateQualifier.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SipriCommentsTest {

    private static Estimate amount(String amount, String currency, EstimateQualifier qualifier) {
        return new Estimate(new BigDecimal(amount), null, null, currency, qualifier, null, ValueBasis.CURRENT,
                SipriComments.SCOPE);
    }

    private static Estimate range(String low, String high, String currency) {
        return new Estimate(null, new BigDecimal(low), new BigDecimal(high), currency, EXACT, null,
                ValueBasis.CURRENT, SipriComments.SCOPE);
    }

    private static Estimate partOf(Estimate estimate) {
        return new Estimate(estimate.amount(), estimate.low(), estimate.high(), estimate.currency(),
                estimate.qualifier(), null, ValueBasis.CURRENT, SipriComments.PART_SCOPE);
    }

    static Stream<Arguments> valuesOfTheDeal() {
        return Stream.of(
                arguments("$180 m deal; Mi-171Sh armed version", List.of(amount("180000000", "USD", EXACT))),
                arguments("$32-50 m deal", List.of(range("32000000", "50000000", "USD"))),
                arguments("INR390 b ($5.4 b) deal", List.of(amount("390000000000", "INR", EXACT),
                        amount("5400000000", "USD", EXACT))),
                arguments("Second-hand; KRW150 b ($130-151 m) deal", List.of(amount("150000000000", "KRW", EXACT),
                        range("130000000", "151000000", "USD"))),
                arguments("about $1 b deal", List.of(amount("1000000000", "USD", ABOUT))),
                arguments("Deal worth up to $2 b", List.of(amount("2000000000", "USD", UP_TO))),
                arguments("Arms sales could reach $7 billion", List.of(amount("7000000000", "USD", COULD_REACH))),
                arguments("At least $500 m deal", List.of(amount("500000000", "USD", AT_LEAST))),
                arguments("DEM240 m deal", List.of(amount("240000000", "DEM", EXACT))),
                arguments("FFR1.2 b deal", List.of(amount("1200000000", "FRF", EXACT))),
                arguments("\u00a3130 m deal", List.of(amount("130000000", "GBP", EXACT))),
                arguments("GBP116 m ($187 m) deal (offsets 80-90%)", List.of(amount("116000000", "GBP", EXACT),
                        amount("187000000", "USD", EXACT))),
                arguments("$0.2 m deal", List.of(amount("200000", "USD", EXACT))),
                arguments("Deal worth $164 m (AUD923 m for total of 4 ordered 1976; 1977 and 1980)",
                        List.of(amount("164000000", "USD", EXACT))),
                arguments("$183 m deal (incl $47 import duties; offsets $394 m)",
                        List.of(amount("183000000", "USD", EXACT))),
                arguments("$525 m deal (incl $95 m aid)", List.of(amount("525000000", "USD", EXACT))),
                arguments("$38 m deal (incl $14.9 m for aircraft and $23 m for modernization by US company)",
                        List.of(amount("38000000", "USD", EXACT))),
                arguments("$183 m 'Peace Xenia-3' deal", List.of(amount("183000000", "USD", EXACT))),
                arguments("$70 m 2-year lease (extended after 2 years)", List.of(amount("70000000", "USD", EXACT))),
                arguments("MYR10 m ($3.3 m) lease via Malaysian company", List.of(amount("10000000", "MYR", EXACT),
                        amount("3300000", "USD", EXACT))),
                arguments("Second-hand; $2.6 m aid", List.of(amount("2600000", "USD", EXACT))),
                arguments("Part of $196 m deal", List.of(partOf(amount("196000000", "USD", EXACT)))),
                arguments("Part of KRW1 tr ($750 m) deal", List.of(partOf(amount("1000000000000", "KRW", EXACT)),
                        partOf(amount("750000000", "USD", EXACT)))),
                arguments("Second-hand; part of $300-380 m aid", List.of(partOf(range("300000000", "380000000",
                        "USD")))));
    }

    @ParameterizedTest
    @MethodSource("valuesOfTheDeal")
    void valuesOfTheDealAreRead(String comments, List<Estimate> expected) {
        assertThat(SipriComments.money(comments))
                .usingRecursiveFieldByFieldElementComparator()
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lease until end-2018 (EUR38 m for first year)", "offsets $394 m", "XYZ5 m deal",
            "$47 import duties", "Incl 30 for use in UN peacekeeping operations", "Paid with 15000 ton cotton",
            "For 2 MEKO-A200 frigates from Germany; 18-40% of components", "$50-32 m deal"})
    void nothingIsGuessed(String comments) {
        assertThat(SipriComments.money(comments)).isEmpty();
    }
}
