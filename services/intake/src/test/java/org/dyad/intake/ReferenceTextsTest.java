package org.dyad.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceTextsTest {

    @Test
    void failsSayingWhereItLookedAndHowToSetTheDirectory(@TempDir Path empty) {
        assertThatThrownBy(() -> ReferenceTexts.directory(null, empty))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(empty.resolve("shared").resolve("reference").toString())
                .hasMessageContaining("DYAD_REFERENCE_DIR");
    }

    @Test
    void findsTheSharedDirectoryBesideACheckoutAbove(@TempDir Path root) throws IOException {
        Path reference = Files.createDirectories(root.resolve("shared").resolve("reference"));
        Path deep = Files.createDirectories(root.resolve("checkout").resolve("services").resolve("intake"));
        assertThat(ReferenceTexts.directory(null, deep)).isEqualTo(reference);
    }

    @Test
    void theVariableWinsAndMustNameADirectory(@TempDir Path dir) {
        assertThat(ReferenceTexts.directory(dir.toString(), Path.of("/"))).isEqualTo(dir);
        assertThatThrownBy(() -> ReferenceTexts.directory(dir.resolve("missing").toString(), dir))
                .hasMessageContaining("DYAD_REFERENCE_DIR");
    }
}
