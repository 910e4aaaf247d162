package org.dyad.dashboard;

import org.springframework.core.io.Resource;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.ContentVersionStrategy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * A dashboard file's version: an MD5 hash of its own content and of every dashboard file's content, written into its
 * file name ({@code app-<hash>.js}). The whole directory is hashed because a module's served text names the
 * versioned URLs of the modules it imports: when one module changes, every module that imports it, directly or not,
 * must get a new URL too.
 */
final class DashboardVersionStrategy extends ContentVersionStrategy {

    private final byte[] allFiles;

    private DashboardVersionStrategy(byte[] allFiles) {
        this.allFiles = allFiles;
    }

    /** The strategy for the given dashboard files, hashed in the order of their URLs. */
    static DashboardVersionStrategy of(Resource[] files) throws IOException {
        ByteArrayOutputStream digestInput = new ByteArrayOutputStream();
        Resource[] sorted = Arrays.stream(files).filter(Resource::isReadable)
                .sorted(Comparator.comparing(DashboardVersionStrategy::nameOf)).toArray(Resource[]::new);
        for (Resource file : sorted) {
            digestInput.write(nameOf(file).getBytes(StandardCharsets.UTF_8));
            digestInput.write(DigestUtils.md5Digest(file.getContentAsByteArray()));
        }
        return new DashboardVersionStrategy(DigestUtils.md5Digest(digestInput.toByteArray()));
    }

    /** The file's path below the classpath's {@code static/} folder, so that the hash is the same wherever Dyad runs. */
    private static String nameOf(Resource file) {
        try {
            String url = file.getURL().toString();
            int served = url.lastIndexOf("/static/");
            return served < 0 ? url : url.substring(served + "/static/".length());
        } catch (IOException e) {
            return Objects.toString(file.getFilename(), "");
        }
    }

    @Override
    public String getResourceVersion(Resource resource) {
        try {
            ByteArrayOutputStream digestInput = new ByteArrayOutputStream();
            digestInput.write(resource.getContentAsByteArray());
            digestInput.write(allFiles);
            return DigestUtils.md5DigestAsHex(digestInput.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
