package org.dyad.app.security;

import org.dyad.app.DyadApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Default passwords stop a Dyad outside the embedded setup before it connects to anything, and the message names
 * the variables to set; in the embedded setup they are a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultPasswordCheckTest {

    @Test
    void outsideTheEmbeddedSetupDyadRefusesToStartAndNamesTheVariables() {
        // the real application with its own application.yml: no database or broker is reachable, so getting the
        // check's message proves it came first
        assertThatThrownBy(() -> {
            // arguments, since they outrank application.yml; a Dyad that started anyway would be closed at once
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(DyadApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--dyad.embedded.enabled=false", "--spring.main.banner-mode=off",
                            "--dyad.embedded.data-dir=target/default-password-check")) {
                started.getId();
            }
        })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default password")
                .hasMessageContaining("DYAD_VIEWER_PASSWORD")
                .hasMessageContaining("DYAD_ANALYST_PASSWORD")
                .hasMessageContaining("DYAD_ADMIN_PASSWORD");
    }

    @Test
    void onlyTheUsersStillOnTheirDefaultAreNamed() {
        Map<String, Object> settings = users("viewer-local", "a-secret", "admin-local");
        settings.put("dyad.embedded.enabled", "false");
        assertThatThrownBy(() -> check(settings))
                .hasMessageContaining("DYAD_VIEWER_PASSWORD")
                .hasMessageContaining("DYAD_ADMIN_PASSWORD")
                .hasMessageNotContaining("DYAD_ANALYST_PASSWORD");
    }

    @Test
    void ownPasswordsJwtModeOrAnExplicitAllowanceStart() {
        Map<String, Object> own = users("v-secret", "a-secret", "ad-secret");
        own.put("dyad.embedded.enabled", "false");
        assertThatCode(() -> check(own)).doesNotThrowAnyException();

        Map<String, Object> jwt = users("viewer-local", "analyst-local", "admin-local");
        jwt.put("dyad.embedded.enabled", "false");
        jwt.put("dyad.security.mode", "jwt");
        assertThatCode(() -> check(jwt)).doesNotThrowAnyException();

        Map<String, Object> allowed = users("viewer-local", "analyst-local", "admin-local");
        allowed.put("dyad.embedded.enabled", "false");
        allowed.put("dyad.security.allow-default-passwords", "true");
        assertThatCode(() -> check(allowed)).doesNotThrowAnyException();
    }

    @Test
    void inTheEmbeddedSetupDefaultPasswordsAreAWarning(CapturedOutput output) {
        assertThatCode(() -> check(users("viewer-local", "a-secret", "admin-local"))).doesNotThrowAnyException();
        assertThat(output.getOut()).contains("local user 'viewer' has its default password; set DYAD_VIEWER_PASSWORD")
                .contains("local user 'admin' has its default password").doesNotContain("local user 'analyst'");
    }

    private static Map<String, Object> users(String viewer, String analyst, String admin) {
        Map<String, Object> settings = new HashMap<>();
        String[][] users = {{"viewer", viewer}, {"analyst", analyst}, {"admin", admin}};
        for (int i = 0; i < users.length; i++) {
            settings.put("dyad.security.users[" + i + "].name", users[i][0]);
            settings.put("dyad.security.users[" + i + "].password", users[i][1]);
            settings.put("dyad.security.users[" + i + "].role", users[i][0]);
        }
        return settings;
    }

    private static void check(Map<String, Object> settings) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
            new DefaultPasswordCheck().initialize(context);
        }
    }
}
