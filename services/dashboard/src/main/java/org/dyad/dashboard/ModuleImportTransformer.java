package org.dyad.dashboard;

import java.util.regex.Pattern;

/**
 * Points a dashboard module's relative imports ({@code import {x} from './api.js'}, {@code import('./watch.js')},
 * {@code export ... from './a.js'}) at the versioned URLs of the modules they name, so every module a page loads is
 * fetched by its versioned, immutable URL and loaded once.
 */
final class ModuleImportTransformer extends LinkRewriter {

    private static final Pattern RELATIVE_IMPORT = Pattern.compile(
            "(?<before>\\b(?:from|import)\\s*\\(?\\s*['\"])(?<link>\\.{1,2}/[^'\"\\s]+?\\.js)(?<after>['\"])");

    ModuleImportTransformer() {
        super(".js", RELATIVE_IMPORT);
    }
}
