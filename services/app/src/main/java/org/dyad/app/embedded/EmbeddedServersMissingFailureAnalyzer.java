package org.dyad.app.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a start in embedded mode without the embedded servers as what to set, not as a stack trace. */
public class EmbeddedServersMissingFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServersMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServersMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set DYAD_EMBEDDED=false and point Dyad at PostgreSQL (DYAD_DB_URL) and Kafka "
                        + "(DYAD_KAFKA_BOOTSTRAP_SERVERS); see docs/operations.md, \"Production jar and development "
                        + "servers\".", cause);
    }
}
