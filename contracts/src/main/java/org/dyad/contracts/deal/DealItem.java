package org.dyad.contracts.deal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dyad.contracts.wire.Described;

/**
 * What is transferred.
 *
 * @param designation       as the source names it ("S-300", "Kilo-class")
 * @param description       what it is, in SIPRI's words where possible ("SAM system", "submarine")
 * @param category          SIPRI's weapon category
 * @param unCategory        the UN Register category, when the item falls in one
 * @param quantity          how many, when known
 * @param unit              what is counted when not whole systems ("batteries", "kits"); systems when absent
 * @param quantityUncertain the source's number is uncertain (SIPRI's "?")
 * @param condition         new, second-hand or second-hand modernised
 */
@Described("What is transferred: the designation as the source names it, what it is, categories, how many (`unit` "
        + "when not whole systems) and in what condition.")
public record DealItem(
        @NotBlank @Size(max = 200) String designation,
        @Size(max = 500) String description,
        WeaponCategory category,
        UnRegisterCategory unCategory,
        @Min(0) Integer quantity,
        @Size(max = 50) String unit,
        boolean quantityUncertain,
        ItemCondition condition) {

    /** An item known only by its designation and description. */
    public static DealItem of(String designation, String description, Integer quantity) {
        return new DealItem(designation, description, null, null, quantity, null, false, null);
    }
}
