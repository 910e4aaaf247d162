package org.dyad.support.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each kind of refusal, raised by a real Spring MVC dispatch, becomes problem+json naming the field and the reason. */
class ProblemDetailsAdviceTest {

    record Item(@NotBlank String designation, @Positive int quantity) {
    }

    record Order(@NotNull UUID id, @Valid @NotNull List<Item> items) {
    }

    @RestController
    static class Orders {

        @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
        Order place(@Valid @RequestBody Order order) {
            return order;
        }

        @GetMapping("/orders/{id}")
        String one(@PathVariable UUID id) {
            return id.toString();
        }

        @GetMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
        List<String> page(@RequestParam @Min(1) int size) {
            return List.of();
        }

        @GetMapping("/refused")
        String refused() {
            throw ApiProblemException.badRequest("validFrom", "must not be after validTo");
        }

        @GetMapping("/missing")
        String missing() {
            throw ApiProblemException.notFound("deal 7");
        }
    }

    static final ObjectMapper JSON = DyadJson.configure(Jackson2ObjectMapperBuilder.json().build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static MockMvc mvc(Object controller) {
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemDetailsAdvice())
                .setMessageConverters(new StrictJsonHttpMessageConverter(JSON))
                .build();
    }

    private final MockMvc mvc = mvc(new Orders());

    private ResultActions postOrder(String body) throws Exception {
        return mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void isProblem(ResultActions result, HttpStatus status) throws Exception {
        result.andExpect(status().is(status.value()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status.value()))
                .andExpect(jsonPath("$.type").value(in(Arrays.stream(ProblemType.values())
                        .filter(kind -> kind.status() == status || kind == ProblemType.REQUEST_REFUSED)
                        .map(kind -> kind.uri().toString()).toList())));
    }

    private static void isProblem(ResultActions result, ProblemType kind) throws Exception {
        isProblem(result, kind.status());
        result.andExpect(jsonPath("$.type").value(kind.uri().toString()));
    }

    @Test
    void aValidBodyIsAccepted() throws Exception {
        postOrder("{\"id\":\"" + UUID.randomUUID() + "\",\"items\":[{\"designation\":\"T-72\",\"quantity\":3}]}")
                .andExpect(status().isOk());
    }

    @Test
    void invalidFieldsAreEachNamedWithTheirReason() throws Exception {
        ResultActions result = postOrder("{\"items\":[{\"designation\":\" \",\"quantity\":0}]}");
        isProblem(result, ProblemType.INVALID_FIELD);
        result.andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field", contains("id", "items[0].designation",
                        "items[0].quantity")))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be null"))
                .andExpect(jsonPath("$.errors[2].reason").value("must be greater than 0"))
                .andExpect(jsonPath("$.detail").value(containsString("items[0].designation: must not be blank")));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() throws Exception {
        ResultActions result = postOrder("{\"id\":\"" + UUID.randomUUID()
                + "\",\"items\":[{\"designation\":\"T-72\",\"quantity\":\"many\"}]}");
        isProblem(result, ProblemType.MALFORMED_BODY);
        result.andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("many")));
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        ResultActions result = postOrder("{\"id\":\"" + UUID.randomUUID() + "\",\"items\":[],\"itemz\":1}");
        isProblem(result, HttpStatus.BAD_REQUEST);
        result.andExpect(jsonPath("$.errors[0].field").value("itemz"));
    }

    @Test
    void bodiesThatAreNotJsonAreRefusedAsTheBody() throws Exception {
        ResultActions broken = postOrder("{\"id\": ");
        isProblem(broken, ProblemType.MALFORMED_BODY);
        broken.andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("not valid JSON")));

        ResultActions empty = postOrder("");
        isProblem(empty, HttpStatus.BAD_REQUEST);
        empty.andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("a JSON body is required"));
    }

    @Test
    void aPathVariableOfTheWrongTypeIsNamed() throws Exception {
        ResultActions result = mvc.perform(get("/orders/not-a-uuid"));
        isProblem(result, HttpStatus.BAD_REQUEST);
        result.andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].reason").value("'not-a-uuid' is not a valid value"));
    }

    @Test
    void aParameterOfTheWrongTypeIsNamed() throws Exception {
        ResultActions result = mvc.perform(get("/orders").param("size", "ten"));
        isProblem(result, HttpStatus.BAD_REQUEST);
        result.andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("ten")));
    }

    @Test
    void aMissingParameterIsNamed() throws Exception {
        ResultActions result = mvc.perform(get("/orders"));
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("size")));
    }

    @Test
    void aMissingParameterIsNamedInTheErrors() throws Exception {
        ResultActions result = mvc.perform(get("/orders"));
        isProblem(result, HttpStatus.BAD_REQUEST);
        result.andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].reason").value("required, and missing"));
    }

    @Test
    void aMethodTheEndpointDoesNotTakeIsAProblemOfDyadsOwnType() throws Exception {
        isProblem(mvc.perform(delete("/orders")), ProblemType.METHOD_NOT_ALLOWED);
    }

    @Test
    void aParameterBreakingItsConstraintIsNamed() throws Exception {
        ResultActions result = mvc.perform(get("/orders").param("size", "0"));
        isProblem(result, HttpStatus.BAD_REQUEST);
        result.andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("greater than or equal to 1")));
    }

    @Test
    void aBodyOfAnotherTypeIsRefused415NamingTheTypesTaken() throws Exception {
        ResultActions result = mvc.perform(post("/orders").contentType(MediaType.TEXT_PLAIN).content("hello"));
        isProblem(result, ProblemType.UNSUPPORTED_MEDIA_TYPE);
        result.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
                .andExpect(jsonPath("$.errors[0].reason").value(allOf(containsString("text/plain"),
                        containsString("application/json"))))
                .andExpect(header().string(ProblemDetailsAdvice.ACCEPT_POST, "application/json"));

        ResultActions untyped = mvc.perform(post("/orders").content("{}"));
        isProblem(untyped, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        untyped.andExpect(jsonPath("$.errors[0].reason").value(containsString("needs a Content-Type")));
    }

    @Test
    void anAcceptThatCannotBeAnsweredIsRefused406AsProblemJson() throws Exception {
        ResultActions result = mvc.perform(get("/orders").param("size", "5").accept("text/csv"));
        result.andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Accept"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("text/csv")));
    }

    @Test
    void anApiProblemKeepsItsStatusTitleAndFields() throws Exception {
        ResultActions refused = mvc.perform(get("/refused"));
        isProblem(refused, HttpStatus.BAD_REQUEST);
        refused.andExpect(jsonPath("$.errors[0].field").value("validFrom"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be after validTo"));

        ResultActions missing = mvc.perform(get("/missing"));
        isProblem(missing, ProblemType.NOT_FOUND);
        missing.andExpect(jsonPath("$.detail").value("deal 7 does not exist"))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void noClientErrorIsAnsweredWithAServerError() throws Exception {
        for (ResultActions result : List.of(postOrder("[1,2"), postOrder("{\"id\":7}"), postOrder("null"),
                postOrder("{\"id\":\"" + UUID.randomUUID() + "\",\"items\":[7]}"),
                mvc.perform(get("/orders").param("size", "99999999999999999999")),
                mvc.perform(get("/orders/%00")))) {
            result.andExpect(status().is4xxClientError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", not(hasItem(containsString("Exception")))));
        }
    }
}
