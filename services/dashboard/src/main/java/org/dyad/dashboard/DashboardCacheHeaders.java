package org.dyad.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * How long a browser keeps the dashboard's files: a URL with a content hash in its file name never changes its
 * content, so it is kept for a year without asking again; the page and any unversioned URL are revalidated on every
 * use ({@code no-cache}: kept, but checked by its ETag or date). Set before the answer is written, so the security
 * headers' default ({@code no-store}) does not apply to these files.
 */
final class DashboardCacheHeaders extends OncePerRequestFilter {

    static final String IMMUTABLE = "max-age=31536000, public, immutable";
    static final String REVALIDATE = "no-cache";

    /** {@code name-<32 hex digits>.ext}: the file names the resource chain's content versions give. */
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/") || path.equals("/index.html") || path.startsWith("/dashboard/")
                || path.startsWith("/webjars/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL,
                    VERSIONED.matcher(request.getRequestURI()).matches() ? IMMUTABLE : REVALIDATE);
        }
        chain.doFilter(request, response);
    }
}
