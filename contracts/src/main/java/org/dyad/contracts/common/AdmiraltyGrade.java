package org.dyad.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.dyad.contracts.wire.Described;

/**
 * The Admiralty (NATO) grade of a report: the source's reliability, A (completely reliable) to F (cannot be judged),
 * and the information's credibility, 1 (confirmed) to 6 (cannot be judged). Written as two characters, e.g. "B2".
 */
@Described("The Admiralty (NATO) grade of a report: the source's reliability, A (completely reliable) to F "
        + "(cannot be judged), then the information's credibility, 1 (confirmed) to 6 (cannot be judged).")
public record AdmiraltyGrade(char reliability, int credibility) {

    public AdmiraltyGrade {
        if (reliability < 'A' || reliability > 'F') {
            throw new IllegalArgumentException("reliability must be A to F");
        }
        if (credibility < 1 || credibility > 6) {
            throw new IllegalArgumentException("credibility must be 1 to 6");
        }
    }

    @JsonCreator
    public static AdmiraltyGrade parse(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[A-F][1-6]")) {
            throw new IllegalArgumentException("'" + text + "' is not an Admiralty grade such as B2 (A-F, then 1-6)");
        }
        return new AdmiraltyGrade(text.charAt(0), text.charAt(1) - '0');
    }

    @JsonValue
    @Override
    public String toString() {
        return "" + reliability + credibility;
    }
}
