package io.labdeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The lab page's strings about step progress: statuses, check results, setups, Solve and the completion panel
 * (progress.js in src/main/frontend gets them as data-label-* attributes). English is here; Japanese and Korean are in
 * {@code messages/step_ja.properties} and {@code messages/step_ko.properties}. Templates use {@code {step:key}}.
 * Plain text only: the templates escape the result.
 */
@MessageBundle(value = "step", locale = "en")
public interface StepMessages {

    /**
     * The same words as {@link #progress} for progress.js, which gets them with the literal placeholders
     * {@code {done}} and {@code {total}} and fills them in itself (a test keeps the two alike in every language).
     */
    @Message("{done} / {total} steps done")
    String progressTemplate(String done, String total);

    // ---- Step progress: statuses, check results, blocked steps, step setups, completion. progress.js gets the ----
    // ---- strings it builds with as data-label-*; the rest are in the page already, hidden until needed.        ----
    @Message("Passed")
    String statusPassed();

    @Message("Not passed")
    String statusFailed();

    @Message("Locked")
    String statusBlocked();

    @Message("Checking…")
    String statusChecking();

    @Message("Your work is checked as you go in the terminal. Check checks it now.")
    String checkAuto();

    /** {@code steps} is filled in by the script with the titles of the steps the step waits for. */
    @Message("Opens once you finish: {steps}")
    String blockedNote(String steps);

    @Message("Done: this step passed.")
    String checkPassed();

    @Message("Not yet. What the check found:")
    String checkFailed();

    @Message("Hint")
    String hintLabel();

    @Message("This step is not open yet. Finish the steps before it first.")
    String stepBlocked();

    @Message("The lab is not running, so nothing can be checked. Start it again to go on.")
    String checkNotReady();

    /** The server's own message (in English) may follow it. */
    @Message("The check could not run.")
    String checkError();

    /** The setup's own output follows it. */
    @Message("Preparing this step failed.")
    String setupFailed();

    @Message("Prepare again")
    String setupRetry();

    @Message("Preparing…")
    String setupRetrying();

    /** Authoring mode only: never shown to learners. */
    @Message("Solve this step")
    String solveButton();

    @Message("Runs the step's solve script, then its check (authoring mode).")
    String solveHint();

    @Message("Solving…")
    String solving();

    /** {@code title} is filled in by the script; screen readers hear it when a step passes. */
    @Message("Step passed: {title}")
    String announcePassed(String title);

    /** {@code title} is filled in by the script; screen readers hear it when a check fails. */
    @Message("Step not passed yet: {title}")
    String announceFailed(String title);

    @Message("Lab complete!")
    String labCompleteTitle();

    @Message("{#if count == 1}You finished the lab's only step.{#else}You finished all {count} steps of this lab.{/if} Well done.")
    String labCompleteText(int count);

    @Message("Your earlier session has ended; this is the progress you made. Start the lab to begin afresh.")
    String earlierProgress();
}
