package io.labdeck.session;

/**
 * How many live sessions a start may find before it.
 *
 * @param maxLive       on the whole server
 * @param perOwner      of one browser, in all
 * @param perOwnerPerLab of one browser, of the lab being started
 * @param perAddress    started from one client address (one IPv6 /64)
 */
public record StartLimits(int maxLive, int perOwner, int perOwnerPerLab, int perAddress) {
}
