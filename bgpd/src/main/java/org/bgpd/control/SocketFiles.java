package org.bgpd.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Prepares a socket path: restricted parent directory, stale file removal, live socket detection.
 * Stateless; safe to share.
 */
final class SocketFiles {
    private SocketFiles() {}

    /**
     * Makes {@code path} free to bind. A file left by a crashed daemon is removed; a socket some
     * process still accepts on is never taken over.
     *
     * @throws IOException with a message naming the path when another daemon owns it, or when the
     *     path is not a socket (we do not delete regular files or directories)
     */
    static void prepare(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            // rwxr-x---: the socket is chmod-ed only after bind, so the directory closes that window.
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(path)) {
            throw new IOException("control socket path " + path + " exists and is not a socket; refusing to remove it");
        }
        if (isLive(path)) {
            throw new IOException("control socket " + path + " is in use by a running daemon; refusing to start");
        }
        Files.deleteIfExists(path);
    }

    /** True when something accepts connections on the socket at {@code path}. */
    static boolean isLive(Path path) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    /** rw-rw----: the daemon's user and group (Calico runs its tools as root or the bird group). */
    static void restrict(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
    }
}
