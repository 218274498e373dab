package com.caseledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Globals;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Query parameters, path segments and recorded headers of CaseLedger's own endpoints, checked before a handler
 * runs: a parameter the endpoint does not know, one given empty or twice, and a value carrying control characters
 * are refused with 400 rather than silently ignored or passed on to the database and the logs; a body that is not
 * application/json where a JSON body belongs, with 415.
 */
@Configuration(proxyBeanMethods = false)
public class RequestParameterRules implements WebMvcConfigurer, HandlerInterceptor {

    private static final String OWN_PACKAGE = "com.caseledger.";
    /** Identifiers CaseLedger gives out are far shorter; a longer path segment names nothing. */
    private static final int MAX_IDENTIFIER = 200;
    /** Headers whose values CaseLedger records with an event. */
    private static final List<String> RECORDED_HEADERS = List.of("X-Actor", "X-Correlation-Id");
    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Set<String>> knownParameters = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        refuseOtherMediaTypes(request, method);
        List<FieldError> errors = new ArrayList<>();
        pathVariables(request).forEach((name, value) -> {
            if (value.length() > MAX_IDENTIFIER) {
                errors.add(new FieldError(name, "is longer than any identifier CaseLedger gives out (" + MAX_IDENTIFIER
                        + " characters)"));
            } else {
                RequestText.singleLineProblem(value).ifPresent(problem -> errors.add(new FieldError(name, problem)));
            }
        });
        for (String header : RECORDED_HEADERS) {
            String value = request.getHeader(header);
            if (value != null) {
                RequestText.singleLineProblem(value).ifPresent(problem -> errors.add(new FieldError(header, problem)));
            }
        }
        Set<String> known = knownParameters.computeIfAbsent(method, RequestParameterRules::requestParameters);
        request.getParameterMap().forEach((name, values) -> errors.addAll(check(name, values, known)));
        // Tomcat leaves out a parameter it cannot decode (%ZZ, say) rather than refuse the request
        if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
            errors.add(new FieldError("?", "the query string could not be read: a parameter is not percent-encoded "
                    + "correctly, or there are too many"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }

    /**
     * An endpoint that reads a JSON body reads it as application/json only, as the API document says (415 otherwise):
     * a form's fields are not taken for query parameters, nor a JSON patch or another +json type for the request.
     */
    private static void refuseOtherMediaTypes(HttpServletRequest request, HandlerMethod method)
            throws HttpMediaTypeNotSupportedException {
        if (request.getContentType() == null
                || Arrays.stream(method.getMethodParameters()).noneMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class))) {
            return;
        }
        String mediaType = request.getContentType().split(";", 2)[0].strip();
        if (!mediaType.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE)) {
            throw new HttpMediaTypeNotSupportedException("The body must be sent as application/json",
                    List.of(MediaType.APPLICATION_JSON));
        }
    }

    private static List<FieldError> check(String name, String[] values, Set<String> known) {
        String field = Problems.echo(name);
        if (RequestText.singleLineProblem(name).isPresent()) {
            return List.of(new FieldError(field, "is not a parameter of this endpoint"));
        }
        if (!known.contains(name)) {
            return List.of(new FieldError(field, "is not a parameter of this endpoint; it takes "
                    + (known.isEmpty() ? "none" : known.stream().sorted().collect(Collectors.joining(", ")))));
        }
        if (values.length > 1) {
            return List.of(new FieldError(field, "is given more than once"));
        }
        if (values.length == 0 || values[0].isBlank()) {
            return List.of(new FieldError(field, "is empty; leave it out for the default"));
        }
        return RequestText.singleLineProblem(values[0]).map(problem -> List.of(new FieldError(field, problem)))
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static Set<String> requestParameters(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(PARAMETER_NAMES);
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }
}
