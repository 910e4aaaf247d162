package org.dyad.app.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/** Where the running Dyad is and whom to call it as: shared by every command. */
class ServerOptions {

    @Option(names = "--url", description = "Dyad's base URL (default: $DYAD_URL, else http://localhost:$DYAD_PORT, "
            + "else http://localhost:8080)")
    URI url;

    @Option(names = "--user", defaultValue = "${env:DYAD_USER:-admin:admin-local}",
            description = "an admin's name:password for HTTP Basic (default: $DYAD_USER, else the local admin)")
    String user;

    @Option(names = "--token", defaultValue = "${env:DYAD_TOKEN}",
            description = "a bearer token (OAuth2 JWT) with the admin role; used instead of --user when given "
                    + "(default: $DYAD_TOKEN)")
    String token;

    /** The base URL: {@code --url}, else {@code DYAD_URL}, else the local port {@code DYAD_PORT} (8080). */
    URI baseUrl() {
        return url != null ? url : baseUrl(System.getenv());
    }

    static URI baseUrl(Map<String, String> environment) {
        String configured = environment.get("DYAD_URL");
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured.trim());
        }
        String port = environment.getOrDefault("DYAD_PORT", "8080").trim();
        return URI.create("http://localhost:" + (port.isEmpty() ? "8080" : port));
    }

    /** The {@code Authorization} header: the bearer token if one is given, else HTTP Basic with the user. */
    String authorization() {
        if (token != null && !token.isBlank()) {
            return "Bearer " + token.trim();
        }
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    JobFollower follower(PrintStream out) {
        return new JobFollower(out, authorization());
    }
}
