package org.dyad.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command the text supports, as an analyst would post it.
 *
 * @param id       the proposal's id within its draft ({@code p1}, {@code p2} …)
 * @param command  the command's name ({@code SignAgreement}, {@code NotifySale} …)
 * @param endpoint method and path ({@code POST /api/v1/agreements}); a path naming a record drafted in the same
 *                 text uses that record's {@code id}; {@code {agreementId}} or {@code {dealId}} stays in it when the
 *                 record is not in the text and the analyst must choose it
 * @param body     exactly the JSON body of that endpoint
 * @param evidence for every field set in {@code body}, by JSON pointer ({@code /parties/0}, {@code /estimate/amount})
 * @param notes    what the engine saw but could not put in the body (a value the command has no field for, a record
 *                 to choose)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Proposal(String id, String command, String endpoint, ObjectNode body,
                       Map<String, FieldEvidence> evidence, List<String> notes) {

    public Proposal {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
