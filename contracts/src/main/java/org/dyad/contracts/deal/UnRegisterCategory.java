package org.dyad.contracts.deal;

import org.dyad.contracts.wire.Described;

/** The categories of the UN Register of Conventional Arms, plus small arms and light weapons. */
@Described("The category of the UN Register of Conventional Arms, or small arms and light weapons.")
public enum UnRegisterCategory {
    I_BATTLE_TANKS,
    II_ARMOURED_COMBAT_VEHICLES,
    III_LARGE_CALIBRE_ARTILLERY,
    IV_COMBAT_AIRCRAFT,
    V_ATTACK_HELICOPTERS,
    VI_WARSHIPS,
    VII_MISSILES_AND_LAUNCHERS,
    SMALL_ARMS_AND_LIGHT_WEAPONS
}
