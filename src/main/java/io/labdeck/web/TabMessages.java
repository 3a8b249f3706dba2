package io.labdeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The lab page's tabs beside the steps: Terminal, Editor and the port previews, the port links, uploads and
 * downloads (sidetabs.js, ports.js, editor.js and uploads.js get them as data-label-* attributes). English is here;
 * Japanese and Korean are in {@code messages/tabs_ja.properties} and {@code messages/tabs_ko.properties}. Templates
 * use {@code {tabs:key}}. Plain text only.
 */
@MessageBundle(value = "tabs", locale = "en")
public interface TabMessages {

    // ---- The tabs ----
    @Message("Terminal, editor and previews") String tabsLabel();
    @Message("Terminal") String terminalTab();
    @Message("Editor") String editorTab();
    @Message(":{port}") String portTab(String port);
    @Message("Close the preview of port {port}") String closePreview(String port);
    @Message("Reload") String reload();
    @Message("Open in a new window") String newWindow();

    // ---- The port links ----
    @Message("Ports") String portsTitle();
    @Message("answers") String portAnswering();
    @Message("does not answer: the app may have crashed or still be starting") String portNotAnswering();
    @Message("listens on localhost only: bind it to 0.0.0.0") String portLocalOnly();
    @Message("nothing listens yet") String portNotListening();

    // ---- Uploads ----
    @Message("Drop files here to upload them into the working directory.") String dropHint();
    @Message("Uploading {name}: {percent}% of {size}") String uploading(String name, String percent, String size);
    @Message("Uploaded {names}.") String uploaded(String names);
    @Message("Too large.") String tooLarge();
    @Message("This path cannot be used.") String badPath();
    @Message("The upload failed.") String uploadFailed();
    @Message("Folders cannot be dropped; drop the files in them, or pack them in a tar.") String noFolders();

    // ---- The editor ----
    @Message("File editor") String editorLabel();
    @Message("Files of the working directory") String treeLabel();
    @Message("New file") String newFile();
    @Message("Name of the new file") String newFileName();
    @Message("e.g. app/Dockerfile") String newFilePlaceholder();
    @Message("Create") String create();
    @Message("Upload") String upload();
    @Message("Refresh the file list") String refresh();
    @Message("Download all (tar)") String downloadAll();
    @Message("Download {name}") String download(String name);
    @Message("The working directory is empty.") String treeEmpty();
    @Message("Some files are not shown: the folder is too large to list whole.") String treeTruncated();
    @Message("The file list could not be loaded.") String treeFailed();
    @Message("No file open") String noFile();
    @Message("Choose a file in the list, or make a new one.") String editorEmpty();
    @Message("Unsaved changes") String unsaved();
    @Message("Save") String save();
    @Message("Save (Ctrl+S)") String saveHint();
    @Message("Opening {name}…") String opening(String name);
    @Message("Saving…") String saving();
    @Message("Saved {name}.") String saved(String name);
    @Message("The save failed.") String saveFailed();
    @Message("{name} has unsaved changes. Discard them?") String discard(String name);
    @Message("{name} is not a text file the editor can show; download it instead.") String binary(String name);
    @Message("The editor could not be loaded. Reload the page.") String loadFailed();
}
