package org.dyad.watch;

import org.dyad.actors.ActorRegistry;
import org.dyad.contracts.agreement.AgreementStatus;
import org.dyad.contracts.deal.WeaponCategory;
import org.dyad.support.web.ApiProblemException;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A watchlist as its owner writes it.
 *
 * @param name       what the owner calls it
 * @param criteria   what it watches
 * @param webhookUrl where its alerts are POSTed, if anywhere
 */
public record WatchlistRequest(String name, Criteria criteria, String webhookUrl) {

    private static final ActorRegistry ACTORS = ActorRegistry.standard();

    /** Refuses (400, naming the field and the reason) a watchlist that cannot be kept. */
    void validate(List<String> allowedHttpHosts) {
        if (name == null || name.isBlank()) {
            throw ApiProblemException.badRequest("name", "must not be blank");
        }
        if (name.length() > 200) {
            throw ApiProblemException.badRequest("name", "must be at most 200 characters");
        }
        if (criteria == null || criteria.isEmpty()) {
            throw ApiProblemException.badRequest("criteria", "must name at least one criterion (actors, pairs, "
                    + "designations, categories, stageChanges, agreementStatusChanges, estimateOver or notifiedSales)");
        }
        for (int i = 0; i < criteria.actors().size(); i++) {
            requireActor("criteria.actors[" + i + "]", criteria.actors().get(i));
        }
        for (int i = 0; i < criteria.pairs().size(); i++) {
            Criteria.Pair pair = criteria.pairs().get(i);
            String field = "criteria.pairs[" + i + "]";
            if (pair == null) {
                throw ApiProblemException.badRequest(field, "must be a pair {a, b, directed}");
            }
            requireActor(field + ".a", pair.a());
            requireActor(field + ".b", pair.b());
            if (pair.a().equals(pair.b())) {
                throw ApiProblemException.badRequest(field + ".b", "must differ from a");
            }
        }
        for (int i = 0; i < criteria.designations().size(); i++) {
            String designation = criteria.designations().get(i);
            if (designation == null || designation.isBlank() || designation.length() > 200) {
                throw ApiProblemException.badRequest("criteria.designations[" + i + "]",
                        "must be a designation of 1 to 200 characters");
            }
        }
        List<String> categories = Arrays.stream(WeaponCategory.values()).map(Enum::name).toList();
        for (int i = 0; i < criteria.categories().size(); i++) {
            if (!categories.contains(criteria.categories().get(i))) {
                throw ApiProblemException.badRequest("criteria.categories[" + i + "]", "'"
                        + criteria.categories().get(i) + "' is not a weapon category; one of " + categories);
            }
        }
        if (criteria.stageChanges() != null) {
            List<String> to = criteria.stageChanges().to();
            for (int i = 0; i < to.size(); i++) {
                if (!RecordTracker.STAGE_CHANGES.contains(to.get(i))) {
                    throw ApiProblemException.badRequest("criteria.stageChanges.to[" + i + "]", "'" + to.get(i)
                            + "' is not a stage or status change; one of " + RecordTracker.STAGE_CHANGES.stream()
                            .sorted().toList());
                }
            }
        }
        if (criteria.agreementStatusChanges() != null) {
            List<String> statuses = Arrays.stream(AgreementStatus.values()).map(Enum::name).toList();
            List<String> to = criteria.agreementStatusChanges().to();
            for (int i = 0; i < to.size(); i++) {
                if (!statuses.contains(to.get(i))) {
                    throw ApiProblemException.badRequest("criteria.agreementStatusChanges.to[" + i + "]", "'"
                            + to.get(i) + "' is not an agreement status; one of " + statuses);
                }
            }
        }
        Criteria.Threshold threshold = criteria.estimateOver();
        if (threshold != null) {
            if (threshold.amount() == null || threshold.amount().compareTo(BigDecimal.ZERO) <= 0) {
                throw ApiProblemException.badRequest("criteria.estimateOver.amount", "must be a positive amount");
            }
            if (threshold.currency() == null || !threshold.currency().matches("[A-Z]{3}")) {
                throw ApiProblemException.badRequest("criteria.estimateOver.currency",
                        "must be a three-letter ISO 4217 code (or TIV)");
            }
        }
        if (webhookUrl != null) {
            validateWebhook(webhookUrl, allowedHttpHosts);
        }
    }

    private static void requireActor(String field, String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw ApiProblemException.badRequest(field, "'" + code + "' is not a three-letter actor code");
        }
        if (ACTORS.byCode(code).isEmpty()) {
            throw ApiProblemException.badRequest(field, "unknown actor '" + code + "'");
        }
    }

    static void validateWebhook(String url, List<String> allowedHttpHosts) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badRequest("webhookUrl", "is not a URL");
        }
        if (url.length() > 2000 || uri.getHost() == null || uri.getScheme() == null || uri.getUserInfo() != null) {
            throw ApiProblemException.badRequest("webhookUrl", "must be an absolute https URL without credentials");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean httpAllowed = "http".equals(scheme) && allowedHttpHosts.stream()
                .anyMatch(host -> host.equalsIgnoreCase(uri.getHost()));
        if (!"https".equals(scheme) && !httpAllowed) {
            throw ApiProblemException.badRequest("webhookUrl", "must be https (plain http only to the hosts "
                    + "dyad.watch.webhook.allowed-http-hosts names)");
        }
    }
}
