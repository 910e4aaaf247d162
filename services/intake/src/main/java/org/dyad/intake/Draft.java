package org.dyad.intake;

import java.util.List;

/**
 * What the engine read in a text: its kind, its source and the proposed commands. Drafting records nothing.
 *
 * @param kindConfidence how clearly the text showed its kind (0..1); 1 when the analyst named it
 */
public record Draft(TextKind kind, double kindConfidence, TextSource source, List<Proposal> proposals) {

    public Draft {
        proposals = List.copyOf(proposals);
    }
}
