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
    /** Room per id in the file (request ids are at most 100 characters) before it is cut back. */
    private static final long BYTES_PER_ID = 128;

    public RecentIds(File store, int size) {
        super(store, LRUCacheFactory.newLRUCache(size));
        // when the file reaches 256 bytes per remembered id, its oldest `size` ids are dropped in one rewrite
        setMaxFileStoreSize(2 * BYTES_PER_ID * size);
        setDropOldestFileStore(size);
    }

    @Override
    protected boolean containsStore(String key) {
        return false;
    }
}
