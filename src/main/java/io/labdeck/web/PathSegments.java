package io.labdeck.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds URL parts from lab ids and language codes, which come from folder and file names. */
final class PathSegments {

    private PathSegments() {
    }

    /** Percent-encodes for a path segment or query value; URLEncoder's '+' for space is wrong in a path. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
