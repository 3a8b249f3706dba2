package io.labdeck.web;

/**
 * A step as the lab page shows it.
 *
 * @param number   1-based position
 * @param id       the step id, shared by every language of the lab
 * @param title    the heading, plain text (escaped by the template)
 * @param html     the sanitised body with placeholders resolved, inserted raw
 * @param hasCheck whether lab.yaml gives the step a check
 * @param hasSolve whether lab.yaml gives the step a solve script (authoring mode offers "solve this step")
 */
public record StepView(int number, String id, String title, String html, boolean hasCheck, boolean hasSolve) {
}
