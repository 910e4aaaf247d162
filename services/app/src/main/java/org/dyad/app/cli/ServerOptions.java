package org.dyad.app.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;

/** Where the running Dyad is and whom to call it as: shared by every command. */
class ServerOptions {

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Dyad's base URL (${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--user", defaultValue = "${env:DYAD_USER:-admin:admin-local}",
            description = "an admin's name:password (default: $DYAD_USER, else the local admin)")
    String user;

    JobFollower follower(PrintStream out) {
        return new JobFollower(out, user);
    }
}
