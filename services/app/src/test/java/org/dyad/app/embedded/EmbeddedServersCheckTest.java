package org.dyad.app.embedded;

import org.dyad.app.DyadApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.dyad.embedded.EmbeddedInfrastructureInitializer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Dyad without the embedded servers (the production jar) asked for embedded mode stops before it connects to
 * anything and names the setting; with the servers present, or in external mode, the check lets it start.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedServersCheckTest {

    private static final ClassLoader WITHOUT_SERVERS = new WithoutEmbeddedModule(
            EmbeddedServersCheckTest.class.getClassLoader());

    @Test
    void theRealApplicationWithoutTheServersStopsAndNamesTheSetting(CapturedOutput output) {
        // DyadApplication with its own application.yml (embedded mode by default), on a class loader that hides
        // the embedded module: no database or broker is reachable, so this message proves the check came first
        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(DyadApplication.class)
                    .resourceLoader(new DefaultResourceLoader(WITHOUT_SERVERS))
                    .web(WebApplicationType.NONE)
                    .run("--spring.main.banner-mode=off",
                            "--dyad.embedded.data-dir=target/embedded-servers-check")) {
                started.getId();
            }
        }).isInstanceOf(EmbeddedServersMissingException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains(EmbeddedServersMissingException.DESCRIPTION)
                .contains("Set DYAD_EMBEDDED=false");
    }

    @Test
    void externalModeNeedsNoServers() {
        assertThatCode(() -> new EmbeddedServersCheck().initialize(context(WITHOUT_SERVERS, "false")))
                .doesNotThrowAnyException();
    }

    @Test
    void embeddedModeWithTheServersOnTheClassPathPasses() {
        assertThatCode(() -> new EmbeddedServersCheck().initialize(context(getClass().getClassLoader(), "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void embeddedModeWithoutTheServersFails() {
        assertThatThrownBy(() -> new EmbeddedServersCheck().initialize(context(WITHOUT_SERVERS, "true")))
                .isInstanceOf(EmbeddedServersMissingException.class)
                .hasMessageContaining("DYAD_EMBEDDED");
    }

    private static GenericApplicationContext context(ClassLoader classLoader, String embedded) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setClassLoader(classLoader);
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("test", Map.of("dyad.embedded.enabled", embedded)));
        return context;
    }

    /**
     * The test class path as the production jar has it: the embedded module's classes and its spring.factories are
     * not there.
     */
    private static final class WithoutEmbeddedModule extends ClassLoader {

        private static final String MODULE = EmbeddedInfrastructureInitializer.class.getProtectionDomain()
                .getCodeSource().getLocation().getPath();

        WithoutEmbeddedModule(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.dyad.embedded.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            URL found = super.getResource(name);
            return found == null || found.toString().contains(MODULE) ? null : found;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return Collections.enumeration(Collections.list(super.getResources(name)).stream()
                    .filter(url -> !url.toString().contains(MODULE)).toList());
        }
    }
}
