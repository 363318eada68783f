package org.dangjian.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of a checkpoint, exactly as RFC 9162 (Certificate Transparency 2.0) §2.1 defines it, over one leaf
 * per stream: {@code leaf hash = SHA-256(0x00 || leaf)}, {@code node = SHA-256(0x01 || left || right)}, the root of no
 * leaves {@code SHA-256("")}, a tree of n > 1 leaves split at the largest power of two below n. docs/audit.md gives
 * the same rules for anyone who verifies without this code.
 */
public final class Merkle {

    private static final HexFormat HEX = HexFormat.of();

    private Merkle() {
    }

    /** A stream's leaf: its service, id, number of events from sequence 0 and the hash of the last of them. */
    public record Leaf(String service, String aggregateId, long count, String head) {

        /** The leaf's bytes: UTF-8 of {@code service LF aggregateId LF count LF head}. */
        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }

        public String text() {
            return service + "\n" + aggregateId + "\n" + count + "\n" + head;
        }

        public String hash() {
            return HEX.formatHex(leafHash(bytes()));
        }
    }

    /** The order of the leaves: by the UTF-8 bytes of {@code service LF aggregateId}, unsigned. */
    public static final Comparator<Leaf> ORDER = (a, b) -> Arrays.compareUnsigned(
            (a.service() + "\n" + a.aggregateId()).getBytes(StandardCharsets.UTF_8),
            (b.service() + "\n" + b.aggregateId()).getBytes(StandardCharsets.UTF_8));

    public static byte[] leafHash(byte[] leaf) {
        return sha256((byte) 0, leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return sha256((byte) 1, both);
    }

    /** The root over the leaves' hashes (in their order). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256(null, new byte[0]);
        }
        return mth(leafHashes, 0, leafHashes.size());
    }

    /** The root over the leaves, sorted by {@link #ORDER} first. */
    public static String rootOf(List<Leaf> leaves) {
        return HEX.formatHex(root(hashes(sorted(leaves))));
    }

    public static List<Leaf> sorted(List<Leaf> leaves) {
        List<Leaf> sorted = new ArrayList<>(leaves);
        sorted.sort(ORDER);
        return sorted;
    }

    public static List<byte[]> hashes(List<Leaf> sortedLeaves) {
        List<byte[]> hashes = new ArrayList<>(sortedLeaves.size());
        sortedLeaves.forEach(leaf -> hashes.add(leafHash(leaf.bytes())));
        return hashes;
    }

    /** The inclusion path (RFC 9162 §2.1.3.1) of leaf {@code index}, lowercase hex, from the leaf up. */
    public static List<String> inclusionPath(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + leafHashes.size());
        }
        List<String> path = new ArrayList<>();
        path(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    private static void path(List<byte[]> hashes, int index, int from, int to, List<String> path) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(hashes, index, from, from + k, path);
            path.add(HEX.formatHex(mth(hashes, from + k, to)));
        } else {
            path(hashes, index - k, from + k, to, path);
            path.add(HEX.formatHex(mth(hashes, from, from + k)));
        }
    }

    /** RFC 9162 §2.1.3.2: whether the path proves the leaf hash at index in a tree of size with this root. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<String> path, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (String hex : path) {
            byte[] p = HEX.parseHex(hex);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private static byte[] mth(List<byte[]> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(mth(hashes, from, from + k), mth(hashes, from + k, to));
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(null, bytes));
    }

    private static byte[] sha256(Byte prefix, byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (prefix != null) {
                digest.update(prefix);
            }
            return digest.digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
