package org.dyad.views.projection;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorRegistry;
import org.dyad.actors.Succession;
import org.dyad.actors.SuccessionKind;
import org.dyad.contracts.common.PartialDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A deal's supplier or recipient that changed by state succession while the deal ran: until {@code on} the role was
 * {@code predecessor}'s, from {@code on} {@code successor}'s. Either the deal names the successor for an order placed
 * before it existed (SIPRI names Russia for orders placed with the Soviet Union that Russia delivered), or it names a
 * predecessor that ended while the deal was open and that a successor carries on (a continuation, unification or
 * absorption; a state that separated carries on none of its predecessor's deals unless a deal names it).
 *
 * @param role "supplier" or "recipient"
 */
public record DealSuccession(String role, String predecessor, String successor, SuccessionKind kind, LocalDate on) {

    private static final ActorRegistry ACTORS = ActorRegistry.standard();


    /** The successions of the deal's two roles, from its order (or first report) to its last fact or now. */
    static List<DealSuccession> of(DealView deal, String lastValidOn) {
        List<DealSuccession> successions = new ArrayList<>();
        addFor("supplier", deal.supplier, deal, lastValidOn, successions);
        addFor("recipient", deal.recipient, deal, lastValidOn, successions);
        return successions;
    }

    private static void addFor(String role, String code, DealView deal, String lastValidOn,
                               List<DealSuccession> successions) {
        Actor actor = ACTORS.byCode(code).orElse(null);
        if (actor == null || deal.reportedOn == null) {
            return;
        }
        LocalDate ordered = deal.reportedOn.earliest();
        if (actor.validFrom() != null && ordered.isBefore(actor.validFrom())) {
            ACTORS.successionsTo(code).stream()
                    .filter(s -> s.kind().takesOverRelations() && ordered.isBefore(s.on()))
                    .findFirst()
                    .ifPresent(s -> successions.add(new DealSuccession(role, s.predecessor(), code, s.kind(),
                            s.on())));
            return;
        }
        if (actor.validTo() != null) {
            boolean openAtEnd = deal.pending() || lastValidOn != null
                    && !PartialDate.parse(lastValidOn).latest().isBefore(actor.validTo());
            if (!openAtEnd) {
                return;
            }
            for (Succession s : ACTORS.successionsFrom(code)) {
                if (s.kind().carriesOnDeals()) {
                    successions.add(new DealSuccession(role, code, s.successor(), s.kind(), s.on()));
                }
            }
        }
    }
}
