package org.dyad.contracts.agreement;

import org.dyad.contracts.wire.Described;

/**
 * A step in an agreement's life other than signature, consent and entry into force: the adoption of its text (by a
 * conference or the UN General Assembly, before it opens for signature), the start and end of its provisional
 * application, and the taking effect of some of its provisions before or apart from the rest.
 */
@Described("A milestone of an agreement other than signature, consent and entry into force: `ADOPTION` of the "
        + "text, `PROVISIONAL_APPLICATION` begun, `PROVISIONAL_APPLICATION_ENDED`, `PARTIAL_EFFECT` (the provisions "
        + "named take effect), `OTHER`.")
public enum MilestoneKind {
    ADOPTION, PROVISIONAL_APPLICATION, PROVISIONAL_APPLICATION_ENDED, PARTIAL_EFFECT, OTHER
}
