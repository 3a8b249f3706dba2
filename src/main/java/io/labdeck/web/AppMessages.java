package io.labdeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string the pages show that is not lab content. English is here; Japanese and Korean are in
 * {@code messages/msg_ja.properties} and {@code messages/msg_ko.properties}. Templates use {@code {msg:key}}.
 * Plain text only: the templates escape the result.
 */
@MessageBundle(locale = "en")
public interface AppMessages {

    @Message("Hands-on labs in your browser")
    String tagline();

    @Message("Labs")
    String catalogTitle();

    @Message("Pick a lab, read it step by step, and try each command in a live terminal beside the text.")
    String catalogIntro();

    @Message("No labs are installed yet.")
    String catalogEmpty();

    @Message("{count} {#if count == 1}step{#else}steps{/if}")
    String stepCount(int count);

    @Message("Open lab")
    String openLab();

    @Message("Available in")
    String languagesLabel();

    @Message("Display language")
    String uiLanguageLabel();

    @Message("Lab language")
    String contentLanguageLabel();

    @Message("All labs")
    String allLabs();

    @Message("Progress")
    String progressLabel();

    @Message("{done} / {total} steps done")
    String progress(int done, int total);

    @Message("Step {number}")
    String stepNumber(int number);

    @Message("Not checked")
    String statusPending();

    @Message("Check")
    String checkButton();

    @Message("Checking works once the lab is started.")
    String checkUnavailable();

    @Message("Run")
    String runButton();

    @Message("Start the lab to run commands.")
    String runUnavailable();

    @Message("Copy")
    String copyButton();

    @Message("Copied")
    String copied();

    @Message("Could not copy. Select the text and copy it by hand.")
    String copyFailed();

    @Message("Terminal")
    String terminalTitle();

    @Message("Start the lab to open a terminal here. Commands from the steps run in your own sandbox.")
    String terminalPlaceholder();

    @Message("Start lab")
    String startButton();

    // ---- The lab session: starting, the countdown, Extend and End. session.js gets these as data-label-* ----
    @Message("Starting…")
    String startingButton();

    @Message("Starting your sandbox…")
    String sessionStarting();

    @Message("This usually takes a few seconds.")
    String sessionStartingNote();

    @Message("Lab session")
    String sessionControlsLabel();

    @Message("Ready")
    String sessionStatusReady();

    @Message("Ended")
    String sessionStatusEnded();

    @Message("Your sandbox is ready. The terminal will appear here.")
    String sessionReady();

    @Message("Session")
    String sessionIdLabel();

    @Message("Time left")
    String timeLeftLabel();

    @Message("Less than 5 minutes left. Extend the lab to keep working.")
    String timeLow();

    @Message("Extend")
    String extendButton();

    @Message("Add more time to this lab")
    String extendHint();

    @Message("Time extended.")
    String extended();

    @Message("The lab could not be extended.")
    String extendFailed();

    @Message("End lab")
    String endButton();

    @Message("End the lab? Your sandbox and everything in it will be deleted.")
    String endConfirm();

    @Message("End now")
    String endConfirmButton();

    @Message("Cancel")
    String cancelButton();

    @Message("The lab could not be ended. Try again.")
    String endFailed();

    @Message("You ended the lab. Its sandbox has been deleted.")
    String sessionEnded();

    @Message("Time is up: the lab has ended and its sandbox has been deleted.")
    String sessionExpired();

    @Message("The lab's sandbox stopped working, so the lab has ended.")
    String sessionFailed();

    @Message("Start again")
    String startAgain();

    @Message("The lab could not start.")
    String startFailed();

    @Message("Could not reach the server. Check your connection and try again.")
    String networkError();

    /** {@code seconds} is filled in by the script: the page renders the message with a literal placeholder. */
    @Message("Many labs are starting right now. Trying again in {seconds} s.")
    String retryIn(String seconds);

    @Message("Try again")
    String tryAgain();

    // ---- The terminal: its connection badge, the compose line and the split. terminal.js gets some as data-label-* ----
    @Message("Connecting…")
    String connectionConnecting();

    @Message("Connected")
    String connectionConnected();

    @Message("Reconnecting…")
    String connectionReconnecting();

    @Message("Disconnected")
    String connectionDisconnected();

    @Message("The shell exited. A new one is starting.")
    String shellExited();

    /** The server's own message (in English) follows it. */
    @Message("Terminal error:")
    String terminalError();

    /** The server closed this tab's connection (4001) because the tab read its output too slowly. */
    @Message("This tab fell behind the terminal's output, so the connection was restarted. The screen is redrawn from the recent output.")
    String terminalDropped();

    /** The kernel killed a process at the sandbox's memory limit (the sandbox lives on). */
    @Message("Labdeck: this sandbox ran out of memory, so a process in it was stopped. Try again with less data, or stop what you no longer need.")
    String sandboxOutOfMemory();

    /** What screen readers call the terminal's input. */
    @Message("Terminal input")
    String terminalInputLabel();

    @Message("Input line")
    String composeLabel();

    @Message("Japanese and Korean input works best here. Enter sends the line.")
    String composePlaceholder();

    @Message("Send")
    String composeSend();

    @Message("Resize the steps and the terminal")
    String splitLabel();

    @Message("Page not found")
    String notFoundTitle();

    @Message("There is no lab called “{id}”.")
    String labNotFound(String id);

    @Message("This lab is not available in “{lang}”.")
    String languageNotAvailable(String lang);

    @Message("It is available in:")
    String availableIn();

    @Message("Back to all labs")
    String backToCatalog();
}
