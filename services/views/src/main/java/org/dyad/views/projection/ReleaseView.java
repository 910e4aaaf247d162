package org.dyad.views.projection;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.register.RegisterImportCounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read model of a release of a published register: its document in {@code views.register_release}, folded by
 * {@link ReleaseProjection}. Dyad knows the release as published from {@code knownFrom}, the recording time of its
 * first completed import; questions asked as of the release ({@code asReleased}) are answered as known then.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ReleaseView {

    String releaseId;
    String register;
    PartialDate releasedOn;
    Instant knownFrom;
    final List<Import> imports = new ArrayList<>();
    long version;

    ReleaseView() {
    }

    /** One completed import of a file of the release, with what became of its rows. */
    public record Import(String jobId, String fileName, String fileSha256, String charset, RegisterImportCounts counts,
                         Instant recordedAt) {
    }

    public String releaseId() {
        return releaseId;
    }

    public PartialDate releasedOn() {
        return releasedOn;
    }

    public Instant knownFrom() {
        return knownFrom;
    }
}
