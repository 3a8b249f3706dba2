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

    @Message("Starting labs is not available on this server yet.")
    String startUnavailable();

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
