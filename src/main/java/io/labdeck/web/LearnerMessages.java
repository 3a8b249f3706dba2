package io.labdeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The learner's side of classes: the join page and, on the lab page of a class's session, the raised hand, the
 * instructor's broadcasts and the take-over switch (join.js and classbar.js get them as data-label-* attributes).
 * English is here; Japanese and Korean are in {@code messages/learn_ja.properties} and
 * {@code messages/learn_ko.properties}. Templates use {@code {learn:key}}. Plain text only.
 */
@MessageBundle(value = "learn", locale = "en")
public interface LearnerMessages {

    // ---- The join page ----
    @Message("Join a class") String joinTitle();
    @Message("Type the name your instructor will see. You need no account.") String joinIntro();
    @Message("Join code") String joinCodeLabel();
    @Message("Your name") String displayNameLabel();

    @Message("Language of the lab") String joinLangLabel();
    @Message("e.g. Sakura T.") String displayNamePlaceholder();
    @Message("Join") String joinButton();
    @Message("Joining…") String joining();
    @Message("No class has this join code. Check it with your instructor.") String joinUnknownCode();
    @Message("This class cannot be joined now: it is closed, full or has not begun.") String joinClosed();
    @Message("Check your name and the join code.") String joinInvalid();
    @Message("Many are starting at once. Try again in a moment.") String joinBusy();
    @Message("Could not join the class.") String joinFailed();

    // ---- The lab page, in a class ----
    @Message("Class") String classBarLabel();
    @Message("Raise hand") String raiseHand();
    @Message("Lower hand") String lowerHand();
    @Message("Your hand is raised. Your instructor will come to you.") String handRaised();
    @Message("Your instructor has answered your raised hand.") String handAnswered();
    @Message("Could not reach your instructor. Try again.") String helpFailed();
    @Message("Let my instructor type") String takeoverLabel();
    @Message("On") String switchOn();
    @Message("Off") String switchOff();
    @Message("Your instructor can type in your terminal now. Switch it off at any time.") String takeoverOn();
    @Message("Message from your instructor") String broadcastTitle();
    @Message("Dismiss") String dismiss();
}
