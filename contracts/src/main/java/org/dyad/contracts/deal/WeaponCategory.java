package org.dyad.contracts.deal;

/** SIPRI's weapon categories. An item's UN Register category, when it has one, is recorded beside it. */
public enum WeaponCategory {
    AIRCRAFT, AIR_DEFENCE_SYSTEMS, ANTI_SUBMARINE_WARFARE, ARMOURED_VEHICLES, ARTILLERY, ENGINES, MISSILES,
    NAVAL_WEAPONS, SATELLITES, SENSORS, SHIPS, SMALL_ARMS, OTHER
}
