package com.caseledger.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;

/**
 * The last look at every problem answer: it goes out as {@code application/problem+json} even from an endpoint
 * that produces plain JSON, and its {@code instance} (the request path) and detail are cut short like every echo.
 */
@RestControllerAdvice
public class ProblemBodies implements ResponseBodyAdvice<Object> {

    /** No explanation needs more; anything longer carries an echo of a huge input. */
    private static final int DETAIL_LENGTH = 600;

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object answer, MethodParameter returnType, MediaType selectedContentType,
                                         Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                         ServerHttpRequest request, ServerHttpResponse response) {
        if (!(answer instanceof ProblemDetail body)) {
            return answer;
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(selectedContentType)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        if (body.getDetail() != null && body.getDetail().length() > DETAIL_LENGTH) {
            body.setDetail(body.getDetail().substring(0, DETAIL_LENGTH) + "...");
        }
        URI instance = body.getInstance();
        if (instance != null && instance.toString().length() > Problems.ECHO_LENGTH) {
            body.setInstance(URI.create(safeCut(instance.getRawPath())));
        }
        return body;
    }

    /** Cuts an encoded path without splitting a percent escape. */
    private static String safeCut(String rawPath) {
        String cut = rawPath.substring(0, Math.min(rawPath.length(), Problems.ECHO_LENGTH));
        int escape = cut.lastIndexOf('%');
        if (escape >= 0 && escape > cut.length() - 3) {
            cut = cut.substring(0, escape);
        }
        return cut + "...";
    }
}
