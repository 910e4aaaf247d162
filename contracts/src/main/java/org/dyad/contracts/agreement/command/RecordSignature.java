package org.dyad.contracts.agreement.command;

import org.dyad.contracts.common.AdmiraltyGrade;
import org.dyad.contracts.common.DyadCommand;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;

/** Record that a further party signed. */
public record RecordSignature(
        String agreementId,
        PartialDate on,
        String party,
        Source source,
        AdmiraltyGrade grade,
        String recordedBy,
        Long expectedVersion) implements DyadCommand {

    @Override
    public String targetId() {
        return agreementId;
    }
}
