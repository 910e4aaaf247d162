package org.dyad.contracts.query;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

import java.util.List;

/** An agreement as the views show it: its parties' statuses and the sources behind it. */
public record AgreementSummary(String agreementId, String title, AgreementKind kind, List<String> subjects,
                               PartialDate signedOn, String place, List<PartyState> parties, List<Source> sources,
                               long version) {
}
