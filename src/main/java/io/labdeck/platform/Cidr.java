package io.labdeck.platform;

/**
 * An IPv4 network in CIDR notation ({@code 10.89.0.0/16}), and whether an address is in it.
 *
 * @param base   the network's first address, as an unsigned 32-bit value
 * @param prefix how many leading bits are the network's
 */
public record Cidr(long base, int prefix) {

    /** Parses {@code a.b.c.d/n}; a bare address is a /32. */
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/");
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + text);
        }
        return new Cidr(ipv4(parts[0]) & mask(prefix), prefix);
    }

    /** Whether the address (IPv4, or IPv4 mapped into IPv6) is in this network; any other address is not. */
    public boolean contains(String address) {
        String a = address.startsWith("::ffff:") ? address.substring(7) : address;
        try {
            return (ipv4(a) & mask(prefix)) == base;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    static long ipv4(String dotted) {
        String[] b = dotted.split("\\.");
        if (b.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long v = 0;
        for (String part : b) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            v = (v << 8) | octet;
        }
        return v;
    }
}
