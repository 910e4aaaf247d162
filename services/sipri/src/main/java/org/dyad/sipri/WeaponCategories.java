package org.dyad.sipri;

import org.dyad.contracts.deal.UnRegisterCategory;
import org.dyad.contracts.deal.WeaponCategory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.dyad.contracts.deal.UnRegisterCategory.*;
import static org.dyad.contracts.deal.WeaponCategory.*;

/**
 * SIPRI's weapon category and the UN Register category of an item, from SIPRI's weapon description. A UN category is
 * given only when every item of that description falls in it: a SAM is not (the Register leaves out ground-to-air
 * missiles) but a portable SAM is; an anti-ship missile is (they all reach 25 km) but an air-to-surface missile may
 * not be; a patrol boat is too small to be a warship, a patrol ship is not.
 */
final class WeaponCategories {

    record Classification(WeaponCategory category, UnRegisterCategory unCategory) {
    }

    static final Classification UNKNOWN = new Classification(OTHER, null);

    private static final Map<String, Classification> BY_DESCRIPTION = new HashMap<>();
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static {
        add(AIRCRAFT, IV_COMBAT_AIRCRAFT, "FGA aircraft", "fighter aircraft", "ground-attack aircraft",
                "bomber aircraft", "trainer/combat aircraft", "combat aircraft", "light combat aircraft",
                "anti-submarine aircraft", "ASW aircraft", "armed UAV", "UCAV");
        add(AIRCRAFT, null, "transport aircraft", "light transport aircraft", "heavy transport aircraft",
                "tanker/transport aircraft", "tanker aircraft", "trainer aircraft", "(armed) trainer aircraft",
                "light aircraft", "light/trainer aircraft", "reconnaissance aircraft", "maritime patrol aircraft",
                "AEW aircraft", "AEW&C aircraft", "ELINT aircraft", "SIGINT aircraft", "ISR aircraft", "EW aircraft",
                "UAV", "helicopter", "light helicopter", "transport helicopter", "heavy transport helicopter",
                "SAR helicopter", "AEW helicopter", "airship");
        add(AIRCRAFT, V_ATTACK_HELICOPTERS, "combat helicopter", "anti-submarine helicopter", "ASW helicopter");

        add(ARMOURED_VEHICLES, I_BATTLE_TANKS, "tank");
        add(ARMOURED_VEHICLES, II_ARMOURED_COMBAT_VEHICLES, "APC", "armoured personnel carrier", "IFV",
                "infantry fighting vehicle", "APC/IFV", "IFV/APC", "armoured car", "APC/armoured car", "light tank",
                "tank destroyer", "armoured reconnaissance vehicle");
        add(ARMOURED_VEHICLES, null, "armoured recovery vehicle", "ARV", "armoured engineer vehicle",
                "armoured bridgelayer", "armoured supply vehicle", "armoured support vehicle", "armoured vehicle");

        add(ARTILLERY, III_LARGE_CALIBRE_ARTILLERY, "towed gun", "self-propelled gun", "towed howitzer",
                "self-propelled howitzer", "multiple rocket launcher", "MRL", "self-propelled MRL", "towed MRL",
                "mortar", "self-propelled mortar", "coastal gun");

        add(AIR_DEFENCE_SYSTEMS, null, "SAM system", "mobile SAM system", "anti-aircraft gun", "AA gun",
                "self-propelled AA gun", "self-propelled anti-aircraft gun", "air defence system", "ABM system");
        add(NAVAL_WEAPONS, null, "naval gun", "naval SAM system", "CIWS", "naval CIWS", "close-in weapon system");
        add(ANTI_SUBMARINE_WARFARE, null, "ASW mortar", "ASW rocket launcher", "anti-submarine rocket launcher",
                "ASW MRL", "depth charge launcher");

        add(MISSILES, null, "SAM", "ABM missile", "anti-tank missile", "short-range air-to-air missile", "SRAAM",
                "air-to-surface missile", "ASM", "anti-tank/air-to-surface missile", "guided bomb", "guided shell",
                "guided rocket", "loitering munition", "torpedo", "anti-submarine torpedo", "ASW torpedo",
                "anti-ship torpedo");
        add(MISSILES, VII_MISSILES_AND_LAUNCHERS, "portable SAM", "MANPADS", "long-range air-to-air missile",
                "BVRAAM", "anti-ship missile", "anti-ship/land-attack missile", "anti-ship/surface-to-surface missile",
                "land-attack missile", "surface-to-surface missile", "SSM", "cruise missile", "ballistic missile",
                "anti-radar missile", "surface-to-surface missile launcher", "coastal defence system");

        add(SENSORS, null, "aircraft EO system", "aircraft EO/radar system", "EO system", "ASW sonar",
                "submarine sonar", "ship sonar", "helicopter sonar", "sonar");
        add(ENGINES, null, "ship engine", "aircraft engine", "vehicle engine", "turbofan", "turbojet", "turboprop",
                "turboshaft", "gas turbine", "diesel engine");

        add(SHIPS, VI_WARSHIPS, "frigate", "corvette", "submarine", "destroyer", "cruiser", "aircraft carrier",
                "helicopter carrier", "patrol craft", "patrol ship", "OPV", "offshore patrol vessel", "missile boat",
                "landing ship", "amphibious assault ship");
        add(SHIPS, null, "patrol boat", "landing craft", "support ship", "replenishment ship", "tanker", "cargo ship",
                "transport ship", "tug", "minesweeper", "minehunter", "MCM ship", "training ship", "research ship",
                "survey ship", "icebreaker", "fast attack craft");
        add(SATELLITES, null, "satellite", "reconnaissance satellite", "communications satellite");
        add(OTHER, null, "air refuel system", "infantry fighting vehicle turret", "IFV turret", "APC turret",
                "tank turret", "mortar turret");
    }

    /** Descriptions not in the table are placed by their last word, where that leaves no doubt. */
    private static final List<Map.Entry<String, Classification>> BY_LAST_WORD = List.of(
            Map.entry(" radar", new Classification(SENSORS, null)),
            Map.entry(" sonar", new Classification(SENSORS, null)),
            Map.entry(" engine", new Classification(ENGINES, null)),
            Map.entry(" satellite", new Classification(SATELLITES, null)),
            Map.entry(" turret", new Classification(OTHER, null)));

    private WeaponCategories() {
    }

    private static void add(WeaponCategory category, UnRegisterCategory unCategory, String... descriptions) {
        Classification classification = new Classification(category, unCategory);
        for (String description : descriptions) {
            if (BY_DESCRIPTION.put(key(description), classification) != null) {
                throw new IllegalStateException("'" + description + "' is in the table twice");
            }
        }
    }

    private static String key(String description) {
        return SPACES.matcher(description.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The categories of SIPRI's description, or {@link #UNKNOWN} (OTHER, no UN category). */
    static Classification of(String description) {
        if (description == null || description.isBlank()) {
            return UNKNOWN;
        }
        String key = key(description);
        Classification known = BY_DESCRIPTION.get(key);
        if (known != null) {
            return known;
        }
        for (Map.Entry<String, Classification> rule : BY_LAST_WORD) {
            if (key.endsWith(rule.getKey())) {
                return rule.getValue();
            }
        }
        return UNKNOWN;
    }
}
