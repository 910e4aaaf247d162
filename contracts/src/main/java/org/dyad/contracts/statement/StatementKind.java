package org.dyad.contracts.statement;

/** What an official statement does. CAMEO codes, where one fits, are recorded beside the kind. */
public enum StatementKind {
    PROTEST, THREAT, PLEDGE, EXPECTATION, DENIAL, DEMAND, APPEAL, PRAISE, OTHER
}
