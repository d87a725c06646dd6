package dev.finessesignout.request;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Dropped files already processed, known by name, size and modification time in a persistent repository, so that the
 * same file dropped again (or copied back by a script) is refused visibly instead of signing its users out again.
 * A file is remembered only once all its requests are queued: one interrupted by a crash is read again in full.
 */
public class ProcessedFiles {
    private final IdempotentRepository repository;

    public ProcessedFiles(IdempotentRepository repository) {
        this.repository = repository;
    }

    public void requireNew(@Header(Exchange.FILE_NAME) String name, @Header(Exchange.FILE_LENGTH) Long size,
            @Header(Exchange.FILE_LAST_MODIFIED) Long modified) {
        if (repository.contains(key(name, size, modified))) {
            throw new UnreadableFileException("it was processed before (a file with the same name, size and "
                    + "modification time went to done/); to sign its users out again, save it anew and drop it again");
        }
    }

    public void remember(@Header(Exchange.FILE_NAME) String name, @Header(Exchange.FILE_LENGTH) Long size,
            @Header(Exchange.FILE_LAST_MODIFIED) Long modified) {
        repository.add(key(name, size, modified));
    }

    private static String key(String name, Long size, Long modified) {
        return name + "|" + size + "|" + modified;
    }
}
