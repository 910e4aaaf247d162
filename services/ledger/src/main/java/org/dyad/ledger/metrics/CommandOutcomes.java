package org.dyad.ledger.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Counts every command request by command and answer ({@code dyad.commands}: accepted for 2xx, refused for 4xx,
 * failed for 5xx), including those refused before a command existed (malformed bodies).
 */
@Component
class CommandOutcomes implements HandlerInterceptor, WebMvcConfigurer {

    private static final String COMMAND_CONTROLLERS = "org.dyad.ledger.web";
    /** Endpoints whose method name is shorter than their command's name. */
    private static final Map<String, String> COMMANDS = Map.of("RecordConsent", "RecordConsentToBeBound");

    private final MeterRegistry meters;

    CommandOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(COMMAND_CONTROLLERS)) {
            return;
        }
        String name = StringUtils.capitalize(method.getMethod().getName());
        // An exception no handler answered becomes a 500 after this point.
        int status = ex != null ? 500 : response.getStatus();
        Counter.builder("dyad.commands").description("command requests by command and answer")
                .tag("command", COMMANDS.getOrDefault(name, name))
                .tag("outcome", status < 400 ? "accepted" : status < 500 ? "refused" : "failed")
                .tag("status", Integer.toString(status))
                .register(meters).increment();
    }
}
