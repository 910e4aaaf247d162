package org.dyad.views.web;

import org.dyad.support.web.ApiProblemException;
import org.dyad.views.query.RegisterReleases;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The instant a view answers as known at: {@code knownAt} as given, or {@code asReleased} — a release of a published
 * register, by id ({@code sipri-2025-03-13}) or date ({@code 2025-03-13}) — read as the recording time of that
 * release's first completed import, when Dyad first knew the register as that release states it.
 */
@Component
public class ReleaseTimes {

    /** The description of the parameter in every view that takes it. */
    static final String AS_RELEASED = "a release of SIPRI's trade register, by id (sipri-2024-03-11) or date "
            + "(2024-03-11): the answer as Dyad knew it when that release was first imported (instead of knownAt)";

    private final RegisterReleases releases;

    ReleaseTimes(RegisterReleases releases) {
        this.releases = releases;
    }

    /** The instant asked about, {@code null} for the present; a problem naming the parameter when it is not one. */
    public Instant knownAt(String knownAt, String asReleased) {
        if (asReleased == null || asReleased.isBlank()) {
            return TimeParameters.knownAt(knownAt);
        }
        if (knownAt != null && !knownAt.isBlank()) {
            throw ApiProblemException.badRequest("asReleased", "give either asReleased or knownAt, not both: a "
                    + "release stands for the instant Dyad first knew it");
        }
        return release(asReleased, "asReleased", false).knownFrom();
    }

    /**
     * The release named, imported at least once.
     *
     * @param missingIsNotFound a release not on record is a 404 (a path's release) rather than a 400 (a parameter's)
     */
    public RegisterReleases.Release release(String name, String parameter, boolean missingIsNotFound) {
        RegisterReleases.Release release;
        try {
            release = releases.find(name).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badRequest(parameter, e.getMessage());
        }
        if (release == null) {
            if (missingIsNotFound) {
                throw ApiProblemException.notFound("release " + name);
            }
            throw ApiProblemException.badRequest(parameter, "no release " + name + " is on record (GET "
                    + "/api/v1/sipri/releases lists them)");
        }
        if (release.knownFrom() == null) {
            throw ApiProblemException.badRequest(parameter, "release " + release.releaseId()
                    + " has no completed import yet");
        }
        return release;
    }
}
