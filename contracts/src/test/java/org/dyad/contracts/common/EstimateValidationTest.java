package org.dyad.contracts.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EstimateValidationTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static Map<String, String> problems(Estimate estimate) {
        return VALIDATOR.validate(estimate).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a + "; " + b));
    }

    private static Estimate estimate(String amount, String low, String high, String currency) {
        return new Estimate(amount == null ? null : new BigDecimal(amount), low == null ? null : new BigDecimal(low),
                high == null ? null : new BigDecimal(high), currency, EstimateQualifier.ABOUT, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "INR", "EUR", "DEM", "FRF", "SUR", "TIV"})
    void currentHistoricCurrenciesAndTivAreAccepted(String currency) {
        assertThat(problems(estimate("7000000000", null, null, currency))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "XAU", "XXX", "QQQ"})
    void aThreeLetterCodeThatIsNoCurrencyIsRefused(String currency) {
        assertThat(problems(estimate("1", null, null, currency)))
                .containsOnlyKeys("currency").extractingByKey("currency").asString().contains("ISO 4217");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1|2|3|low|not both",
            "-|-|-|amount|give an amount, or low and high",
            "-|2|-|high|needs both low and high",
            "-|-|3|low|needs both low and high",
            "-|5|3|low|must not be above high (3)"})
    void aBrokenAmountOrRangeNamesTheFieldToChange(String amount, String low, String high, String field,
                                                   String message) {
        assertThat(problems(estimate(amount, low, high, "USD"))).containsOnlyKeys(field)
                .extractingByKey(field).asString().contains(message);
    }

    @Test
    void aRangeOrAnAmountAloneIsValid() {
        assertThat(problems(estimate(null, "5", "7", "USD"))).isEmpty();
        assertThat(problems(estimate("5", null, null, "USD"))).isEmpty();
    }
}
