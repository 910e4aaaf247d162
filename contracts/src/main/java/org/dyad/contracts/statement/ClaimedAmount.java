package org.dyad.contracts.statement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.dyad.contracts.common.CurrencyCode;
import org.dyad.contracts.wire.Described;

import java.math.BigDecimal;

/**
 * The money a statement claims or disputes: compensation a buyer claims after a cancelled contract, an amount a
 * supplier says it is owed, a sum one side contests. {@code nature} says whether the speaker claims it or disputes
 * it. Never in TIV, which measures military capability, not money.
 */
@Described("Money a statement claims (`CLAIMED`: compensation, a debt) or contests (`DISPUTED`): `amount` in "
        + "`currency` (ISO 4217).")
public record ClaimedAmount(
        @NotNull @Positive BigDecimal amount,
        @NotNull @CurrencyCode String currency,
        @NotNull Nature nature) {

    /** Whether the speaker claims the amount or disputes it. */
    @Described("Whether the speaker claims the amount or disputes it.")
    public enum Nature {
        CLAIMED, DISPUTED
    }
}
