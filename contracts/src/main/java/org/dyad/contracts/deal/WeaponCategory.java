package org.dyad.contracts.deal;

import org.dyad.contracts.wire.Described;

/** SIPRI's weapon categories. An item's UN Register category, when it has one, is recorded beside it. */
@Described("SIPRI's weapon category.")
public enum WeaponCategory {
    AIRCRAFT, AIR_DEFENCE_SYSTEMS, ANTI_SUBMARINE_WARFARE, ARMOURED_VEHICLES, ARTILLERY, ENGINES, MISSILES,
    NAVAL_WEAPONS, SATELLITES, SENSORS, SHIPS, SMALL_ARMS, OTHER
}
