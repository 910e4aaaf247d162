package org.dyad.ledger.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Counts every command request by command and answer ({@code dyad.commands}: accepted for 2xx, refused for 4xx,
 * failed for 5xx), including those refused before a command existed: malformed bodies, and bodies or {@code Accept}
 * headers of a type the command does not take, which are refused before a handler is chosen (as a filter, it finds
 * the command such a request was meant for).
 */
@Component
class CommandOutcomes extends OncePerRequestFilter implements HandlerInterceptor, WebMvcConfigurer {

    private static final String COMMAND_CONTROLLERS = "org.dyad.ledger.web";
    /** {@code POST /api/v1/batches}, counted as the command {@code RecordBatch}. */
    private static final String BATCH_CONTROLLER = "org.dyad.ledger.batch";
    /** Endpoints whose method name is shorter than their command's name. */
    private static final Map<String, String> COMMANDS = Map.of("RecordConsent", "RecordConsentToBeBound");
    private static final String COUNTED = CommandOutcomes.class.getName() + ".counted";

    private final MeterRegistry meters;
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;

    CommandOutcomes(MeterRegistry meters,
                    @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.meters = meters;
        this.handlers = handlers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method) || !isCommand(method)) {
            return;
        }
        // An exception no handler answered becomes a 500 after this point.
        count(method, ex != null ? 500 : response.getStatus());
        request.setAttribute(COUNTED, Boolean.TRUE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (request.getAttribute(COUNTED) == null && response.getStatus() >= 400
                && request.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE) != null) {
            HandlerMethod command = commandTakingJson(request);
            if (command != null) {
                count(command, response.getStatus());
            }
        }
    }

    /** The command a request would have reached had it sent JSON and accepted JSON; null if none. */
    private HandlerMethod commandTakingJson(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = handlers.getIfAvailable();
        if (mapping == null) {
            return null;
        }
        HttpServletRequest asJson = new JsonRequest(request);
        Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(asJson);
            HandlerExecutionChain chain = mapping.getHandler(asJson);
            return chain != null && chain.getHandler() instanceof HandlerMethod method && isCommand(method)
                    ? method : null;
        } catch (Exception noCommand) {
            return null;
        } finally {
            ServletRequestPathUtils.setParsedRequestPath(
                    parsedPath instanceof org.springframework.http.server.RequestPath path ? path : null, request);
        }
    }

    private static boolean isCommand(HandlerMethod method) {
        String controllers = method.getBeanType().getPackageName();
        return controllers.equals(COMMAND_CONTROLLERS) || controllers.equals(BATCH_CONTROLLER);
    }

    private void count(HandlerMethod method, int status) {
        String name = StringUtils.capitalize(method.getMethod().getName());
        Counter.builder("dyad.commands").description("command requests by command and answer")
                .tag("command", COMMANDS.getOrDefault(name, name))
                .tag("outcome", status < 400 ? "accepted" : status < 500 ? "refused" : "failed")
                .tag("status", Integer.toString(status))
                .register(meters).increment();
    }

    /** The request as if it had a JSON body and accepted anything. */
    private static final class JsonRequest extends HttpServletRequestWrapper {

        JsonRequest(HttpServletRequest request) {
            super(request);
        }

        private static String replaced(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE
                    : HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : null;
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            String replaced = replaced(name);
            return replaced != null ? replaced : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String replaced = replaced(name);
            return replaced != null ? Collections.enumeration(java.util.List.of(replaced)) : super.getHeaders(name);
        }
    }
}
