package org.dyad.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A country's page has its own address, {@code /actors/CHN}: the dashboard answers it, and its script reads the code
 * from the path ({@code ?page=actor&code=CHN} is the same page).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class CountryPageController {

    @GetMapping("/actors/{code}")
    public String countryPage(@PathVariable String code) {
        return "forward:/index.html";
    }
}
