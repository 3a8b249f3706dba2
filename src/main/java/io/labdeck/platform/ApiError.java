package io.labdeck.platform;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every API error: a stable code, a message for people, and where useful what exists instead.
 *
 * @param error     a short code, e.g. {@code lab-not-found}
 * @param message   what went wrong and what to do, in words
 * @param available the things that do exist (languages of a lab, say), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, List<String> available) {

    public ApiError(String error, String message) {
        this(error, message, null);
    }
}
