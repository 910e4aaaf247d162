package org.dyad.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.ResourceTransformerSupport;
import org.springframework.web.servlet.resource.TransformedResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the links a served text file makes (each a match of {@code link} between the groups {@code before} and
 * {@code after}) to the versioned URLs of the resource chain; a link the chain cannot resolve is left as written.
 */
abstract class LinkRewriter extends ResourceTransformerSupport {

    private final String extension;
    private final Pattern link;

    LinkRewriter(String extension, Pattern link) {
        this.extension = extension;
        this.link = link;
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource transformed = chain.transform(request, resource);
        String name = transformed.getFilename();
        if (name == null || !name.endsWith(extension)) {
            return transformed;
        }
        String content = transformed.getContentAsString(StandardCharsets.UTF_8);
        Matcher matcher = link.matcher(content);
        StringBuilder rewritten = new StringBuilder(content.length() + 512);
        boolean changed = false;
        while (matcher.find()) {
            String written = matcher.group("link");
            String versioned = resolveUrlPath(written, request, transformed, chain);
            changed |= versioned != null && !versioned.equals(written);
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(matcher.group("before")
                    + (versioned == null ? written : versioned) + matcher.group("after")));
        }
        if (!changed) {
            return transformed;
        }
        matcher.appendTail(rewritten);
        return new TransformedResource(transformed, rewritten.toString().getBytes(StandardCharsets.UTF_8));
    }
}
