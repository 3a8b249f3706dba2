package io.labdeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The lab text's actions (actions.js gets them as data-label-* attributes of #lab): interrupt blocks, copy-and-edit
 * blocks, open-file and open-port links. English is here; Japanese and Korean are in
 * {@code messages/act_ja.properties} and {@code messages/act_ko.properties}. Templates use {@code {act:key}}. Plain
 * text only.
 */
@MessageBundle(value = "act", locale = "en")
public interface ActionMessages {

    @Message("Stop and run") String runInterrupt();
    @Message("Sends Ctrl-C to the terminal first, which stops what runs there, then runs this") String runInterruptHint();
    @Message("Change the highlighted parts, then run.") String editHint();
    @Message("Change {parts} first: the block does not run as it is.") String editRefused(String parts);
    @Message("Part to change: {part}") String editPart(String part);
    @Message("Ready to run.") String editReady();
    @Message("Open {path} in the editor") String openFile(String path);
    @Message("Open port {port} in a preview tab") String openPort(String port);
    @Message("Start the session first: this opens once it runs.") String startFirst();
}
