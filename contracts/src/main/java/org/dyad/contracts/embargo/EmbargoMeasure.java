package org.dyad.contracts.embargo;

import org.dyad.contracts.wire.Described;

/**
 * What an embargo or sanctions regime forbids. {@code ARMS} is the supply of weapons and ammunition,
 * {@code DUAL_USE} goods with civil and military uses, {@code MILITARY_ASSISTANCE} training, financing and technical
 * help for military activities, {@code ARMS_IMPORTS} buying arms from the target (e.g. UN Security Council
 * resolution 1747 forbids procuring arms from Iran), {@code FINANCIAL} asset freezes and payment bans.
 */
@Described("What an embargo forbids: `ARMS` (supplying weapons and ammunition), `DUAL_USE` (goods with civil and "
        + "military uses), `MILITARY_ASSISTANCE` (training, financing, technical help), `ARMS_IMPORTS` (buying arms "
        + "from the target), `FINANCIAL` (asset freezes, payment bans), `OTHER` (see `scope`).")
public enum EmbargoMeasure {
    ARMS, DUAL_USE, MILITARY_ASSISTANCE, ARMS_IMPORTS, FINANCIAL, OTHER
}
