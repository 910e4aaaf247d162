package org.dyad.views.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

    ExportController(TradeRegisterExport tradeRegister) {
        this.tradeRegister = tradeRegister;
    }

    @Operation(summary = "Export every deal in SIPRI's trade-register CSV layout (UTF-8)")
    @GetMapping(path = "/trade-register.csv", produces = "text/csv")
    public void exportTradeRegister(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"dyad-trade-register.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            tradeRegister.write(out);
        }
    }
}
