package io.labdeck.sandbox;

/**
 * How much of a folder a listing shows.
 *
 * @param depth   levels below the folder
 * @param entries entries at most
 */
public record TreeLimits(int depth, int entries) {
}
