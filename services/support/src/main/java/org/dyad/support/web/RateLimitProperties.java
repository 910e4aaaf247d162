package org.dyad.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Request rates per caller ({@code dyad.api.rate-limit.*}): each authenticated principal has its own allowance for
 * reads (GET, HEAD) and for writes (everything else); anonymous requests share one allowance per client address.
 * Principals holding an exempt role (by default admin: imports, rebuilds, operations) are not limited, nor are
 * requests for the dashboard's own files: they are served without credentials, so behind a proxy one client loading
 * them would otherwise spend every client's anonymous allowance.
 *
 * @param enabled     false turns the limit off
 * @param exemptRoles roles whose holders are not limited
 * @param reads       allowance of each principal for GET and HEAD requests
 * @param writes      allowance of each principal for other requests (commands)
 * @param anonymous   allowance of each client address for requests without credentials
 * @param staticFiles path patterns of the dashboard's files, never limited when read ({@code GET}, {@code HEAD})
 */
@ConfigurationProperties("dyad.api.rate-limit")
public record RateLimitProperties(Boolean enabled, List<String> exemptRoles, Allowance reads, Allowance writes,
                                  Allowance anonymous, List<String> staticFiles) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        exemptRoles = exemptRoles == null ? List.of("admin") : List.copyOf(exemptRoles);
        reads = reads == null ? new Allowance(100.0, 200) : reads;
        writes = writes == null ? new Allowance(20.0, 100) : writes;
        anonymous = anonymous == null ? new Allowance(20.0, 100) : anonymous;
        staticFiles = staticFiles == null ? List.of("/", "/index.html", "/dashboard/**", "/webjars/**",
                "/favicon.ico", "/actors/*") : List.copyOf(staticFiles);
    }

    /**
     * A sustained rate and the burst a caller may spend at once. The allowance refills in whole windows of
     * {@code burst / perSecond} seconds, each granting {@code burst} requests.
     */
    public record Allowance(double perSecond, int burst) {

        public Allowance {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs per-second > 0 and burst >= 1, not "
                        + perSecond + " and " + burst);
            }
        }
    }
}
