package io.labdeck.classroom.service;

import java.util.List;

/**
 * CSV rows (RFC 4180, CRLF). A field that a spreadsheet would take for a formula ({@code = + - @}, tab, CR) gets a
 * leading apostrophe: a learner's display name must not run as one on the instructor's machine.
 */
final class Csv {

    private Csv() {
    }

    static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
