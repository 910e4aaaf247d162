package org.dyad.sipri;

import org.dyad.contracts.deal.UnRegisterCategory;
import org.dyad.contracts.deal.WeaponCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WeaponCategoriesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "FGA aircraft, AIRCRAFT, IV_COMBAT_AIRCRAFT",
            "fighter aircraft, AIRCRAFT, IV_COMBAT_AIRCRAFT",
            "armed UAV, AIRCRAFT, IV_COMBAT_AIRCRAFT",
            "transport aircraft, AIRCRAFT, -",
            "UAV, AIRCRAFT, -",
            "combat helicopter, AIRCRAFT, V_ATTACK_HELICOPTERS",
            "transport helicopter, AIRCRAFT, -",
            "tank, ARMOURED_VEHICLES, I_BATTLE_TANKS",
            "APC, ARMOURED_VEHICLES, II_ARMOURED_COMBAT_VEHICLES",
            "IFV, ARMOURED_VEHICLES, II_ARMOURED_COMBAT_VEHICLES",
            "infantry fighting vehicle, ARMOURED_VEHICLES, II_ARMOURED_COMBAT_VEHICLES",
            "armoured car, ARMOURED_VEHICLES, II_ARMOURED_COMBAT_VEHICLES",
            "armoured recovery vehicle, ARMOURED_VEHICLES, -",
            "self-propelled gun, ARTILLERY, III_LARGE_CALIBRE_ARTILLERY",
            "multiple rocket launcher, ARTILLERY, III_LARGE_CALIBRE_ARTILLERY",
            "frigate, SHIPS, VI_WARSHIPS",
            "corvette, SHIPS, VI_WARSHIPS",
            "submarine, SHIPS, VI_WARSHIPS",
            "destroyer, SHIPS, VI_WARSHIPS",
            "patrol craft, SHIPS, VI_WARSHIPS",
            "patrol boat, SHIPS, -",
            "SAM, MISSILES, -",
            "portable SAM, MISSILES, VII_MISSILES_AND_LAUNCHERS",
            "SAM system, AIR_DEFENCE_SYSTEMS, -",
            "anti-tank missile, MISSILES, -",
            "BVRAAM, MISSILES, VII_MISSILES_AND_LAUNCHERS",
            "ASM, MISSILES, -",
            "anti-ship missile, MISSILES, VII_MISSILES_AND_LAUNCHERS",
            "anti-submarine torpedo, MISSILES, -",
            "air search radar, SENSORS, -",
            "maritime patrol aircraft radar, SENSORS, -",
            "ASW sonar, SENSORS, -",
            "naval gun, NAVAL_WEAPONS, -",
            "aircraft engine, ENGINES, -",
            "turbofan, ENGINES, -",
            "reconnaissance satellite, SATELLITES, -",
            "air refuel system, OTHER, -",
            "something new, OTHER, -",
    })
    void siprisDescriptionsHaveTheirCategories(String description, WeaponCategory category,
                                               UnRegisterCategory unCategory) {
        assertThat(WeaponCategories.of(description))
                .isEqualTo(new WeaponCategories.Classification(category, unCategory));
    }

    @Test
    void caseAndSpacingDoNotMatter() {
        assertThat(WeaponCategories.of("  Fga   Aircraft ")).isEqualTo(WeaponCategories.of("FGA aircraft"));
        assertThat(WeaponCategories.of(null)).isEqualTo(WeaponCategories.UNKNOWN);
    }

    @Test
    void everyDescriptionInTheSampleIsKnown() {
        assertThat(Sample.read().rows())
                .filteredOn(row -> WeaponCategories.of(row.description()).category() == WeaponCategory.OTHER)
                .extracting(SipriRow::description)
                .containsOnly("air refuel system", "infantry fighting vehicle turret", "mortar turret");
    }
}
