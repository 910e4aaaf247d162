package org.dyad.contracts.statement;

import org.dyad.contracts.wire.Described;

/** What an official statement does. CAMEO codes, where one fits, are recorded beside the kind. */
@Described("What an official statement does.")
public enum StatementKind {
    PROTEST, THREAT, PLEDGE, EXPECTATION, DENIAL, DEMAND, APPEAL, PRAISE, OTHER
}
