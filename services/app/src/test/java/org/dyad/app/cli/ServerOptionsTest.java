package org.dyad.app.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerOptionsTest {

    @Test
    void theServerIsDyadUrlElseTheLocalPortElse8080() {
        assertThat(ServerOptions.baseUrl(Map.of("DYAD_URL", "https://dyad.example.org", "DYAD_PORT", "9090")))
                .isEqualTo(URI.create("https://dyad.example.org"));
        assertThat(ServerOptions.baseUrl(Map.of("DYAD_PORT", "9090"))).isEqualTo(URI.create("http://localhost:9090"));
        assertThat(ServerOptions.baseUrl(Map.of())).isEqualTo(URI.create("http://localhost:8080"));
    }

    @Test
    void aTokenIsSentAsBearerInsteadOfTheUser() {
        ServerOptions options = new ServerOptions();
        options.user = "admin:admin-local";
        assertThat(options.authorization()).isEqualTo("Basic YWRtaW46YWRtaW4tbG9jYWw=");
        options.token = "eyJ.abc.def";
        assertThat(options.authorization()).isEqualTo("Bearer eyJ.abc.def");
    }
}
