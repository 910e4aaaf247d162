package org.dyad.views.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.dyad.views.query.RegisterReleases;
import org.dyad.views.web.ReleaseTimes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports", description = "The deals in other tools' formats")
public class ExportController {

    private final TradeRegisterExport tradeRegister;
    private final ReleaseTimes releaseTimes;

    ExportController(TradeRegisterExport tradeRegister, ReleaseTimes releaseTimes) {
        this.tradeRegister = tradeRegister;
        this.releaseTimes = releaseTimes;
    }

    @Operation(summary = "Export deals in SIPRI's trade-register CSV layout (UTF-8): with asReleased, exactly the rows "
            + "that release listed, in its line order, every cell as SIPRI wrote it; without, every deal (register "
            + "deals as their latest release wrote them, other deals derived from Dyad's reading)")
    @GetMapping(path = "/trade-register.csv", produces = "text/csv")
    public void exportTradeRegister(
            @Parameter(description = "a release of SIPRI's trade register, by id (sipri-2024-03-11) or date "
                    + "(2024-03-11)")
            @RequestParam(required = false) String asReleased,
            HttpServletResponse response) throws IOException {
        RegisterReleases.Release release = asReleased == null || asReleased.isBlank() ? null
                : releaseTimes.release(asReleased, "asReleased", false);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"dyad-trade-register"
                + (release == null ? "" : "-" + release.releaseId().replaceAll("[^A-Za-z0-9-]", "-")) + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            if (release == null) {
                tradeRegister.write(out);
            } else {
                tradeRegister.write(release, out);
            }
        }
    }
}
