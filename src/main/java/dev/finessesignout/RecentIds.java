package dev.finessesignout;

import java.io.File;

import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Camel's file idempotent repository remembering the last {@code size} ids: they are held in memory and appended to
 * the file, which is read back whole at start, so they survive a restart. Camel's own class also scans the file on
 * every id it has not seen (every new request), which makes a batch quadratic; here an id not in memory is new.
 */
public class RecentIds extends FileIdempotentRepository {
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    public RecentIds(File store, int size) {
        super(store, LRUCacheFactory.newLRUCache(size));
        setMaxFileStoreSize(MAX_FILE_BYTES);
    }

    @Override
    protected boolean containsStore(String key) {
        return false;
    }
}
