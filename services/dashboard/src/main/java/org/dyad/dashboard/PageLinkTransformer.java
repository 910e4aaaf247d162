package org.dyad.dashboard;

import java.util.regex.Pattern;

/**
 * Points the page's {@code src} and {@code href} attributes at the dashboard's files and WebJars to their versioned
 * URLs: the page itself is revalidated on every visit, everything it loads is cached for good.
 */
final class PageLinkTransformer extends LinkRewriter {

    private static final Pattern ASSET_LINK = Pattern.compile(
            "(?<before>\\b(?:src|href)=\")(?<link>/(?:dashboard|webjars)/[^\"?#]+)(?<after>\")");

    PageLinkTransformer() {
        super(".html", ASSET_LINK);
    }
}
