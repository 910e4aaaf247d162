package org.dyad.ledger.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;

/**
 * The command endpoints a proposal may be recorded through: the {@code POST} operations of the ledger's command
 * controllers ({@code org.dyad.ledger.web}), found by method and path as the dispatcher finds them for a request.
 * A proposal's command is sent by calling that endpoint's controller method, so it goes through the same request
 * record, checks and {@code CommandRecorder} as a hand-written request.
 */
@Component
public class CommandEndpoints {

    private static final String COMMAND_CONTROLLERS = "org.dyad.ledger.web";
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final ApplicationContext context;
    private volatile RequestMappingHandlerMapping mappings;

    CommandEndpoints(ApplicationContext context) {
        this.context = context;
    }

    /** An endpoint matched by a path: its controller method and the path's variables. */
    public record Endpoint(String path, HandlerMethod handler, Map<String, String> pathVariables) {

        /** The request record the endpoint reads its body into. */
        public Class<?> bodyType() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return parameter.getParameterType();
                }
            }
            throw new IllegalStateException(handler + " reads no body");
        }
    }

    /** The command endpoint {@code POST path} names, if any. */
    public Optional<Endpoint> find(String method, String path) {
        if (!"POST".equals(method)) {
            return Optional.empty();
        }
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings().getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().equals(COMMAND_CONTROLLERS)
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
                    || info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                PathPattern.PathMatchInfo match = pattern.matchAndExtract(container);
                if (match != null) {
                    return Optional.of(new Endpoint(path, handler, match.getUriVariables()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Calls the endpoint's controller method with the body (already read into its request record and validated) and
     * the request it is to see; answers what the controller answered. Its exceptions are thrown as they are.
     */
    public ResponseEntity<?> call(Endpoint endpoint, Object body, HttpServletRequest request) {
        HandlerMethod handler = endpoint.handler().createWithResolvedBean();
        MethodParameter[] parameters = handler.getMethodParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable != null) {
                parameter.initParameterNameDiscovery(NAMES);
                String name = !variable.name().isEmpty() ? variable.name()
                        : !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
                arguments[i] = endpoint.pathVariables().get(name);
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                arguments[i] = body;
            } else if (HttpServletRequest.class.isAssignableFrom(parameter.getParameterType())) {
                arguments[i] = request;
            } else {
                throw new IllegalStateException(handler + " takes a " + parameter.getParameterType().getSimpleName()
                        + ", which the intake cannot give");
            }
        }
        try {
            return (ResponseEntity<?>) handler.getMethod().invoke(handler.getBean(), arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestMappingHandlerMapping mappings() {
        if (mappings == null) {
            mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        }
        return mappings;
    }
}
