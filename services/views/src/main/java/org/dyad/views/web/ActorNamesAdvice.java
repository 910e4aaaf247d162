package org.dyad.views.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.views.model.Sources;
import org.dyad.views.query.ActorNames;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Names every source once ({@link Sources#gather}: the top-level {@value Sources#FIELD} map) and puts
 * {@value ActorNames#FIELD} on every JSON object the views' query endpoints answer. Answers served from
 * {@link org.dyad.views.query.AnswerCache} already have both (done before they are kept) and pass unchanged.
 */
@ControllerAdvice(basePackages = "org.dyad.views.web")
class ActorNamesAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ObjectNode answer) {
            Sources.gather(answer);
            ActorNames.addTo(answer);
        }
        return body;
    }
}
