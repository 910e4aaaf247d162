package org.dyad.intake;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dyad.actors.ActorRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine recognises the designations it is given, as it will be given those of the deals on record: here SIPRI's
 * register sample from the shared reference directory.
 */
class SipriDesignationsTest {

    private static Set<String> sipriDesignations() throws IOException {
        Path sample = ReferenceTexts.directory().resolve("sipri-trade-register-sample.csv");
        // SIPRI exports ISO-8859-1
        String content = Files.readString(sample, StandardCharsets.ISO_8859_1);
        String table = content.substring(content.indexOf("Recipient,Supplier"));
        Set<String> designations = new LinkedHashSet<>();
        try (CSVParser parser = CSVParser.parse(table, CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > 1 && record.size() > 6) {
                    designations.add(record.get(6));
                }
            }
        }
        return designations;
    }

    @Test
    void aDesignationFromTheRegisterIsNamedAsTheRegisterNamesIt() throws IOException {
        Set<String> designations = sipriDesignations();
        assertThat(designations).contains("Bayraktar TB2");
        String text = "Albania ordered three Bayraktar TB2 drones from Turkey in 2022.";
        TextSource source = TextSource.publishedOn(LocalDate.parse("2022-12-30"));

        Proposal knowing = new IntakeEngine(ActorRegistry.standard(), designations).draft(text, source)
                .proposals().get(0);
        assertThat(knowing.body().at("/items/0/designation").asText()).isEqualTo("Bayraktar TB2");
        assertThat(knowing.body().at("/items/0/quantity").asInt()).isEqualTo(3);
        assertThat(knowing.body().at("/supplier").asText()).isEqualTo("TUR");
        assertThat(knowing.body().at("/recipient").asText()).isEqualTo("ALB");

        Proposal unknowing = new IntakeEngine(ActorRegistry.standard(), List.of()).draft(text, source)
                .proposals().get(0);
        assertThat(unknowing.body().at("/items/0/designation").asText()).isEqualTo("UAV");
    }
}
