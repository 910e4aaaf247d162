package org.dyad.views.web;

import org.dyad.support.web.ApiProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads the two kinds of time every view accepts: {@code asOf} (a date) and {@code knownAt} (an instant). */
final class TimeParameters {

    private TimeParameters() {
    }

    static LocalDate asOf(String value) {
        return asOf(value, "asOf");
    }

    static LocalDate asOf(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblemException.badRequest(parameter, "'" + value + "' is not a date such as 2000-06-01");
        }
    }

    static Instant knownAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw ApiProblemException.badRequest("knownAt",
                        "'" + value + "' is not an instant such as 2001-03-13T00:00:00Z (or a date)");
            }
        }
    }
}
