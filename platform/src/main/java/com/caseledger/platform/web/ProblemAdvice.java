package com.caseledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every refused request into problem+json: malformed or invalid input names the field,
 * and nothing unexpected ever shows a stack trace. Sides add their own advice, ordered first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return Problems.invalidInput(e.getMessage(), e.errors());
    }

    @ExceptionHandler(AccessRefused.class)
    public ResponseEntity<ProblemDetail> accessRefused(AccessRefused e) {
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                e.getMessage() + "; nothing was recorded.");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.notFound(e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> parameterTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = describeExpected(e.getRequiredType());
        String message = "'" + Problems.echo(e.getValue()) + "' is not " + expected;
        return Problems.invalidInput(e.getName() + ": " + message, List.of(new FieldError(e.getName(), message)));
    }

    /** CaseLedger reads no uploads: a multipart body, readable or not, is the wrong media type, not a server error. */
    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Problems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "Unsupported Media Type",
                "The body is multipart; CaseLedger reads request bodies as application/json only."));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; nothing was recorded by this request unless a later read shows it."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return widen(Problems.invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                           HttpHeaders headers, HttpStatusCode status,
                                                                           WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return widen(Problems.invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        List<FieldError> errors = List.of(new FieldError(e.getParameterName(), "is required"));
        return widen(Problems.invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return widen(fieldProblem(Problems.echo(path(mapping)), bodyFieldMessage(mapping)));
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                return widen(fieldProblem(Problems.echo(duplicate.group(1)), "appears more than once"));
            }
        }
        // well-formed JSON that is no single object: null, an array, a number, a string, nothing, or a second document
        String message = cause instanceof MismatchedInputException ? "must be one JSON object"
                : cause instanceof JsonProcessingException ? "is not well-formed JSON" : "is missing or unreadable";
        return widen(Problems.invalidInput("The request body " + message,
                List.of(new FieldError("$", "the request body " + message))));
    }

    private static ResponseEntity<ProblemDetail> fieldProblem(String field, String message) {
        return Problems.invalidInput(field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** Why a field of a JSON body was refused, in words a client developer can act on. */
    private static String bodyFieldMessage(JsonMappingException e) {
        if (e instanceof StrictJsonInput.RefusedValue refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + Problems.echo(invalid.getValue()) + "' is not " + describeExpected(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describeExpected(mismatched.getTargetType());
        }
        if (e.getCause() instanceof IllegalArgumentException argument) {
            return argument.getMessage();
        }
        return "has the wrong shape";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        ProblemDetail problem = Problems.problem(status, "not-acceptable", "Not acceptable",
                "This resource is available as " + e.getSupportedMediaTypes().stream()
                        .map(Object::toString).collect(Collectors.joining(", ")));
        return ResponseEntity.status(status).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + "http-" + statusCode.value()));
            }
            if (problem.getDetail() == null) {
                problem.setDetail(problem.getTitle());
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describeExpected(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "an ISO-8601 instant such as 2026-03-01T09:00:00Z";
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "BigDecimal" -> "a decimal number";
            case "String" -> "a JSON string";
            default -> "a valid " + type.getSimpleName();
        };
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
