package org.dyad.views.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.DeferredResultMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a query's answer at once when it was ready before the query returned. The views' queries answer a
 * {@link DeferredResult} (a query waiting for a write, {@code waitFor}, is answered later without holding a thread),
 * but most are answered at once, on the request's own thread; Spring MVC would still hand every such answer back to
 * the container as an asynchronous dispatch, running the request's filters (security among them) a second time. An
 * answer already set is written as the {@link ResponseEntity} it is, by the same processor; any other goes on to
 * Spring MVC's own handling.
 */
@Component
class SettledAnswers implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
            List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
            handlers.stream().filter(HttpEntityMethodProcessor.class::isInstance).findFirst()
                    .ifPresent(entities -> handlers.add(0, new Handler((HttpEntityMethodProcessor) entities)));
            adapter.setReturnValueHandlers(handlers);
        }
        return bean;
    }

    /** Takes a deferred answer that is already set and holds a response; declines every other. */
    static final class Handler implements HandlerMethodReturnValueHandler {

        private static final MethodParameter RESPONSE;

        static {
            try {
                RESPONSE = new MethodParameter(Handler.class.getDeclaredMethod("response"), -1);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        private final HttpEntityMethodProcessor entities;
        private final DeferredResultMethodReturnValueHandler deferredResults =
                new DeferredResultMethodReturnValueHandler();

        Handler(HttpEntityMethodProcessor entities) {
            this.entities = entities;
        }

        /** The declared type answers are written as: a response with a body of any type. */
        @SuppressWarnings("unused")
        private static ResponseEntity<Object> response() {
            return null;
        }

        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            return DeferredResult.class.isAssignableFrom(returnType.getParameterType());
        }

        @Override
        public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mav,
                                      NativeWebRequest webRequest) throws Exception {
            if (returnValue instanceof DeferredResult<?> deferred && deferred.hasResult()
                    && deferred.getResult() instanceof HttpEntity<?> settled) {
                entities.handleReturnValue(settled, RESPONSE, mav, webRequest);
                return;
            }
            deferredResults.handleReturnValue(returnValue, returnType, mav, webRequest);
        }
    }
}
