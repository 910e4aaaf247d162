package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DyadYearPanelTest {

    private static JsonNode json(String text) throws IOException {
        return DyadJson.mapper().readTree(text);
    }

    /** Ten units, TIV 100, ordered in 2018: four delivered in 2019, five spread over 2020–2022. */
    private static final String DEAL = """
            {"dealId": "d1", "supplier": "RUS", "recipient": "IND", "status": "ACTIVE", "stage": "DELIVERING",
             "reportedOn": "2017-05", "contractedOn": "~2018",
             "items": [{"designation": "Su-30MKI", "quantity": 10}],
             "deliveries": [
               {"deliveredOn": "2019-04", "spreadOver": [], "items": [{"designation": "Su-30MKI", "quantity": 4}]},
               {"deliveredOn": "2022", "spreadOver": ["2020", "2021", "2022"],
                "items": [{"designation": "Su-30MKI", "quantity": 5}]}],
             "latestEstimates": [
               {"estimate": {"amount": 100, "currency": "TIV", "qualifier": "EXACT", "basis": "TIV"},
                "provenance": {"recordedAt": "2025-01-01T00:00:00Z", "source": {"publisher": "SIPRI",
                               "title": "Trade register"}, "grade": "A2"}},
               {"estimate": {"low": 1000, "high": 1200, "currency": "USD", "qualifier": "ABOUT"},
                "provenance": {"recordedAt": "2025-01-02T00:00:00Z", "source": {"publisher": "Reuters",
                               "title": "Deal"}}}]}""";

    @Test
    void aSpanOfDeliveryYearsSharesItsUnitsEvenlyTheRemainderToTheEarliestYears() throws IOException {
        JsonNode tranche = json(DEAL).path("deliveries").get(1);
        assertThat(DealFacts.unitsByYear(tranche)).containsExactly(Map.entry(2020, 2), Map.entry(2021, 2),
                Map.entry(2022, 1));
        assertThat(DealFacts.unitsByYear(json(DEAL).path("deliveries").get(0))).containsExactly(Map.entry(2019, 4));
    }

    @Test
    void aDealCountsItsOrderInItsContractYearAndItsTivInItsDeliveryYears() throws IOException {
        DyadYearExport.Pair pair = new DyadYearExport.Pair("RUS", "IND");
        pair.add(json(DEAL), List.of("TIV", "USD"));

        assertThat(pair.years.keySet()).containsExactly(2018, 2019, 2020, 2021, 2022);
        DyadYearExport.Year ordered = pair.years.get(2018);
        assertThat(ordered.orderedDeals).isEqualTo(1);
        assertThat(ordered.orderedUnits).isEqualTo(10);
        assertThat(ordered.orderedValues.get("USD")).containsExactly(new BigDecimal("1000"), new BigDecimal("1200"));
        assertThat(ordered.orderedValues.get("TIV")[1]).isEqualByComparingTo("100");
        assertThat(pair.years.get(2019).deliveredUnits).isEqualTo(4);
        assertThat(pair.years.get(2019).deliveredTiv).isEqualByComparingTo("40");
        assertThat(pair.years.get(2020).deliveredTiv).isEqualByComparingTo("20");
        assertThat(pair.years.get(2022).deliveredTiv).isEqualByComparingTo("10");
        assertThat(pair.years.get(2021).deliveringDeals).containsExactly("d1");
    }

    @Test
    void aCancelledDealIsNoOrderButWhatItDeliveredCounts() throws IOException {
        JsonNode cancelled = json(DEAL.replace("\"ACTIVE\"", "\"CANCELLED\""));
        DyadYearExport.Pair pair = new DyadYearExport.Pair("RUS", "IND");
        pair.add(cancelled, List.of("TIV", "USD"));

        assertThat(pair.years.containsKey(2018)).isFalse();
        assertThat(pair.years.get(2019).deliveredUnits).isEqualTo(4);
    }

    @Test
    void anAgreementIsInForceFromItsEntryUntilTheYearItEnds() throws IOException {
        JsonNode agreement = json("""
                {"agreementId": "a1", "enteredIntoForceOn": "1998-07", "endedOn": "2003-01-01"}""");
        assertThat(DyadYearExport.inForce(agreement, 1997)).isFalse();
        assertThat(DyadYearExport.inForce(agreement, 1998)).isTrue();
        assertThat(DyadYearExport.inForce(agreement, 2003)).isTrue();
        assertThat(DyadYearExport.inForce(agreement, 2004)).isFalse();
        assertThat(DyadYearExport.inForce(json("{\"agreementId\": \"a2\", \"enteredIntoForceOn\": null}"), 2000))
                .as("signed, never in force").isFalse();
    }

    @Test
    void aDealRowNamesBothActorsWithTheirCodesAndItsLatestEstimatePerCurrency() throws IOException {
        List<String> currencies = List.of("TIV", "USD");
        List<TidyColumn> columns = DealExport.columns(currencies);
        Object[] row = DealExport.row(json(DEAL), currencies, null);
        assertThat(row).hasSize(columns.size());
        Map<String, Object> byName = new java.util.HashMap<>();
        for (int i = 0; i < row.length; i++) {
            byName.put(columns.get(i).name(), row[i]);
        }
        assertThat(byName).containsEntry("supplier", "RUS").containsEntry("supplier_cow_num", 365)
                .containsEntry("supplier_iso2", "RU").containsEntry("recipient_iso3", "IND")
                .containsEntry("recipient_gw_num", 750).containsEntry("recipient_name", "India")
                .containsEntry("contracted_on", "~2018").containsEntry("contracted_on_precision", "YEAR")
                .containsEntry("contracted_on_approximate", true).containsEntry("order_year", 2018)
                .containsEntry("units_ordered", 10).containsEntry("units_delivered", 9)
                .containsEntry("first_delivery_year", 2019).containsEntry("last_delivery_year", 2022)
                .containsEntry("value_usd_low", new BigDecimal("1000"))
                .containsEntry("value_usd_source", "Reuters: Deal").containsEntry("value_tiv_grade", "A2");
    }
}
