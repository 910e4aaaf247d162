package org.dyad.views.projection;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.actors.Succession;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.common.PartialDate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * State succession in an agreement's parties, for the date asked about. A party that ceased to exist by then is
 * {@code ENDED} from its last day on; a successor that continues it (a continuation or unification) takes its place
 * from the succession date with the predecessor's standing and no act of its own (Russia in the Soviet Union's
 * treaties from 1991-12-26). A successor that may succeed by notice (a separation or dissolution) takes its place
 * only when its notice is recorded, as a consent by {@code SUCCESSION}. An agreement in force that fewer than two
 * parties remain bound by has ended ({@code TERMINATED}) on the day the last but one left it.
 */
final class PartySuccession {

    private static final ActorRegistry ACTORS = ActorRegistry.standard();

    private PartySuccession() {
    }

    /** The predecessor among the agreement's parties that {@code successor} followed, if any. */
    static Optional<Succession> predecessorAmong(AgreementView agreement, String successor) {
        return ACTORS.successionsTo(successor).stream()
                .filter(s -> agreement.hasParty(s.predecessor()) && s.kind().takesOverRelations())
                .findFirst();
    }

    /**
     * Applies, for {@code referenceDate}, the end of every party that ceased to exist and the succession of its
     * continuators; predecessors first, so that a chain (Yugoslavia, Serbia and Montenegro, Serbia) passes on.
     */
    static void apply(AgreementView agreement, LocalDate referenceDate) {
        PriorityQueue<PartyStanding> ending = new PriorityQueue<>(
                Comparator.comparing(p -> endOf(p.party())));
        agreement.parties().stream().filter(p -> endsBy(p, referenceDate)).forEach(ending::add);
        while (!ending.isEmpty()) {
            PartyStanding predecessor = ending.poll();
            LocalDate end = endOf(predecessor.party());
            boolean withdrawnBefore = predecessor.status == PartyStatus.WITHDRAWAL_NOTIFIED
                    && predecessor.withdrawalEffectiveOn.earliest().isBefore(end.plusDays(1));
            if (!predecessor.status.isActive() || withdrawnBefore) {
                continue;
            }
            PartyStatus standing = predecessor.status;
            predecessor.ended(end, null);
            for (Succession succession : ACTORS.successionsFrom(predecessor.party())) {
                if (!succession.kind().bindsWithoutNotice() || referenceDate.isBefore(succession.on())) {
                    continue;
                }
                boolean own = agreement.hasParty(succession.successor());
                PartyStanding successor = agreement.party(succession.successor());
                if (!own) {
                    successor.status = standing;
                }
                successor.inherit(predecessor);
                successor.bySuccession(predecessor.party(), succession.kind().name(), succession.on());
                predecessor.ended(end, succession.successor());
                if (!own && endsBy(successor, referenceDate)) {
                    ending.add(successor);
                }
            }
        }
    }

    private static boolean endsBy(PartyStanding party, LocalDate referenceDate) {
        LocalDate end = endOf(party.party());
        return end != null && !referenceDate.isBefore(end);
    }

    /** The day a party no longer existed, or null. */
    private static LocalDate endOf(String code) {
        return ACTORS.byCode(code).map(Actor::validTo).orElse(null);
    }

    /**
     * An agreement in force ends when fewer than two parties remain bound: on the latest day one of the others
     * left it (withdrawal effective, renunciation, or end without a successor bound).
     */
    static void endIfFewerThanTwoBound(AgreementView agreement) {
        if (agreement.status != AgreementStatus.IN_FORCE) {
            return;
        }
        List<PartyStanding> parties = agreement.parties();
        if (parties.stream().filter(PartyStanding::isBound).count() >= 2) {
            return;
        }
        parties.stream().map(PartySuccession::leftOn).filter(Objects::nonNull)
                .max(Comparator.comparing(d -> d.earliest()))
                .ifPresent(left -> {
                    agreement.status = AgreementStatus.TERMINATED;
                    agreement.endedOn = left;
                });
    }

    private static PartialDate leftOn(PartyStanding party) {
        return switch (party.status) {
            case WITHDRAWN -> party.withdrawalEffectiveOn;
            case RENOUNCED -> party.renouncedOn;
            case ENDED -> PartialDate.of(party.endedOn);
            default -> null;
        };
    }

    /** The next day after {@code referenceDate} on which a party ceases to exist, or null. */
    static LocalDate nextEndAfter(AgreementView agreement, LocalDate referenceDate) {
        return agreement.parties().stream().filter(p -> p.status.isActive()).map(p -> endOf(p.party()))
                .filter(d -> d != null && d.isAfter(referenceDate)).min(LocalDate::compareTo).orElse(null);
    }
}
